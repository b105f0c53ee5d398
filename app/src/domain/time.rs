//! Instants as milliseconds since the Unix epoch, shown in China Standard
//! Time (UTC+8, no daylight saving), where the college is. Kept free of
//! date libraries so the browser bundle stays small.

use super::CalendarDate;
use serde::{Deserialize, Serialize};

const MILLIS_PER_DAY: i64 = 86_400_000;
const CHINA_OFFSET_MILLIS: i64 = 8 * 3_600_000;

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub fn from_millis(millis: i64) -> Self {
        Timestamp(millis)
    }

    pub fn millis(self) -> i64 {
        self.0
    }

    /// `2026-12-03 17:04` in China Standard Time.
    pub fn to_local_minute(self) -> String {
        let (date, minutes) = self.local_parts();
        format!("{date} {:02}:{:02}", minutes / 60, minutes % 60)
    }

    /// `2026-12-03` in China Standard Time.
    pub fn to_local_date(self) -> String {
        self.local_parts().0
    }

    fn local_parts(self) -> (String, i64) {
        let (date, minutes) = self.local_date_and_minute();
        (date.to_string(), minutes)
    }

    /// The local calendar day and the minutes since its midnight.
    pub(crate) fn local_date_and_minute(self) -> (CalendarDate, i64) {
        let local = self.0 + CHINA_OFFSET_MILLIS;
        let days = local.div_euclid(MILLIS_PER_DAY);
        let minutes = local.rem_euclid(MILLIS_PER_DAY) / 60_000;
        let (year, month, day) = civil_from_days(days);
        let date = u16::try_from(year)
            .ok()
            .and_then(|year| CalendarDate::new(year, month as u8, day as u8).ok())
            // Instants before 1900 or after 65535 never come from a clock
            // this application reads; the earliest day stands in for them.
            .unwrap_or(CalendarDate::EARLIEST);
        (date, minutes)
    }

    /// The local year, for numbering.
    pub fn local_year(self) -> i64 {
        let local = self.0 + CHINA_OFFSET_MILLIS;
        civil_from_days(local.div_euclid(MILLIS_PER_DAY)).0
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian date, by the well-known
/// era arithmetic (400-year cycles of 146,097 days).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_shown_in_china_standard_time() {
        let cases = [
            (0, "1970-01-01 08:00"),
            (1_796_317_497_000, "2026-12-04 01:04"),
            (951_782_400_000, "2000-02-29 08:00"),
            (-1, "1970-01-01 07:59"),
        ];
        for (millis, text) in cases {
            assert_eq!(Timestamp(millis).to_local_minute(), text, "{millis}");
        }
    }

    #[test]
    fn the_date_follows_the_local_day_not_the_utc_day() {
        // 2026-12-03 16:30 UTC is already the 4th in Guangdong.
        assert_eq!(Timestamp(1_796_315_400_000).to_local_date(), "2026-12-04");
    }
}
