//! Where a project stands: the facts the process needs to answer a
//! request. The backend builds it from the project's record; the browser
//! receives it with the project page.

use super::{Amount, ApprovalTier, HandoverItem, OutputKind, PROCESS_VERSION, StageId, definition};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    /// Somewhere between research and evaluation.
    Active,
    /// Ended by a rejection at the stage it was in; the record stays.
    Rejected,
    /// Evaluated: nothing is left to do.
    Finished,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectState {
    /// The version of the process the project was started under.
    pub process_version: String,
    pub stage: StageId,
    pub status: ProjectStatus,
    /// Outputs filed and still current. Sending a project back supersedes
    /// the outputs of every stage it reopens: the backend keeps them as
    /// earlier revisions, but they no longer count. Amounts live in their
    /// own fields below, never in this set.
    pub outputs: BTreeSet<OutputKind>,
    /// The budget of the final construction plan, entered at registry.
    pub budget: Option<Amount>,
    /// The contract's amount, entered at procurement.
    pub contract_amount: Option<Amount>,
    /// The tier whose approval the project holds.
    pub approved_tier: Option<ApprovalTier>,
    /// Handover items the IT centre has confirmed receiving; the checklist
    /// output counts once all of them are in.
    #[serde(default)]
    pub handover: BTreeSet<HandoverItem>,
}

impl ProjectState {
    /// A new project: at research, under this version of the process, with
    /// the application form it was started from and nothing else filed.
    pub fn start() -> Self {
        ProjectState {
            process_version: PROCESS_VERSION.to_owned(),
            stage: StageId::Research,
            status: ProjectStatus::Active,
            outputs: BTreeSet::from([OutputKind::ApplicationForm]),
            budget: None,
            contract_amount: None,
            approved_tier: None,
            handover: BTreeSet::new(),
        }
    }

    /// The state as an expert or a contractor is shown it: without the
    /// outputs of the internal stages, the budget or the approval held
    /// (DESIGN §6). Their own work does not depend on any of those.
    pub fn as_seen_from_outside(&self) -> ProjectState {
        ProjectState {
            outputs: self
                .outputs
                .iter()
                .copied()
                .filter(|kind| !kind.stage().is_internal())
                .collect(),
            budget: None,
            approved_tier: None,
            ..self.clone()
        }
    }

    pub fn is_active(&self) -> bool {
        self.status == ProjectStatus::Active
    }

    pub fn has_output(&self, kind: OutputKind) -> bool {
        match kind {
            OutputKind::BudgetAmount => self.budget.is_some(),
            OutputKind::ContractAmount => self.contract_amount.is_some(),
            other => self.outputs.contains(&other),
        }
    }

    pub fn contract_tier(&self) -> Option<ApprovalTier> {
        self.contract_amount.map(ApprovalTier::for_amount)
    }

    /// The tier that must approve the project now: its budget's, or the
    /// contract's when that is higher (DESIGN §2, after the table).
    pub fn deciding_tier(&self) -> Option<ApprovalTier> {
        let budget_tier = self.budget.map(ApprovalTier::for_amount);
        budget_tier.max(self.contract_tier())
    }

    /// True once the contract falls in a tier above the approval held: the
    /// form warns while the amount is typed, and completing procurement
    /// sends the project back to budget approval.
    pub fn contract_exceeds_approval(&self) -> bool {
        self.contract_tier() > self.approved_tier
    }

    pub fn required_outputs(&self, stage: StageId) -> Vec<OutputKind> {
        let mut required = definition(stage).required.to_vec();
        let meeting_decides = self
            .deciding_tier()
            .is_some_and(ApprovalTier::is_collective);
        if stage == StageId::BudgetApproval && meeting_decides {
            // A collective decision is recorded as the meeting's (DESIGN §3).
            required.push(OutputKind::MeetingRecord);
        }
        required
    }

    /// What the current stage still lacks before it can move forward.
    pub fn missing_outputs(&self) -> Vec<OutputKind> {
        self.required_outputs(self.stage)
            .into_iter()
            .filter(|kind| !self.has_output(*kind))
            .collect()
    }

    /// Sends the project back to `stage`: it and every later stage must be
    /// done again. The application form is the project's founding record: it was
    /// submitted with the project and stays; revising it is the work of
    /// initiation (the revised application).
    pub(super) fn reopen_from(&mut self, stage: StageId) {
        self.outputs
            .retain(|kind| kind.stage() < stage || *kind == OutputKind::ApplicationForm);
        if OutputKind::BudgetAmount.stage() >= stage {
            self.budget = None;
        }
        if OutputKind::ContractAmount.stage() >= stage {
            self.contract_amount = None;
        }
        if StageId::BudgetApproval >= stage {
            self.approved_tier = None;
        }
        if StageId::Handover >= stage {
            self.handover.clear();
        }
        self.stage = stage;
    }

    /// Sends the project back to budget approval for a contract above the
    /// approval it holds. The purchase stands; only the approval is redone,
    /// now by the contract's tier.
    pub(super) fn reopen_for_contract_tier(&mut self) {
        self.outputs
            .retain(|kind| kind.stage() != StageId::BudgetApproval);
        self.stage = StageId::BudgetApproval;
    }
}
