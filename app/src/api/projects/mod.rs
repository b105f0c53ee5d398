//! Projects: starting one, and seeing those one may see.

mod get_project;
mod list_projects;
mod start_project;

pub use get_project::{GetProject, get_project};
pub use list_projects::{ListProjects, list_projects};
pub use start_project::{StartProject, start_project};
