//! Change requests to systems in the register (DESIGN §4, the policy's
//! steps 19 to 21 and attachment 2): the form, its numbering and the flow
//! from request to registration.

mod flow;
mod form;
mod number;
mod step;

#[cfg(test)]
mod tests;

pub use flow::{
    ChangeDecision, ChangeDecisionRequest, ChangeRefusal, ChangeState, ChangeStatus, Record,
    change_decisions_open_to, decide_change, may_act, required_record, step_actors, step_decisions,
};
pub use form::{
    CHANGE_TEXT_LIMIT, ChangeDraft, ChangeForm, ChangeOrigin, ChangeProblem, ChangeScope,
    ChangeTarget, ChangeText, ChangeTrigger,
};
pub use number::ChangeNumber;
pub use step::{ChangeStage, ChangeStep};
