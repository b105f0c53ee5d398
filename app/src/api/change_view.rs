//! Systems in the register and change requests, as their pages, lists,
//! the change board and the printed form show them.

use super::{DepartmentRef, DocumentView, Principal, ProjectSummary};
use crate::domain::change::{ChangeDecision, ChangeForm, ChangeNumber, ChangeState, ChangeStep};
use crate::domain::process::ActorContext;
use crate::domain::{CategoryCode, ProjectClass, Timestamp};
use serde::{Deserialize, Serialize};

/// One entry of the register of information systems (信息系统名录).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemSummary {
    /// The same key as the project that built it.
    pub id: String,
    pub name: String,
    pub category: CategoryCode,
    pub class: ProjectClass,
    pub department: DepartmentRef,
    pub contractor_org: Option<String>,
    pub go_live: String,
    /// Change requests still open against it.
    pub open_changes: u32,
}

/// The register's filters; empty fields filter nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemFilter {
    /// Words of the system's name or its contractor.
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub department: String,
    /// A category class number (`1`..`4`) or a category code.
    #[serde(default)]
    pub category: String,
    /// `public_service`, `non_public` or empty.
    #[serde(default)]
    pub class: String,
}

/// A system's page: the register entry, its project, its handover
/// documents and every change to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemDetail {
    pub system: SystemSummary,
    pub project: ProjectSummary,
    pub documents: Vec<DocumentView>,
    pub changes: Vec<ChangeSummary>,
    /// Whether the viewer may apply for a change to it.
    pub may_request_change: bool,
}

/// A change request as lists, the board and the inbox show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeSummary {
    pub id: String,
    pub number: ChangeNumber,
    pub system_id: String,
    pub system_name: String,
    pub department: DepartmentRef,
    pub applied_at: Timestamp,
    pub execute_at: String,
    pub state: ChangeState,
    pub version: i64,
    pub since: Timestamp,
}

/// One sign-off: who decided what at which step, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignoffView {
    pub step: ChangeStep,
    pub decision: ChangeDecision,
    pub name: String,
    pub on_behalf_of: Option<String>,
    pub opinion: String,
    pub training: String,
    pub at: Timestamp,
}

/// A change request's page and its printed form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeDetail {
    pub summary: ChangeSummary,
    pub form: ChangeForm,
    pub created_by: String,
    pub project_id: String,
    /// How the process sees the viewer on this request.
    pub me: ActorContext,
    pub on_behalf: Vec<Principal>,
    /// Every decision in order. Experts and contractors do not see the
    /// opinions of internal reviews (DESIGN §6): those come blank.
    pub signoffs: Vec<SignoffView>,
    pub documents: Vec<DocumentView>,
}

impl ChangeDetail {
    /// The latest sign-off of a step: what its box on the form shows.
    pub fn signoff(&self, step: ChangeStep) -> Option<&SignoffView> {
        self.signoffs.iter().rev().find(|s| s.step == step)
    }
}

/// The filters of the change list and board.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeFilter {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub department: String,
    #[serde(default)]
    pub year: String,
    /// `open`, `registered`, `rejected` or empty for all.
    #[serde(default)]
    pub status: String,
}

/// A change request waiting on the viewer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeInboxItem {
    pub change: ChangeSummary,
    pub decisions: Vec<ChangeDecision>,
}

/// A new change request, or a returned one resubmitted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeSubmitted {
    pub id: String,
    pub number: ChangeNumber,
}
