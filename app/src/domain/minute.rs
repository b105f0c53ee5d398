//! A date and a time of day in Guangdong, to the minute, as people type
//! them on a form (`2027-03-01 14:30`, or `2027-03-01T14:30` from a
//! `datetime-local` field): the application and execution times of a
//! change request.

use super::{CalendarDate, DateError, Timestamp};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LocalMinute {
    date: CalendarDate,
    /// Minutes since local midnight, `0..1440`.
    minute: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum MinuteError {
    #[error("no date and time given")]
    Empty,
    #[error("not of the form YYYY-MM-DD HH:MM")]
    Malformed,
    #[error("no such day or time")]
    NoSuchTime,
}

impl LocalMinute {
    pub fn new(date: CalendarDate, hour: u8, minute: u8) -> Result<Self, MinuteError> {
        if hour > 23 || minute > 59 {
            return Err(MinuteError::NoSuchTime);
        }
        Ok(LocalMinute {
            date,
            minute: u16::from(hour) * 60 + u16::from(minute),
        })
    }

    pub fn parse(input: &str) -> Result<Self, MinuteError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(MinuteError::Empty);
        }
        let (date, time) = text.split_once(['T', ' ']).ok_or(MinuteError::Malformed)?;
        let date = CalendarDate::parse(date).map_err(|error| match error {
            DateError::NoSuchDay => MinuteError::NoSuchTime,
            DateError::Empty | DateError::Malformed => MinuteError::Malformed,
        })?;
        // A `datetime-local` field may add seconds; they are dropped.
        let mut parts = time.trim().split(':');
        let mut number = || {
            parts
                .next()
                .filter(|s| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|s| s.parse::<u8>().ok())
                .ok_or(MinuteError::Malformed)
        };
        let (hour, minute) = (number()?, number()?);
        LocalMinute::new(date, hour, minute)
    }

    pub fn date(self) -> CalendarDate {
        self.date
    }

    /// Hour and minute of the day.
    pub fn time(self) -> (u8, u8) {
        // Both below 60 by construction.
        ((self.minute / 60) as u8, (self.minute % 60) as u8)
    }

    /// The value a `datetime-local` input expects.
    pub fn to_input_value(self) -> String {
        format!(
            "{}T{:02}:{:02}",
            self.date,
            self.minute / 60,
            self.minute % 60
        )
    }
}

impl From<Timestamp> for LocalMinute {
    fn from(instant: Timestamp) -> Self {
        let (date, minute) = instant.local_date_and_minute();
        LocalMinute {
            date,
            // Below 1440 by construction of the remainder.
            minute: minute as u16,
        }
    }
}

impl fmt::Display for LocalMinute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {:02}:{:02}",
            self.date,
            self.minute / 60,
            self.minute % 60
        )
    }
}

impl TryFrom<String> for LocalMinute {
    type Error = MinuteError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        LocalMinute::parse(&text)
    }
}

impl From<LocalMinute> for String {
    fn from(minute: LocalMinute) -> String {
        minute.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_times_parse_from_forms_and_inputs() {
        let date = CalendarDate::new(2027, 3, 1).expect("a real day");
        let expected = LocalMinute::new(date, 14, 5).expect("a real time");
        for input in [
            "2027-03-01 14:05",
            "2027-03-01T14:05",
            "2027-3-1 14:5",
            "2027-03-01T14:05:59",
            " 2027-03-01 14:05 ",
        ] {
            assert_eq!(LocalMinute::parse(input), Ok(expected), "{input:?}");
        }
        assert_eq!(expected.to_string(), "2027-03-01 14:05");
        assert_eq!(expected.to_input_value(), "2027-03-01T14:05");
    }

    #[test]
    fn impossible_or_malformed_times_are_refused() {
        let cases = [
            ("", MinuteError::Empty),
            ("2027-03-01", MinuteError::Malformed),
            ("2027-03-01 24:00", MinuteError::NoSuchTime),
            ("2027-03-01 12:60", MinuteError::NoSuchTime),
            ("2027-02-30 12:00", MinuteError::NoSuchTime),
            ("2027-03-01 noon", MinuteError::Malformed),
            ("2027-03-01 123:00", MinuteError::Malformed),
            ("soon 12:00", MinuteError::Malformed),
        ];
        for (input, error) in cases {
            assert_eq!(LocalMinute::parse(input), Err(error), "{input:?}");
        }
    }

    #[test]
    fn instants_become_the_local_minute() {
        // 2026-12-03 16:30 UTC is 00:30 on the 4th in Guangdong.
        let minute = LocalMinute::from(Timestamp(1_796_315_400_000));
        assert_eq!(minute.to_string(), "2026-12-04 00:30");
    }

    #[test]
    fn times_order_by_day_then_minute() {
        let at = |s: &str| LocalMinute::parse(s).expect("valid");
        assert!(at("2027-01-31 23:59") < at("2027-02-01 00:00"));
        assert!(at("2027-02-01 08:00") < at("2027-02-01 08:01"));
    }
}
