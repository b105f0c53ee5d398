//! Calendar dates as people type them (`2027-03-01`), without time zones:
//! a go-live date or a meeting date is a day in Guangdong, nothing finer.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CalendarDate {
    year: u16,
    month: u8,
    day: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum DateError {
    #[error("no date given")]
    Empty,
    #[error("not a date of the form YYYY-MM-DD")]
    Malformed,
    #[error("no such day")]
    NoSuchDay,
}

impl CalendarDate {
    /// The first day the calendar accepts.
    pub const EARLIEST: CalendarDate = CalendarDate {
        year: 1900,
        month: 1,
        day: 1,
    };

    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        let valid_month = (1..=12).contains(&month);
        if !valid_month || day == 0 || day > days_in_month(year, month) || year < 1900 {
            return Err(DateError::NoSuchDay);
        }
        Ok(CalendarDate { year, month, day })
    }

    /// Year, month and day, for writers of other formats.
    pub fn parts(self) -> (u16, u8, u8) {
        (self.year, self.month, self.day)
    }

    /// Accepts `2027-03-01`, `2027-3-1` and `2027/03/01`.
    pub fn parse(input: &str) -> Result<Self, DateError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(DateError::Empty);
        }
        let parts: Vec<&str> = text.split(['-', '/']).collect();
        let [year, month, day] = parts.as_slice() else {
            return Err(DateError::Malformed);
        };
        let number = |s: &str, max_len: usize| {
            let digits =
                !s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit());
            digits
                .then(|| s.parse::<u16>().ok())
                .flatten()
                .ok_or(DateError::Malformed)
        };
        let (year, month, day) = (number(year, 4)?, number(month, 2)?, number(day, 2)?);
        CalendarDate::new(year, month as u8, day as u8)
    }
}

impl CalendarDate {
    /// Days since 1970-01-01 (proleptic Gregorian calendar).
    fn day_number(self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// Whole days from this date to `later` (negative if it is earlier).
    pub fn days_until(self, later: CalendarDate) -> i64 {
        later.day_number() - self.day_number()
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for CalendarDate {
    type Error = DateError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        CalendarDate::parse(&text)
    }
}

impl From<CalendarDate> for String {
    fn from(date: CalendarDate) -> String {
        date.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_between_dates_count_leap_days_and_year_ends() {
        let date = |s: &str| CalendarDate::parse(s).expect("a date");
        let cases = [
            ("1970-01-01", "1970-01-02", 1),
            ("2024-02-28", "2024-03-01", 2),
            ("2023-02-28", "2023-03-01", 1),
            ("2026-12-31", "2027-01-01", 1),
            ("2000-01-01", "2001-01-01", 366),
            ("2026-12-03", "2026-11-03", -30),
        ];
        for (from, to, days) in cases {
            assert_eq!(date(from).days_until(date(to)), days, "{from} → {to}");
        }
    }

    #[test]
    fn typed_dates_parse_in_the_usual_forms() {
        let expected = CalendarDate::new(2027, 3, 1).expect("a real day");
        for input in ["2027-03-01", "2027-3-1", "2027/03/01", " 2027-03-01 "] {
            assert_eq!(CalendarDate::parse(input), Ok(expected), "{input:?}");
        }
        assert_eq!(expected.to_string(), "2027-03-01");
    }

    #[test]
    fn impossible_or_malformed_dates_are_refused() {
        let cases = [
            ("", DateError::Empty),
            ("2027-02-29", DateError::NoSuchDay),
            ("2027-13-01", DateError::NoSuchDay),
            ("2027-04-31", DateError::NoSuchDay),
            ("2027-00-10", DateError::NoSuchDay),
            ("tomorrow", DateError::Malformed),
            ("2027-03", DateError::Malformed),
            ("20270-03-01", DateError::Malformed),
            ("2027-03-01-02", DateError::Malformed),
        ];
        for (input, error) in cases {
            assert_eq!(CalendarDate::parse(input), Err(error), "{input:?}");
        }
    }

    #[test]
    fn leap_days_follow_the_gregorian_rule() {
        assert!(CalendarDate::new(2028, 2, 29).is_ok());
        assert!(CalendarDate::new(2000, 2, 29).is_ok());
        assert_eq!(CalendarDate::new(2100, 2, 29), Err(DateError::NoSuchDay));
    }

    #[test]
    fn dates_order_by_day() {
        let earlier = CalendarDate::parse("2027-01-31").expect("valid");
        let later = CalendarDate::parse("2027-02-01").expect("valid");
        assert!(earlier < later);
    }
}
