//! The seventeen stages of a project (DESIGN §2). The policy's flow chart
//! numbers eighteen steps; steps 11 (项目实施) and 12 (监督实施、协调管理)
//! are done at the same time by the same people, so they are one stage.

use super::{Lang, Phase};
use serde::{Deserialize, Serialize};
use std::{cmp::Ordering, fmt, ops::RangeInclusive, str::FromStr};

/// Declared in process order, so `a < b` means `a` comes earlier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageId {
    Research,
    Initiation,
    InitiationApproval,
    Feasibility,
    Registry,
    BudgetApproval,
    WorkingGroup,
    Procurement,
    Planning,
    PlanReview,
    Implementation,
    Testing,
    SecurityTesting,
    Acceptance,
    Handover,
    InUse,
    Evaluation,
}

impl StageId {
    pub const ALL: [StageId; 17] = [
        StageId::Research,
        StageId::Initiation,
        StageId::InitiationApproval,
        StageId::Feasibility,
        StageId::Registry,
        StageId::BudgetApproval,
        StageId::WorkingGroup,
        StageId::Procurement,
        StageId::Planning,
        StageId::PlanReview,
        StageId::Implementation,
        StageId::Testing,
        StageId::SecurityTesting,
        StageId::Acceptance,
        StageId::Handover,
        StageId::InUse,
        StageId::Evaluation,
    ];

    pub fn id(self) -> &'static str {
        match self {
            StageId::Research => "research",
            StageId::Initiation => "initiation",
            StageId::InitiationApproval => "initiation_approval",
            StageId::Feasibility => "feasibility",
            StageId::Registry => "registry",
            StageId::BudgetApproval => "budget_approval",
            StageId::WorkingGroup => "working_group",
            StageId::Procurement => "procurement",
            StageId::Planning => "planning",
            StageId::PlanReview => "plan_review",
            StageId::Implementation => "implementation",
            StageId::Testing => "testing",
            StageId::SecurityTesting => "security_testing",
            StageId::Acceptance => "acceptance",
            StageId::Handover => "handover",
            StageId::InUse => "in_use",
            StageId::Evaluation => "evaluation",
        }
    }

    /// The activity's name as the policy's flow chart gives it, or in
    /// English.
    pub fn name(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            StageId::Research => ("前期调研", "Preliminary research"),
            StageId::Initiation => ("立项", "Initiation"),
            StageId::InitiationApproval => ("立项审批", "Initiation approval"),
            StageId::Feasibility => ("可行性论证", "Feasibility review"),
            StageId::Registry => ("项目入库", "Project registry"),
            StageId::BudgetApproval => ("项目审批", "Project approval"),
            StageId::WorkingGroup => ("成立项目工作组", "Working group"),
            StageId::Procurement => ("执行采购", "Procurement"),
            StageId::Planning => ("编制方案", "Solution planning"),
            StageId::PlanReview => ("评审方案", "Plan review"),
            StageId::Implementation => ("项目实施", "Implementation and supervision"),
            StageId::Testing => ("系统测试和试运行", "System testing and trial run"),
            StageId::SecurityTesting => ("安全检测", "Security testing"),
            StageId::Acceptance => ("验收", "Acceptance"),
            StageId::Handover => ("资料移交", "Handover"),
            StageId::InUse => ("投入使用", "In use"),
            StageId::Evaluation => ("项目评价", "Project evaluation"),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn phase(self) -> Phase {
        match self {
            StageId::Research
            | StageId::Initiation
            | StageId::InitiationApproval
            | StageId::Feasibility
            | StageId::Registry => Phase::Initiation,
            StageId::BudgetApproval => Phase::Approval,
            // The working group is formed to carry out the purchase.
            StageId::WorkingGroup | StageId::Procurement => Phase::Procurement,
            StageId::Planning
            | StageId::PlanReview
            | StageId::Implementation
            | StageId::Testing
            | StageId::SecurityTesting => Phase::Implementation,
            StageId::Acceptance | StageId::Handover => Phase::Acceptance,
            StageId::InUse | StageId::Evaluation => Phase::OperationAndEvaluation,
        }
    }

    /// Position in the process, from 0.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The numbers of the policy's flow-chart steps this stage covers.
    pub fn policy_steps(self) -> RangeInclusive<u8> {
        let position = self.index() as u8 + 1;
        match self.cmp(&StageId::Implementation) {
            Ordering::Less => position..=position,
            Ordering::Equal => position..=position + 1,
            Ordering::Greater => position + 1..=position + 1,
        }
    }

    /// The stage that follows in the ordinary course; none after evaluation.
    pub fn next(self) -> Option<StageId> {
        StageId::ALL.get(self.index() + 1).copied()
    }

    /// The stages a project at this one could be sent back to.
    pub fn earlier(self) -> impl Iterator<Item = StageId> {
        StageId::ALL.into_iter().take(self.index())
    }
}

impl fmt::Display for StageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown stage {0:?}")]
pub struct UnknownStage(pub String);

impl FromStr for StageId {
    type Err = UnknownStage;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        StageId::ALL
            .into_iter()
            .find(|stage| stage.id() == text)
            .ok_or_else(|| UnknownStage(text.to_owned()))
    }
}

impl StageId {
    /// Stages whose records are the college's internal opinions and budget
    /// decisions, which experts and contractors never see (DESIGN §6).
    /// An expert still sees the opinions they gave themselves.
    pub fn is_internal(self) -> bool {
        matches!(
            self,
            StageId::InitiationApproval
                | StageId::Feasibility
                | StageId::Registry
                | StageId::BudgetApproval
        )
    }

    /// Days a project is expected to spend in this stage before it
    /// shows as overdue on the board. The policy sets no limits; these are
    /// the college's own service targets.
    pub fn expected_days(self) -> u32 {
        match self {
            StageId::Research | StageId::Planning => 30,
            StageId::Implementation => 120,
            StageId::Testing => 45,
            StageId::Evaluation | StageId::InUse => 60,
            StageId::Procurement => 45,
            _ => 15,
        }
    }
}

impl StageId {
    /// Whether a project that entered this stage at `since` and is still
    /// there at `now` has been there longer than expected.
    pub fn is_overdue(
        self,
        since: crate::domain::Timestamp,
        now: crate::domain::Timestamp,
    ) -> bool {
        const DAY_MS: i64 = 24 * 60 * 60 * 1000;
        now.0 - since.0 > i64::from(self.expected_days()) * DAY_MS
    }
}
