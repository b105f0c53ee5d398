//! Administration: users, roles and departments. Only administrators.

mod create_user;
mod get_department;
mod get_user;
mod list_departments;
mod list_users;
mod list_vice_presidents;
mod reset_password;
mod save_department;
mod update_user;

pub use create_user::{CreateUser, create_user};
pub use get_department::{GetDepartment, get_department};
pub use get_user::{GetUser, get_user};
pub use list_departments::{ListDepartments, list_departments};
pub use list_users::{ListUsers, list_users};
pub use list_vice_presidents::{ListVicePresidents, list_vice_presidents};
pub use reset_password::{ResetPassword, reset_password};
pub use save_department::{SaveDepartment, save_department};
pub use update_user::{UpdateUser, update_user};
