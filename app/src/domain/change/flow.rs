//! The one function that moves a change request, used by the browser to
//! offer buttons and by the server before it saves anything. The parties
//! are the project process's (`process::Actor`), read against the change's
//! department and the system's contractor.

use super::super::{
    Role,
    process::{Actor, ActorContext},
};
use super::ChangeStep;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeStatus {
    Open,
    /// Registered and archived: the change is done.
    Registered,
    Rejected,
}

impl ChangeStatus {
    pub fn is_open(self) -> bool {
        self == ChangeStatus::Open
    }

    pub fn id(self) -> &'static str {
        match self {
            ChangeStatus::Open => "open",
            ChangeStatus::Registered => "registered",
            ChangeStatus::Rejected => "rejected",
        }
    }

    pub fn parse(id: &str) -> Option<ChangeStatus> {
        [
            ChangeStatus::Open,
            ChangeStatus::Registered,
            ChangeStatus::Rejected,
        ]
        .into_iter()
        .find(|status| status.id() == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeState {
    pub step: ChangeStep,
    pub status: ChangeStatus,
}

impl ChangeState {
    pub const NEW: ChangeState = ChangeState {
        step: ChangeStep::Draft,
        status: ChangeStatus::Open,
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeDecision {
    /// The clerk hands the filled form to the department head.
    Submit,
    /// Signs, gives a favourable opinion, or approves: the step is done.
    Approve,
    /// 否决: the request ends.
    Reject,
    /// 退回: back to the clerk to correct the form.
    Return,
    /// The executor records the execution and signs.
    Execute,
    /// The user test passed; the report and training are recorded.
    Pass,
    /// The user test failed: back to execution.
    Fail,
    /// The IT centre registers the change; it is done.
    Register,
}

impl ChangeDecision {
    pub const ALL: [ChangeDecision; 8] = [
        ChangeDecision::Submit,
        ChangeDecision::Approve,
        ChangeDecision::Reject,
        ChangeDecision::Return,
        ChangeDecision::Execute,
        ChangeDecision::Pass,
        ChangeDecision::Fail,
        ChangeDecision::Register,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ChangeDecision::Submit => "submit",
            ChangeDecision::Approve => "approve",
            ChangeDecision::Reject => "reject",
            ChangeDecision::Return => "return",
            ChangeDecision::Execute => "execute",
            ChangeDecision::Pass => "pass",
            ChangeDecision::Fail => "fail",
            ChangeDecision::Register => "register",
        }
    }

    pub fn parse(id: &str) -> Option<ChangeDecision> {
        ChangeDecision::ALL.into_iter().find(|d| d.id() == id)
    }

    /// Ending a request or sending it back always says why.
    pub fn needs_reason(self) -> bool {
        matches!(
            self,
            ChangeDecision::Reject | ChangeDecision::Return | ChangeDecision::Fail
        )
    }
}

/// What a decision must carry in words beyond a reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Record {
    /// The IT centre head's opinion and suggestions.
    Opinion,
    /// The supervising leader's opinion: the 分管领导意见 box of the form
    /// is never signed with a name alone.
    LeaderOpinion,
    /// What the executor did.
    Execution,
    /// The user test report's conclusion and the training given.
    TestAndTraining,
}

/// The party of each step and the decisions offered there.
pub fn step_actors(step: ChangeStep) -> &'static [Actor] {
    const CLERK: &[Actor] = &[Actor::ApplyingDepartment(Role::DeptClerk)];
    const HEAD: &[Actor] = &[Actor::ApplyingDepartment(Role::DeptHead)];
    const IT_HEAD: &[Actor] = &[Actor::College(Role::ItHead)];
    const VICE_PRESIDENT: &[Actor] = &[Actor::SupervisingVicePresident];
    // The policy names the executor as the contractor or the IT centre.
    const EXECUTOR: &[Actor] = &[
        Actor::AssignedContractor,
        Actor::College(Role::ItDeveloper),
        Actor::College(Role::ItClerk),
    ];
    const IT_CLERK: &[Actor] = &[Actor::College(Role::ItClerk)];
    match step {
        ChangeStep::Draft | ChangeStep::Testing => CLERK,
        ChangeStep::HeadSignature => HEAD,
        ChangeStep::Review => IT_HEAD,
        ChangeStep::Approval => VICE_PRESIDENT,
        ChangeStep::Execution => EXECUTOR,
        ChangeStep::Registration => IT_CLERK,
    }
}

pub fn step_decisions(step: ChangeStep) -> &'static [ChangeDecision] {
    use ChangeDecision::*;
    match step {
        ChangeStep::Draft => &[Submit],
        ChangeStep::HeadSignature | ChangeStep::Approval => &[Approve, Return, Reject],
        ChangeStep::Review => &[Approve, Return],
        ChangeStep::Execution => &[Execute],
        ChangeStep::Testing => &[Pass, Fail],
        ChangeStep::Registration => &[Register],
    }
}

/// The words a decision must carry besides a reason.
pub fn required_record(step: ChangeStep, decision: ChangeDecision) -> Option<Record> {
    match (step, decision) {
        (ChangeStep::Review, ChangeDecision::Approve) => Some(Record::Opinion),
        (ChangeStep::Approval, ChangeDecision::Approve) => Some(Record::LeaderOpinion),
        (ChangeStep::Execution, ChangeDecision::Execute) => Some(Record::Execution),
        (ChangeStep::Testing, ChangeDecision::Pass) => Some(Record::TestAndTraining),
        _ => None,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeDecisionRequest {
    /// The step the user was looking at: a decision from a stale page is
    /// refused rather than applied to a later step.
    pub step: ChangeStep,
    pub decision: ChangeDecision,
    /// The reason, opinion or record the decision carries.
    pub opinion: String,
    /// The training record, at testing.
    pub training: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ChangeRefusal {
    #[error("the change request is closed")]
    Closed,
    #[error("the request is at step {current:?}, not the one acted on")]
    StepNotCurrent { current: ChangeStep },
    #[error("that decision is not offered at this step")]
    DecisionNotOffered,
    #[error("the user is not one who acts here")]
    NotYourStep,
    #[error("a reason is required")]
    ReasonRequired,
    #[error("the decision's record is missing")]
    RecordRequired(Record),
    #[error("the training record is missing")]
    TrainingRequired,
}

pub fn may_act(step: ChangeStep, who: &ActorContext) -> bool {
    step_actors(step)
        .iter()
        .any(|actor| actor.admits(who, None))
}

/// The request as it stands after `who` takes `request`, or why not.
pub fn decide_change(
    state: ChangeState,
    who: &ActorContext,
    request: &ChangeDecisionRequest,
) -> Result<ChangeState, ChangeRefusal> {
    if state.status != ChangeStatus::Open {
        return Err(ChangeRefusal::Closed);
    }
    if request.step != state.step {
        return Err(ChangeRefusal::StepNotCurrent {
            current: state.step,
        });
    }
    if !step_decisions(state.step).contains(&request.decision) {
        return Err(ChangeRefusal::DecisionNotOffered);
    }
    if !may_act(state.step, who) {
        return Err(ChangeRefusal::NotYourStep);
    }
    let said = !request.opinion.trim().is_empty();
    if request.decision.needs_reason() && !said {
        return Err(ChangeRefusal::ReasonRequired);
    }
    if let Some(record) = required_record(state.step, request.decision) {
        if !said {
            return Err(ChangeRefusal::RecordRequired(record));
        }
        if record == Record::TestAndTraining && request.training.trim().is_empty() {
            return Err(ChangeRefusal::TrainingRequired);
        }
    }
    let mut next = state;
    match request.decision {
        ChangeDecision::Reject => next.status = ChangeStatus::Rejected,
        ChangeDecision::Return => next.step = ChangeStep::Draft,
        ChangeDecision::Fail => next.step = ChangeStep::Execution,
        ChangeDecision::Register => next.status = ChangeStatus::Registered,
        ChangeDecision::Submit
        | ChangeDecision::Approve
        | ChangeDecision::Execute
        | ChangeDecision::Pass => {
            // Every forward decision is offered only before registration,
            // which has a next step.
            next.step = state.step.next().unwrap_or(state.step);
        }
    }
    Ok(next)
}

/// The decisions `who` may take now: the buttons of the change page.
pub fn change_decisions_open_to(state: ChangeState, who: &ActorContext) -> Vec<ChangeDecision> {
    if state.status != ChangeStatus::Open || !may_act(state.step, who) {
        return Vec::new();
    }
    step_decisions(state.step).to_vec()
}
