//! Project pages: the list, the application form, a project's page with
//! its stage work, the inbox and the board.

mod application_form;
mod application_view;
mod board;
mod decision_panel;
mod entries;
mod files;
mod inbox;
mod ledger;
mod list;
mod output_form;
mod page;
mod people_picker;
mod stage_work;
mod timeline;
mod today;

pub use application_form::ProjectNewPage;
pub use application_view::ProjectPrintPage;
pub use board::BoardPage;
pub(super) use files::{DocumentLink, Uploader};
pub use inbox::InboxPage;
pub use list::ProjectsPage;
pub use page::ProjectPage;
pub use people_picker::PeoplePicker;
pub(super) use today::this_minute;
