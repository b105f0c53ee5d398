//! Departments of the college: a short code, a name, and the vice
//! president who supervises them (分管校领导), used to route approvals.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DepartmentCode(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum DepartmentCodeError {
    #[error("code must have 2 to 16 characters")]
    Length,
    #[error("code may only use A-Z, 0-9 and '-'")]
    BadCharacter,
}

impl DepartmentCode {
    pub fn parse(input: &str) -> Result<Self, DepartmentCodeError> {
        let code = input.trim().to_ascii_uppercase();
        if !(2..=16).contains(&code.len()) {
            return Err(DepartmentCodeError::Length);
        }
        let allowed = |c: char| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-';
        if !code.chars().all(allowed) {
            return Err(DepartmentCodeError::BadCharacter);
        }
        Ok(DepartmentCode(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for DepartmentCode {
    type Error = DepartmentCodeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        DepartmentCode::parse(&value)
    }
}

impl From<DepartmentCode> for String {
    fn from(code: DepartmentCode) -> String {
        code.0
    }
}

impl std::fmt::Display for DepartmentCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a department is within the policy: the IT centre, finance and the
/// others each have a part of their own; every other one is a business
/// department that applies for projects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DepartmentKind {
    Business,
    ItCentre,
    Finance,
    Procurement,
    Audit,
    Leadership,
}

impl DepartmentKind {
    pub const ALL: [DepartmentKind; 6] = [
        DepartmentKind::Business,
        DepartmentKind::ItCentre,
        DepartmentKind::Finance,
        DepartmentKind::Procurement,
        DepartmentKind::Audit,
        DepartmentKind::Leadership,
    ];

    pub fn id(self) -> &'static str {
        match self {
            DepartmentKind::Business => "business",
            DepartmentKind::ItCentre => "it_centre",
            DepartmentKind::Finance => "finance",
            DepartmentKind::Procurement => "procurement",
            DepartmentKind::Audit => "audit",
            DepartmentKind::Leadership => "leadership",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.id() == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum DepartmentNameError {
    #[error("name is empty")]
    Empty,
    #[error("name too long")]
    TooLong,
}

/// Names such as 纪检室（审计工作部） carry brackets, so only length is ruled.
pub fn check_department_name(name: &str) -> Result<(), DepartmentNameError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(DepartmentNameError::Empty);
    }
    if name.chars().count() > 40 || name.chars().any(char::is_control) {
        return Err(DepartmentNameError::TooLong);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn department_codes_are_upper_cased() {
        assert_eq!(
            DepartmentCode::parse(" jwc ").map(|c| c.0),
            Ok("JWC".to_owned())
        );
    }

    #[test]
    fn department_codes_outside_the_rules_are_refused() {
        let cases = [
            ("J", DepartmentCodeError::Length),
            ("ABCDEFGHIJKLMNOPQ", DepartmentCodeError::Length),
            ("教务", DepartmentCodeError::BadCharacter),
            ("J W", DepartmentCodeError::BadCharacter),
        ];
        for (input, error) in cases {
            assert_eq!(DepartmentCode::parse(input), Err(error), "{input:?}");
        }
    }

    #[test]
    fn kinds_round_trip_through_their_ids() {
        for kind in DepartmentKind::ALL {
            assert_eq!(DepartmentKind::from_id(kind.id()), Some(kind));
        }
    }

    #[test]
    fn department_names_need_text_and_a_sane_length() {
        assert_eq!(check_department_name("纪检室（审计工作部）"), Ok(()));
        assert_eq!(check_department_name(" "), Err(DepartmentNameError::Empty));
        assert_eq!(
            check_department_name(&"部".repeat(41)),
            Err(DepartmentNameError::TooLong)
        );
    }
}
