//! Server functions, one file per action, grouped by area. Each is thin:
//! authenticate, authorize, call the backend, map errors to `AppError`.

mod change_view;
mod error;
mod problem;
mod project_view;
mod types;
mod validation;

pub mod admin;
pub mod auth;
pub mod changes;
pub mod delegations;
pub mod projects;

pub use change_view::*;
pub use error::{AppError, Conflict};
pub use problem::Problem;
pub use project_view::*;
pub use types::*;
pub use validation::{
    Membership, ValidDepartment, ValidNewUser, ValidUserChanges, check_password_pair,
};
