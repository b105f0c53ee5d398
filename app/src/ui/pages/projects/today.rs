//! Today's date in Guangdong on whichever side is running, for rules such
//! as "go-live not in the past"; the server checks again with its own.

use crate::domain::{CalendarDate, Timestamp};

pub fn today() -> Option<CalendarDate> {
    CalendarDate::parse(&Timestamp(now_millis()).to_local_date()).ok()
}

/// The current minute in Guangdong: the application time of a form being
/// filled in.
pub fn this_minute() -> crate::domain::LocalMinute {
    crate::domain::LocalMinute::from(Timestamp(now_millis()))
}

#[cfg(feature = "hydrate")]
fn now_millis() -> i64 {
    js_sys::Date::now() as i64
}

#[cfg(not(feature = "hydrate"))]
fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}
