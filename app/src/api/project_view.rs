//! A project as its page, the inbox and the board show it.

use super::{ProjectSummary, UserRef};
use crate::domain::Role;
use crate::domain::Timestamp;
use crate::domain::process::{
    ActorContext, Decision, EntryValue, LedgerTask, OutputKind, ProjectState, StageId,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectDetail {
    pub summary: ProjectSummary,
    /// Sent back with a decision, which applies only to this version.
    pub version: i64,
    pub state: ProjectState,
    /// The viewer as the process sees them on this project, so the page
    /// offers exactly what the server will accept.
    pub me: ActorContext,
    /// Principals whose decisions the viewer may take today, with how the
    /// process sees each of them on this project.
    pub on_behalf: Vec<Principal>,
    pub stage_since: Timestamp,
    pub registry_number: Option<String>,
    pub contractor_org: Option<String>,
    pub leader: Option<UserRef>,
    pub group: Vec<UserRef>,
    pub experts: Vec<UserRef>,
    pub contractors: Vec<UserRef>,
    pub entries: Vec<EntryView>,
    pub documents: Vec<DocumentView>,
    /// Payments and the asset registration; empty for experts and
    /// contractors, who see no budget matters.
    pub payments: Vec<PaymentView>,
    pub asset: Option<AssetView>,
    pub timeline: Vec<TimelineEvent>,
    /// The application form as the department submitted it; `None` for
    /// experts and contractors, who see no budget matters.
    pub application: Option<crate::domain::Application>,
    /// Names of everyone the entries mention.
    pub people: Vec<UserRef>,
}

/// Someone who delegated their decisions to the viewer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Principal {
    pub user: UserRef,
    pub context: ActorContext,
}

/// One output as filed, with its revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryView {
    pub id: String,
    pub kind: OutputKind,
    pub revision: i64,
    pub value: EntryValue,
    pub filed_by: String,
    pub filed_at: Timestamp,
    /// False once a return reopened its stage, or a correction replaced it.
    pub current: bool,
    pub correction_reason: Option<String>,
}

/// One event of the project's audit trail, as its timeline shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    pub seq: i64,
    pub at: Timestamp,
    pub actor_name: String,
    pub roles: Vec<Role>,
    /// The principal's name when the actor acted on their behalf.
    pub on_behalf_of: Option<String>,
    pub action: TimelineAction,
    pub stage_before: Option<StageId>,
    pub stage_after: Option<StageId>,
    pub comment: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimelineAction {
    Started,
    Decided(Decision),
    Filed(OutputKind),
    Corrected(OutputKind),
    ExpertsInvited,
    /// A document uploaded, with its name.
    DocumentUploaded(String),
    PaymentRecorded,
    AssetRegistered,
    Other(String),
}

/// A project waiting on the viewer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxItem {
    pub project: ProjectSummary,
    pub since: Timestamp,
    pub overdue: bool,
    /// What the viewer may decide there now.
    pub decisions: Vec<Decision>,
    /// Outputs still missing that the viewer may file.
    pub to_file: Vec<OutputKind>,
    /// Payments or the asset registration the viewer should record.
    pub ledger: Vec<LedgerTask>,
    /// The principal the viewer would act for, when the item waits on
    /// someone who delegated their decisions to the viewer.
    pub on_behalf_of: Option<UserRef>,
}

/// A project as a card on the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardCard {
    pub project: ProjectSummary,
    pub version: i64,
    pub since: Timestamp,
    pub overdue: bool,
    /// The decision that moves the card to the next stage, when the viewer
    /// may take it now and nothing is missing.
    pub forward: Option<Decision>,
    pub missing: Vec<OutputKind>,
}

/// The board's filters; empty fields filter nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardFilter {
    #[serde(default)]
    pub department: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub tier: String,
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub overdue_only: bool,
}

/// The pools of people a form may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeoplePool {
    /// College staff: project groups, leaders, participants.
    Staff,
    Contractors,
    Experts,
    /// Anyone enabled, such as the participants of an acceptance.
    Anyone,
}

/// A delegation of decisions, given or received.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationView {
    pub id: String,
    /// True when the viewer is the one who delegated.
    pub given: bool,
    pub principal: UserRef,
    pub delegate: UserRef,
    pub starts: String,
    pub ends: String,
}

/// A document uploaded to a project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    pub id: String,
    pub name: String,
    pub content_type: String,
    pub size: u64,
    pub sha256: String,
    pub uploaded_by: String,
    pub uploaded_at: Timestamp,
}

/// A payment recorded against the contract.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentView {
    pub kind: crate::domain::process::PaymentKind,
    pub amount: crate::domain::Amount,
    pub paid_on: String,
    pub voucher: String,
    pub recorded_by: String,
}

/// The system's registration as a fixed asset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetView {
    pub asset_number: String,
    pub value: crate::domain::Amount,
    pub registered_on: String,
    pub recorded_by: String,
}

impl ProjectDetail {
    /// Whether the viewer, or a principal they act for, may add documents:
    /// the same rule the server applies to every upload.
    pub fn may_upload(&self) -> bool {
        std::iter::once(&self.me)
            .chain(self.on_behalf.iter().map(|p| &p.context))
            .any(|who| crate::domain::process::may_upload(&self.state, who))
    }
}
