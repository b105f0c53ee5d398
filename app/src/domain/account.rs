//! What a user name, a display name and a password must look like.
//! Checked in the form as it is typed and again on the server.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UserName(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum UserNameError {
    #[error("user name too short")]
    TooShort,
    #[error("user name too long")]
    TooLong,
    #[error("user name has characters other than a-z, 0-9, '.', '_' and '-'")]
    BadCharacter,
}

impl UserName {
    pub const MIN_LEN: usize = 3;
    pub const MAX_LEN: usize = 32;

    /// Names are compared case-insensitively, so they are kept lower-case.
    pub fn parse(input: &str) -> Result<Self, UserNameError> {
        let name = input.trim().to_ascii_lowercase();
        if name.chars().count() < Self::MIN_LEN {
            return Err(UserNameError::TooShort);
        }
        if name.chars().count() > Self::MAX_LEN {
            return Err(UserNameError::TooLong);
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c);
        if !name.chars().all(allowed) {
            return Err(UserNameError::BadCharacter);
        }
        Ok(UserName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UserName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for UserName {
    type Error = UserNameError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        UserName::parse(&value)
    }
}

impl From<UserName> for String {
    fn from(name: UserName) -> String {
        name.0
    }
}

/// A person's name as shown to others, e.g. 张老师.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DisplayName(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum DisplayNameError {
    #[error("name is empty")]
    Empty,
    #[error("name too long")]
    TooLong,
    #[error("name contains control characters")]
    ControlCharacter,
}

impl DisplayName {
    pub const MAX_LEN: usize = 40;

    pub fn parse(input: &str) -> Result<Self, DisplayNameError> {
        let name = input.trim();
        if name.is_empty() {
            return Err(DisplayNameError::Empty);
        }
        if name.chars().count() > Self::MAX_LEN {
            return Err(DisplayNameError::TooLong);
        }
        if name.chars().any(char::is_control) {
            return Err(DisplayNameError::ControlCharacter);
        }
        Ok(DisplayName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for DisplayName {
    type Error = DisplayNameError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        DisplayName::parse(&value)
    }
}

impl From<DisplayName> for String {
    fn from(name: DisplayName) -> String {
        name.0
    }
}

impl fmt::Display for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PasswordError {
    #[error("password too short")]
    TooShort,
    #[error("password too long")]
    TooLong,
    #[error("password is the user name")]
    SameAsUserName,
}

/// Rules for a new password. Length matters more than character classes;
/// the upper bound keeps hashing cost bounded.
pub fn check_new_password(password: &str, user_name: &str) -> Result<(), PasswordError> {
    const MIN_LEN: usize = 10;
    const MAX_LEN: usize = 128;

    let length = password.chars().count();
    if length < MIN_LEN {
        return Err(PasswordError::TooShort);
    }
    if length > MAX_LEN {
        return Err(PasswordError::TooLong);
    }
    if password.trim().eq_ignore_ascii_case(user_name.trim()) {
        return Err(PasswordError::SameAsUserName);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_names_are_trimmed_and_lower_cased() {
        assert_eq!(
            UserName::parse("  Zhang.San ").map(|n| n.0),
            Ok("zhang.san".into())
        );
    }

    #[test]
    fn user_names_outside_the_rules_are_refused() {
        let cases = [
            ("ab", UserNameError::TooShort),
            ("", UserNameError::TooShort),
            (&"a".repeat(33), UserNameError::TooLong),
            ("张三丰", UserNameError::BadCharacter),
            ("a b c", UserNameError::BadCharacter),
            ("x'; --", UserNameError::BadCharacter),
        ];
        for (input, error) in cases {
            assert_eq!(UserName::parse(input), Err(error), "{input:?}");
        }
    }

    #[test]
    fn display_names_accept_chinese_and_refuse_control_characters() {
        assert!(DisplayName::parse("张老师").is_ok());
        assert_eq!(DisplayName::parse("  "), Err(DisplayNameError::Empty));
        assert_eq!(
            DisplayName::parse("a\u{0}b"),
            Err(DisplayNameError::ControlCharacter)
        );
        assert_eq!(
            DisplayName::parse(&"名".repeat(41)),
            Err(DisplayNameError::TooLong)
        );
    }

    #[test]
    fn new_passwords_must_be_long_and_not_the_user_name() {
        assert_eq!(
            check_new_password("short", "li"),
            Err(PasswordError::TooShort)
        );
        assert_eq!(
            check_new_password(&"x".repeat(129), "li"),
            Err(PasswordError::TooLong)
        );
        assert_eq!(
            check_new_password("Wang.Xiaoming", "wang.xiaoming"),
            Err(PasswordError::SameAsUserName)
        );
        assert_eq!(check_new_password("correct horse battery", "li"), Ok(()));
    }
}
