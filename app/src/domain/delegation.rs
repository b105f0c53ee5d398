//! Delegating one's decisions to another user for a range of days, such as
//! a department head away on a business trip (DESIGN §6). The record then
//! shows "B on behalf of A".

use super::{CalendarDate, DateError};
use serde::{Deserialize, Serialize};

/// The longest a single delegation may run; longer absences are a change
/// of role, made by the administrator.
pub const MAX_DELEGATION_DAYS: i64 = 92;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationDraft {
    /// User id of the delegate.
    pub delegate: String,
    pub starts: String,
    pub ends: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegation {
    pub delegate: String,
    pub starts: CalendarDate,
    pub ends: CalendarDate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum DelegationProblem {
    #[error("no delegate chosen")]
    DelegateMissing,
    #[error("a user cannot delegate to themselves")]
    DelegateIsSelf,
    #[error("start date: {0}")]
    Starts(DateError),
    #[error("end date: {0}")]
    Ends(DateError),
    #[error("ends before it starts")]
    EndsBeforeStart,
    #[error("ends in the past")]
    EndsInPast,
    #[error("longer than allowed")]
    TooLong,
}

impl DelegationDraft {
    pub fn validate(&self, me: &str, today: CalendarDate) -> Result<Delegation, DelegationProblem> {
        let delegate = self.delegate.trim();
        if delegate.is_empty() {
            return Err(DelegationProblem::DelegateMissing);
        }
        if delegate == me {
            return Err(DelegationProblem::DelegateIsSelf);
        }
        let starts = CalendarDate::parse(&self.starts).map_err(DelegationProblem::Starts)?;
        let ends = CalendarDate::parse(&self.ends).map_err(DelegationProblem::Ends)?;
        if ends < starts {
            return Err(DelegationProblem::EndsBeforeStart);
        }
        if ends < today {
            return Err(DelegationProblem::EndsInPast);
        }
        if starts.days_until(ends) > MAX_DELEGATION_DAYS {
            return Err(DelegationProblem::TooLong);
        }
        Ok(Delegation {
            delegate: delegate.to_owned(),
            starts,
            ends,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(delegate: &str, starts: &str, ends: &str) -> DelegationDraft {
        DelegationDraft {
            delegate: delegate.into(),
            starts: starts.into(),
            ends: ends.into(),
        }
    }

    #[test]
    fn delegations_are_checked_against_the_calendar_and_the_delegator() {
        let today = CalendarDate::parse("2026-12-03").expect("a date");
        let cases = [
            (
                draft("", "2026-12-03", "2026-12-10"),
                Err(DelegationProblem::DelegateMissing),
            ),
            (
                draft("me", "2026-12-03", "2026-12-10"),
                Err(DelegationProblem::DelegateIsSelf),
            ),
            (
                draft("b", "soon", "2026-12-10"),
                Err(DelegationProblem::Starts(DateError::Malformed)),
            ),
            (
                draft("b", "2026-12-10", "2026-12-03"),
                Err(DelegationProblem::EndsBeforeStart),
            ),
            (
                draft("b", "2026-11-01", "2026-12-02"),
                Err(DelegationProblem::EndsInPast),
            ),
            (
                draft("b", "2026-12-03", "2027-06-01"),
                Err(DelegationProblem::TooLong),
            ),
        ];
        for (draft, expected) in cases {
            assert_eq!(
                draft.validate("me", today).map(|_| ()),
                expected,
                "{draft:?}"
            );
        }
        let accepted = draft(" b ", "2026-12-01", "2026-12-03").validate("me", today);
        assert_eq!(accepted.map(|d| d.delegate), Ok("b".to_owned()));
    }
}
