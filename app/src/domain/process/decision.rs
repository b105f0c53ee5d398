//! What a user may decide at a stage, where a decision leads, and the
//! request a decision arrives as.

use super::StageId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The stage's work is done.
    Complete,
    /// 批准
    Approve,
    /// 否决: the project ends as rejected.
    Reject,
    /// 退回 to an earlier stage the decider names.
    Return,
    /// A review or test passed (通过).
    Pass,
    /// A review or test failed (不通过).
    Fail,
    /// The reviewers ask for the work to be revised (修改完善).
    Revise,
}

impl Decision {
    pub const ALL: [Decision; 7] = [
        Decision::Complete,
        Decision::Approve,
        Decision::Reject,
        Decision::Return,
        Decision::Pass,
        Decision::Fail,
        Decision::Revise,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Decision::Complete => "complete",
            Decision::Approve => "approve",
            Decision::Reject => "reject",
            Decision::Return => "return",
            Decision::Pass => "pass",
            Decision::Fail => "fail",
            Decision::Revise => "revise",
        }
    }

    pub fn parse(id: &str) -> Option<Self> {
        Decision::ALL
            .into_iter()
            .find(|decision| decision.id() == id)
    }
}

/// Where a decision offered at a stage takes the project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Leads {
    /// On to the following stage; after evaluation the project is finished.
    Forward,
    /// The project ends as rejected.
    Rejection,
    /// Back to this earlier stage.
    BackTo(StageId),
    /// Back to an earlier stage the decider names.
    BackToChosen,
}

impl Leads {
    /// Ending a project or sending it back always says why (DESIGN §2).
    pub fn needs_reason(self) -> bool {
        self != Leads::Forward
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRequest {
    /// The stage the user was looking at. A decision taken on a page that
    /// has since gone stale is refused, not applied to whatever stage the
    /// project has reached in the meantime.
    pub stage: StageId,
    pub decision: Decision,
    /// For `Return`: the earlier stage to send the project back to.
    pub return_to: Option<StageId>,
    /// The opinion given with the decision; required unless the decision
    /// moves the project forward.
    pub reason: String,
}

impl DecisionRequest {
    pub fn new(stage: StageId, decision: Decision) -> Self {
        DecisionRequest {
            stage,
            decision,
            return_to: None,
            reason: String::new(),
        }
    }

    pub fn with_reason(self, reason: impl Into<String>) -> Self {
        DecisionRequest {
            reason: reason.into(),
            ..self
        }
    }

    pub fn returning_to(self, stage: StageId) -> Self {
        DecisionRequest {
            return_to: Some(stage),
            ..self
        }
    }

    pub(super) fn has_reason(&self) -> bool {
        !self.reason.trim().is_empty()
    }
}
