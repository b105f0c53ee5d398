//! Turns the locale files into one method per message on `Locale`, so a
//! missing key, a key present in only one language, or a placeholder that
//! the two languages disagree on is a compile error rather than a blank
//! on someone's screen.

use std::{collections::BTreeMap, env, fmt::Write as _, fs, path::Path};

const LOCALES: [(&str, &str); 2] = [("ZhCn", "locales/zh-CN.toml"), ("En", "locales/en.toml")];

fn main() {
    let tables: Vec<(&str, BTreeMap<String, String>)> = LOCALES
        .iter()
        .map(|(variant, path)| {
            println!("cargo::rerun-if-changed={path}");
            (*variant, read_flat(path))
        })
        .collect();

    let (_, reference) = &tables[0];
    for (variant, table) in &tables[1..] {
        let missing: Vec<_> = reference
            .keys()
            .filter(|k| !table.contains_key(*k))
            .collect();
        let extra: Vec<_> = table
            .keys()
            .filter(|k| !reference.contains_key(*k))
            .collect();
        if !missing.is_empty() || !extra.is_empty() {
            panic!("locale {variant}: missing keys {missing:?}, keys not in zh-CN {extra:?}");
        }
    }

    let mut code = String::from("impl Locale {\n");
    for (key, zh) in reference {
        let params = placeholders(zh);
        for (variant, table) in &tables {
            if placeholders(&table[key]) != params {
                panic!("locale {variant}: key {key} has placeholders other than {params:?}");
            }
        }
        write_method(&mut code, key, &params, &tables);
    }
    code.push_str("}\n");

    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("texts.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}

/// Reads a TOML file of `[section]` tables of strings into `section_key`.
fn read_flat(path: &str) -> BTreeMap<String, String> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let value: toml::Table = text.parse().unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut flat = BTreeMap::new();
    flatten("", &value, &mut flat, path);
    flat
}

fn flatten(prefix: &str, table: &toml::Table, flat: &mut BTreeMap<String, String>, path: &str) {
    for (key, value) in table {
        let name = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}_{key}")
        };
        match value {
            toml::Value::String(text) => {
                flat.insert(name, text.clone());
            }
            toml::Value::Table(inner) => flatten(&name, inner, flat, path),
            other => panic!("{path}: {name} must be a string, found {other}"),
        }
    }
}

/// `{name}` placeholders in order of first appearance; `{{` escapes.
fn placeholders(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text.replace("{{", "").replace("}}", "");
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let name = rest[start + 1..start + len].to_owned();
        if !names.contains(&name) {
            names.push(name);
        }
        rest = rest[start + len + 1..].to_owned();
    }
    names.sort();
    names
}

fn write_method(
    code: &mut String,
    key: &str,
    params: &[String],
    tables: &[(&str, BTreeMap<String, String>)],
) {
    if params.is_empty() {
        let _ = writeln!(
            code,
            "    pub fn {key}(self) -> &'static str {{\n        match self {{"
        );
        for (variant, table) in tables {
            let _ = writeln!(code, "            Locale::{variant} => {:?},", table[key]);
        }
    } else {
        let args: Vec<String> = params
            .iter()
            .map(|p| format!("{p}: impl std::fmt::Display"))
            .collect();
        let _ = writeln!(
            code,
            "    pub fn {key}(self, {}) -> String {{\n        match self {{",
            args.join(", ")
        );
        for (variant, table) in tables {
            let _ = writeln!(
                code,
                "            Locale::{variant} => format!({:?}),",
                table[key]
            );
        }
    }
    code.push_str("        }\n    }\n");
}
