//! The steps of a change request (DESIGN §4) and the stages they are shown
//! under. The policy's 变更申请 is two steps here, because the department
//! clerk fills the form and the department head then signs it.

use super::super::Lang;
use serde::{Deserialize, Serialize};

/// Declared in process order, so `a < b` means `a` comes earlier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeStep {
    /// The clerk fills in (or, after a return, corrects) the form.
    Draft,
    /// The department head signs the request (业务部门负责人签字).
    HeadSignature,
    /// 变更初审: the IT centre head's opinion and suggestions.
    Review,
    /// 变更审批: the supervising vice president approves or rejects.
    Approval,
    /// 变更实施: the executor records what was done and signs.
    Execution,
    /// 变更测试与培训: the user test report and the training record.
    Testing,
    /// 变更登记与归档: the IT centre registers the change.
    Registration,
}

/// The stages the policy and the change board name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeStage {
    Request,
    Review,
    Approval,
    Execution,
    Testing,
    Registration,
}

impl ChangeStep {
    pub const ALL: [ChangeStep; 7] = [
        ChangeStep::Draft,
        ChangeStep::HeadSignature,
        ChangeStep::Review,
        ChangeStep::Approval,
        ChangeStep::Execution,
        ChangeStep::Testing,
        ChangeStep::Registration,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ChangeStep::Draft => "draft",
            ChangeStep::HeadSignature => "head_signature",
            ChangeStep::Review => "review",
            ChangeStep::Approval => "approval",
            ChangeStep::Execution => "execution",
            ChangeStep::Testing => "testing",
            ChangeStep::Registration => "registration",
        }
    }

    pub fn parse(id: &str) -> Option<ChangeStep> {
        ChangeStep::ALL.into_iter().find(|step| step.id() == id)
    }

    pub fn stage(self) -> ChangeStage {
        match self {
            ChangeStep::Draft | ChangeStep::HeadSignature => ChangeStage::Request,
            ChangeStep::Review => ChangeStage::Review,
            ChangeStep::Approval => ChangeStage::Approval,
            ChangeStep::Execution => ChangeStage::Execution,
            ChangeStep::Testing => ChangeStage::Testing,
            ChangeStep::Registration => ChangeStage::Registration,
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            ChangeStep::Draft => ("填写变更申请表", "Filling in the request"),
            ChangeStep::HeadSignature => ("业务部门负责人签字", "Department head's signature"),
            ChangeStep::Review => ("变更初审", "Initial review"),
            ChangeStep::Approval => ("变更审批", "Approval"),
            ChangeStep::Execution => ("变更实施", "Execution"),
            ChangeStep::Testing => ("变更测试与培训", "Testing and training"),
            ChangeStep::Registration => ("变更登记与归档", "Registration and archiving"),
        };
        lang.pick(zh, en)
    }

    pub fn next(self) -> Option<ChangeStep> {
        let index = ChangeStep::ALL.iter().position(|step| *step == self)?;
        ChangeStep::ALL.get(index + 1).copied()
    }
}

impl ChangeStage {
    pub const ALL: [ChangeStage; 6] = [
        ChangeStage::Request,
        ChangeStage::Review,
        ChangeStage::Approval,
        ChangeStage::Execution,
        ChangeStage::Testing,
        ChangeStage::Registration,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ChangeStage::Request => "change_request",
            ChangeStage::Review => "change_review",
            ChangeStage::Approval => "change_approval",
            ChangeStage::Execution => "change_execution",
            ChangeStage::Testing => "change_testing",
            ChangeStage::Registration => "change_registration",
        }
    }

    pub fn parse(id: &str) -> Option<ChangeStage> {
        ChangeStage::ALL.into_iter().find(|stage| stage.id() == id)
    }

    pub fn name(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            ChangeStage::Request => ("变更申请", "Change request"),
            ChangeStage::Review => ("变更初审", "Initial review"),
            ChangeStage::Approval => ("变更审批", "Approval"),
            ChangeStage::Execution => ("变更实施", "Execution"),
            ChangeStage::Testing => ("变更测试与培训", "Testing and training"),
            ChangeStage::Registration => ("变更登记与归档", "Registration and archiving"),
        };
        lang.pick(zh, en)
    }
}
