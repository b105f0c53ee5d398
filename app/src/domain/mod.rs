//! The rules of the policy as plain Rust: no Leptos, no database. The same
//! code runs in the browser, for instant answers while a form is filled
//! in, and on the server, which re-checks everything.

mod access;
mod account;
mod amount;
mod application;
mod catalogue;
pub mod change;
mod date;
mod delegation;
mod department;
mod minute;
pub mod process;
mod role;
mod tier;
mod time;

pub use access::{Capability, NavItem, has_capability, nav_items};
pub use account::{
    DisplayName, DisplayNameError, PasswordError, UserName, UserNameError, check_new_password,
};
pub use amount::{Amount, AmountError};
pub use application::{
    Application, ApplicationDraft, ApplicationProblem, Basis, LongField, ProjectClass,
};
pub use catalogue::{
    CATALOGUE, Category, CategoryClass, CategoryCode, Lang, UnknownCategory, categories_of,
};
pub use date::{CalendarDate, DateError};
pub use delegation::{Delegation, DelegationDraft, DelegationProblem, MAX_DELEGATION_DAYS};
pub use department::{
    DepartmentCode, DepartmentCodeError, DepartmentKind, DepartmentNameError, check_department_name,
};
pub use minute::{LocalMinute, MinuteError};
pub use role::{Role, RoleScope, UnknownRole};
pub use tier::ApprovalTier;
pub use time::Timestamp;

#[cfg(test)]
mod parser_properties;
