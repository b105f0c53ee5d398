//! Projects: starting one, seeing those one may see, and the work of their
//! stages.

mod board;
mod candidates;
mod correct_output;
mod decide_stage;
mod file_output;
mod get_project;
mod inbox;
mod invite_experts;
mod ledger;
mod list_projects;
mod load_project;
mod start_project;

pub use board::{Board, board};
pub use candidates::{Candidates, candidates};
pub use correct_output::{CorrectOutput, correct_output};
pub use decide_stage::{DecideStage, decide_stage};
pub use file_output::{FileOutput, file_output};
pub use get_project::{GetProject, get_project};
pub use inbox::{Inbox, inbox};
pub use invite_experts::{InviteExperts, invite_experts};
pub use ledger::{RecordPayment, RegisterAsset, record_payment, register_asset};
pub use list_projects::{ListProjects, list_projects};
pub use load_project::{LoadProject, load_project};
pub use start_project::{StartProject, start_project};
