//! The register of systems and change requests: applying, deciding,
//! listing, and what waits on the signed-in user.

mod change_board;
mod change_inbox;
mod decide_change;
mod list_changes;
mod list_systems;
mod load_change;
mod load_system;
mod resubmit_change;
mod submit_change;

pub use change_board::{ChangeBoard, change_board};
pub use change_inbox::{ChangeInbox, change_inbox};
pub use decide_change::{DecideChange, decide_change};
pub use list_changes::{ListChanges, list_changes};
pub use list_systems::{ListSystems, list_systems};
pub use load_change::{LoadChange, load_change};
pub use load_system::{LoadSystem, load_system};
pub use resubmit_change::{ResubmitChange, resubmit_change};
pub use submit_change::{SubmitChange, submit_change};
