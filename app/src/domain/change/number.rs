//! Change request numbers: `BG-2026-0001`, counted afresh each year. The
//! database hands out the sequence; this only formats and reads it.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ChangeNumber {
    pub year: u16,
    pub sequence: u32,
}

const PREFIX: &str = "BG-";

impl ChangeNumber {
    /// Reads a number as printed; anything else is `None`.
    pub fn parse(text: &str) -> Option<ChangeNumber> {
        let rest = text.trim().strip_prefix(PREFIX)?;
        let (year, sequence) = rest.split_once('-')?;
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year) || year.len() != 4 || !digits(sequence) || sequence.len() < 4 {
            return None;
        }
        let number = ChangeNumber {
            year: year.parse().ok()?,
            sequence: sequence.parse().ok()?,
        };
        (number.sequence > 0).then_some(number)
    }
}

impl fmt::Display for ChangeNumber {
    /// Four digits at least, so numbers sort as text within a year; a
    /// year with more than 9,999 changes simply gets longer numbers.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{PREFIX}{:04}-{:04}", self.year, self.sequence)
    }
}
