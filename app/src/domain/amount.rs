//! Money in whole fen (0.01 yuan), parsed from what people type into a
//! form: `50000`, `5万`, `50,000.00`, `￥1,200.5`, full-width digits.
//! Never floating point, so thresholds compare exactly.

use serde::{Deserialize, Serialize};
use std::fmt;

#[cfg(test)]
mod tests;

const FEN_PER_YUAN: u64 = 100;
const YUAN_PER_WAN: u64 = 10_000;

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Amount(u64);

/// Why a typed amount was not accepted; the interface words each one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AmountError {
    #[error("no amount given")]
    Empty,
    #[error("amounts cannot be negative")]
    Negative,
    #[error("not a number")]
    NotANumber,
    #[error("more than two decimal places")]
    TooManyDecimals,
    #[error("thousands separators in the wrong place")]
    MisplacedSeparator,
    #[error("amount too large")]
    TooLarge,
}

impl Amount {
    pub const ZERO: Amount = Amount(0);

    pub const fn from_fen(fen: u64) -> Self {
        Amount(fen)
    }

    /// Whole yuan; saturates rather than overflowing, for constants.
    pub const fn from_yuan(yuan: u64) -> Self {
        Amount(yuan.saturating_mul(FEN_PER_YUAN))
    }

    pub const fn fen(self) -> u64 {
        self.0
    }

    pub fn parse(input: &str) -> Result<Self, AmountError> {
        let text = normalise(input);
        let text = text.trim();
        if text.is_empty() {
            return Err(AmountError::Empty);
        }
        if text.starts_with('-') || text.starts_with('−') {
            return Err(AmountError::Negative);
        }

        let text = text.trim_start_matches('+');
        let text = text.strip_prefix('¥').unwrap_or(text).trim_start();
        let text = text.strip_suffix('元').unwrap_or(text).trim_end();
        let (number, unit_yuan) = match text.strip_suffix('万') {
            Some(rest) => (rest.trim_end(), YUAN_PER_WAN),
            None => (text, 1),
        };

        let (whole, fraction) = split_number(number)?;
        // 1万 is 10,000 yuan, so a sum in 万 may carry six decimals and
        // still be whole fen; in yuan only two.
        let max_decimals = if unit_yuan == YUAN_PER_WAN { 6 } else { 2 };
        if fraction.len() > max_decimals {
            return Err(AmountError::TooManyDecimals);
        }
        to_fen(whole, fraction, unit_yuan, max_decimals)
    }

    /// `50,000.00`: grouped yuan with two decimals, as on official forms.
    pub fn to_grouped_yuan(self) -> String {
        let yuan = self.0 / FEN_PER_YUAN;
        let fen = self.0 % FEN_PER_YUAN;
        format!("{}.{fen:02}", group_thousands(yuan))
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_grouped_yuan())
    }
}

/// Full-width digits and punctuation from Chinese input methods become
/// their ASCII forms; spaces used as group separators disappear.
fn normalise(input: &str) -> String {
    input
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{3000}' | '\u{a0}'))
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '，' => ',',
            '．' | '。' => '.',
            '￥' => '¥',
            '－' => '-',
            '＋' => '+',
            other => other,
        })
        .collect()
}

/// Splits `12,345.67` into digits `12345` and `67`, checking the grouping.
fn split_number(number: &str) -> Result<(String, &str), AmountError> {
    let (whole, fraction) = match number.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (number, ""),
    };
    let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() {
        return Err(AmountError::NotANumber);
    }
    if !digits_only(fraction) || whole.contains('.') {
        return Err(AmountError::NotANumber);
    }
    if !whole.chars().all(|c| c.is_ascii_digit() || c == ',') {
        return Err(AmountError::NotANumber);
    }

    if whole.contains(',') {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or_default();
        let first_ok = (1..=3).contains(&first.len());
        if !first_ok || groups.any(|g| g.len() != 3) {
            return Err(AmountError::MisplacedSeparator);
        }
    }
    Ok((whole.replace(',', ""), fraction))
}

fn to_fen(
    whole: String,
    fraction: &str,
    unit_yuan: u64,
    max_decimals: usize,
) -> Result<Amount, AmountError> {
    // Scale to the smallest unit the input may carry, then down to fen.
    let scale = 10u64.pow(max_decimals as u32);
    let mut padded = fraction.to_owned();
    padded.extend(std::iter::repeat_n('0', max_decimals - fraction.len()));

    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| AmountError::TooLarge)?
    };
    let fraction: u64 = padded.parse().unwrap_or(0);
    let fen_per_unit = unit_yuan * FEN_PER_YUAN;

    let whole_fen = whole
        .checked_mul(fen_per_unit)
        .ok_or(AmountError::TooLarge)?;
    let fraction_fen = fraction * fen_per_unit / scale;
    whole_fen
        .checked_add(fraction_fen)
        .map(Amount)
        .ok_or(AmountError::TooLarge)
}

fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
