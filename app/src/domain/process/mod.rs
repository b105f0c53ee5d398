//! The project process of GDGM-WI-IT-03-05 as data: its stages, who works
//! in each, what each must produce, and where each decision leads. One
//! pure function answers every request to move a project, so the buttons
//! the browser offers and the check the server makes cannot disagree.

mod actor;
mod decision;
mod definition;
mod entry;
mod filing;
mod ledger;
mod outputs;
mod phase;
mod stage;
mod state;
mod transition;
mod waiting;

#[cfg(test)]
mod tests;

use super::{Amount, ApprovalTier, Lang, Role};

pub use actor::{Actor, ActorContext};
pub use decision::{Decision, DecisionRequest, Leads};
pub use definition::{StageDefinition, definition};
pub use entry::{
    EntryDraft, EntryField, EntryProblem, EntryShape, EntryValue, HandoverItem, PEOPLE_LIMIT,
    ProcurementMethod, Rating, SHORT_LIMIT, TEXT_LIMIT,
};
pub use filing::{Filing, file, may_correct, may_invite_experts, may_upload};
pub use ledger::{
    AssetDraft, AssetRegistration, LedgerProblem, LedgerSoFar, LedgerTask, Payment, PaymentDraft,
    PaymentKind, ledger_tasks, may_record_payment, may_register_asset,
};
pub use outputs::OutputKind;
pub use phase::Phase;
pub use stage::{StageId, UnknownStage};
pub use state::{ProjectState, ProjectStatus};
pub use transition::{Refusal, decide, deciders_now, decisions_open_to};
pub use waiting::{stages_possibly_for, waiting_on};

/// The version of the process a new project follows. It is stored on the
/// project, so that a later revision of the policy never changes the rules
/// under a project that is already running.
pub const PROCESS_VERSION: &str = "GDGM-WI-IT-03-05 V1.0";
