//! The classification list of the policy's attachment 1
//! (信息化建设项目分类清单): four classes, each with numbered systems.
//!
//! The policy's table numbers 30 rows, but row 15 only continues the
//! description of 教学资源管理 across a line break; there are 29 systems.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryClass {
    /// 校务管理类
    CampusAdministration = 1,
    /// 教学科研类
    TeachingAndResearch = 2,
    /// 招生就业类
    AdmissionsAndEmployment = 3,
    /// 综合服务类
    GeneralServices = 4,
}

impl CategoryClass {
    pub const ALL: [CategoryClass; 4] = [
        CategoryClass::CampusAdministration,
        CategoryClass::TeachingAndResearch,
        CategoryClass::AdmissionsAndEmployment,
        CategoryClass::GeneralServices,
    ];

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn name(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            CategoryClass::CampusAdministration => ("校务管理类", "Campus administration"),
            CategoryClass::TeachingAndResearch => ("教学科研类", "Teaching and research"),
            CategoryClass::AdmissionsAndEmployment => ("招生就业类", "Admissions and employment"),
            CategoryClass::GeneralServices => ("综合服务类", "General services"),
        };
        lang.pick(zh, en)
    }
}

/// Which of the two languages a piece of reference data is wanted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub(crate) fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Category {
    pub class: CategoryClass,
    /// The number within the class, as the policy prints it: (01)…(10).
    pub number: u8,
    name_zh: &'static str,
    name_en: &'static str,
    scope_zh: &'static str,
    scope_en: &'static str,
}

/// A category code such as `1-03`: class, then the number within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CategoryCode {
    class: u8,
    number: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a category of the catalogue: {0:?}")]
pub struct UnknownCategory(pub String);

impl Category {
    pub fn code(&self) -> CategoryCode {
        CategoryCode {
            class: self.class.number(),
            number: self.number,
        }
    }

    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.name_zh, self.name_en)
    }

    pub fn scope(&self, lang: Lang) -> &'static str {
        lang.pick(self.scope_zh, self.scope_en)
    }
}

impl CategoryCode {
    pub fn parse(text: &str) -> Result<Self, UnknownCategory> {
        let unknown = || UnknownCategory(text.to_owned());
        let (class, number) = text.trim().split_once('-').ok_or_else(unknown)?;
        let code = CategoryCode {
            class: class.parse().map_err(|_| unknown())?,
            number: number.parse().map_err(|_| unknown())?,
        };
        code.category().map(|_| code).ok_or_else(unknown)
    }

    pub fn category(self) -> Option<&'static Category> {
        CATALOGUE.iter().find(|c| c.code() == self)
    }
}

impl std::fmt::Display for CategoryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{:02}", self.class, self.number)
    }
}

impl TryFrom<String> for CategoryCode {
    type Error = UnknownCategory;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        CategoryCode::parse(&text)
    }
}

impl From<CategoryCode> for String {
    fn from(code: CategoryCode) -> String {
        code.to_string()
    }
}

pub fn categories_of(class: CategoryClass) -> impl Iterator<Item = &'static Category> {
    CATALOGUE.iter().filter(move |c| c.class == class)
}

macro_rules! category {
    ($class:ident, $number:literal, $zh:literal, $en:literal, $scope_zh:literal, $scope_en:literal) => {
        Category {
            class: CategoryClass::$class,
            number: $number,
            name_zh: $zh,
            name_en: $en,
            scope_zh: $scope_zh,
            scope_en: $scope_en,
        }
    };
}

pub static CATALOGUE: [Category; 29] = include!("catalogue_entries.in");

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_catalogue_has_the_policys_twenty_nine_systems_in_four_classes() {
        let per_class: Vec<usize> = CategoryClass::ALL
            .into_iter()
            .map(|c| categories_of(c).count())
            .collect();
        assert_eq!(per_class, [10, 7, 2, 10]);
    }

    #[test]
    fn codes_are_unique_and_numbered_from_one_within_each_class() {
        let codes: HashSet<_> = CATALOGUE.iter().map(Category::code).collect();
        assert_eq!(codes.len(), CATALOGUE.len());
        for class in CategoryClass::ALL {
            let numbers: Vec<u8> = categories_of(class).map(|c| c.number).collect();
            let expected: Vec<u8> = (1..=numbers.len() as u8).collect();
            assert_eq!(numbers, expected, "class {class:?}");
        }
    }

    #[test]
    fn every_category_is_named_and_described_in_both_languages() {
        for category in &CATALOGUE {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!category.name(lang).is_empty());
                assert!(!category.scope(lang).is_empty());
            }
        }
    }

    #[test]
    fn codes_print_and_parse_as_class_dash_number() {
        let code = CategoryCode::parse("2-03").expect("2-03 is in the catalogue");
        assert_eq!(code.to_string(), "2-03");
        assert_eq!(
            code.category().map(|c| c.name(Lang::Zh)),
            Some("教务教学管理")
        );
        assert_eq!(CategoryCode::parse("2-3"), Ok(code));
    }

    #[test]
    fn codes_outside_the_catalogue_are_refused() {
        for text in ["", "3-03", "5-01", "0-01", "1-11", "x-01", "1", "1-01-1"] {
            assert!(CategoryCode::parse(text).is_err(), "{text:?}");
        }
    }
}
