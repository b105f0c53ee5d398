//! Project pages: the list, the application form, and a project's page.

mod application_form;
mod list;
mod page;
mod today;

pub use application_form::ProjectNewPage;
pub use list::ProjectsPage;
pub use page::ProjectPage;
