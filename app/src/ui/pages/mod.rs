//! One module per page.

mod account;
mod admin;
mod changes;
mod delegations;
mod home;
mod not_found;
mod projects;
mod reference;
mod sign_in;

pub use account::AccountPage;
pub use admin::{DepartmentEditPage, DepartmentsPage, UserEditPage, UserNewPage, UsersPage};
pub use changes::{
    ChangeNewPage, ChangePage, ChangePrintPage, ChangesPage, SystemPage, SystemsPage,
};
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use projects::{
    BoardPage, InboxPage, ProjectNewPage, ProjectPage, ProjectPrintPage, ProjectsPage,
};
pub use reference::ReferencePage;
pub use sign_in::SignInPage;
