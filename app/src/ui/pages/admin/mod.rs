//! Administration pages: users, roles and departments.

mod department_edit;
mod departments;
mod membership_fields;
mod user_edit;
mod user_new;
mod users;

pub use department_edit::DepartmentEditPage;
pub use departments::DepartmentsPage;
pub use user_edit::UserEditPage;
pub use user_new::UserNewPage;
pub use users::UsersPage;
