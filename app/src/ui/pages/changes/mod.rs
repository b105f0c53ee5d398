//! The register of information systems and change requests.

mod decision;
mod form;
mod list;
mod new;
mod page;
mod print;
mod system_page;
mod systems;

pub use list::ChangesPage;
pub use new::ChangeNewPage;
pub use page::ChangePage;
pub use print::ChangePrintPage;
pub use system_page::SystemPage;
pub use systems::SystemsPage;
