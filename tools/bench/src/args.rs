//! `COMMAND --name value ...`: the whole command line this tool needs.

use crate::Failure;
use std::collections::HashMap;

pub struct Options(HashMap<String, String>);

pub fn split(argv: &[String]) -> Result<(String, Options), Failure> {
    let command = argv.first().cloned().unwrap_or_else(|| "help".into());
    let mut options = HashMap::new();
    let mut rest = argv.iter().skip(1);
    while let Some(name) = rest.next() {
        let name = name
            .strip_prefix("--")
            .ok_or_else(|| Failure(format!("expected --option, found {name:?}")))?;
        let value = rest
            .next()
            .ok_or_else(|| Failure(format!("--{name} needs a value")))?;
        options.insert(name.to_owned(), value.clone());
    }
    Ok((command, Options(options)))
}

impl Options {
    pub fn text(&self, name: &str) -> Result<String, Failure> {
        self.0
            .get(name)
            .cloned()
            .ok_or_else(|| Failure(format!("--{name} is required")))
    }

    pub fn text_or(&self, name: &str, default: &str) -> String {
        self.0
            .get(name)
            .cloned()
            .unwrap_or_else(|| default.to_owned())
    }

    pub fn number(&self, name: &str, default: usize) -> Result<usize, Failure> {
        match self.0.get(name) {
            None => Ok(default),
            Some(value) => value
                .replace('_', "")
                .parse()
                .map_err(|_| Failure(format!("--{name} must be a whole number, not {value:?}"))),
        }
    }

    /// A comma-separated list of whole numbers, e.g. `--factors 1,10`.
    pub fn numbers(&self, name: &str, default: &[usize]) -> Result<Vec<usize>, Failure> {
        match self.0.get(name) {
            None => Ok(default.to_vec()),
            Some(value) => value
                .split(',')
                .map(|part| {
                    part.trim()
                        .parse()
                        .map_err(|_| Failure(format!("--{name}: {part:?} is not a whole number")))
                })
                .collect(),
        }
    }
}
