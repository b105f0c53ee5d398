//! The interface languages. Every message is a method on `Locale`,
//! generated at build time from `locales/*.toml` (see `build.rs`).

use crate::domain::Lang;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    ZhCn,
    En,
}

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::ZhCn, Locale::En];

    /// The cookie that remembers the choice, read by the server so the
    /// first render is already in the right language.
    pub const COOKIE: &'static str = "isflow_lang";

    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }

    /// Each language named in itself, as language menus do.
    pub fn language_name(self) -> &'static str {
        match self {
            Locale::ZhCn => "简体中文",
            Locale::En => "English",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag.trim()))
    }

    /// Reads the language cookie out of a `Cookie` header; Chinese otherwise.
    pub fn from_cookie_header(header: &str) -> Self {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == Self::COOKIE)
            .and_then(|(_, value)| Self::from_tag(value))
            .unwrap_or_default()
    }

    /// The language reference data from the domain is wanted in.
    pub fn lang(self) -> Lang {
        match self {
            Locale::ZhCn => Lang::Zh,
            Locale::En => Lang::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_cookie_picks_the_locale_and_defaults_to_chinese() {
        assert_eq!(
            Locale::from_cookie_header("a=1; isflow_lang=en"),
            Locale::En
        );
        assert_eq!(
            Locale::from_cookie_header("isflow_lang=zh-CN"),
            Locale::ZhCn
        );
        assert_eq!(Locale::from_cookie_header("isflow_lang=fr"), Locale::ZhCn);
        assert_eq!(Locale::from_cookie_header(""), Locale::ZhCn);
    }

    #[test]
    fn messages_exist_in_both_languages() {
        assert_ne!(Locale::ZhCn.app_name(), "");
        assert_ne!(Locale::ZhCn.nav_sign_out(), Locale::En.nav_sign_out());
    }
}
