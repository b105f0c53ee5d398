//! The words for change requests: choices, steps, decisions, and what the
//! form and the flow refuse.

use crate::domain::MinuteError;
use crate::domain::change::{
    ChangeDecision, ChangeOrigin, ChangeProblem, ChangeRefusal, ChangeScope, ChangeStatus,
    ChangeStep, ChangeTarget, ChangeTrigger, Record,
};
use crate::i18n::Locale;

pub fn origin_name(t: Locale, origin: ChangeOrigin) -> &'static str {
    match origin {
        ChangeOrigin::User => t.change_origin_user(),
        ChangeOrigin::Developer => t.change_origin_developer(),
    }
}

pub fn scope_name(t: Locale, scope: ChangeScope) -> &'static str {
    match scope {
        ChangeScope::Added => t.change_scope_added(),
        ChangeScope::Modified => t.change_scope_modified(),
        ChangeScope::Reduced => t.change_scope_reduced(),
        ChangeScope::Other => t.change_scope_other(),
    }
}

pub fn target_name(t: Locale, target: ChangeTarget) -> &'static str {
    match target {
        ChangeTarget::Software => t.change_target_software(),
        ChangeTarget::Hardware => t.change_target_hardware(),
        ChangeTarget::Both => t.change_target_both(),
    }
}

pub fn trigger_name(t: Locale, trigger: ChangeTrigger) -> &'static str {
    match trigger {
        ChangeTrigger::NewRegulation => t.change_trigger_new_regulation(),
        ChangeTrigger::NewFeature => t.change_trigger_new_feature(),
        ChangeTrigger::SoftwareUpdate => t.change_trigger_software_update(),
        ChangeTrigger::HardwareUpgrade => t.change_trigger_hardware_upgrade(),
        ChangeTrigger::NewUsers => t.change_trigger_new_users(),
        ChangeTrigger::NetworkExtension => t.change_trigger_network_extension(),
        ChangeTrigger::NewRisk => t.change_trigger_new_risk(),
    }
}

pub fn status_name(t: Locale, status: ChangeStatus) -> &'static str {
    match status {
        ChangeStatus::Open => t.change_status_open(),
        ChangeStatus::Registered => t.change_status_registered(),
        ChangeStatus::Rejected => t.change_status_rejected(),
    }
}

/// The step for an open request, or how it ended.
pub fn state_text(t: Locale, step: ChangeStep, status: ChangeStatus) -> String {
    match status {
        ChangeStatus::Open => step.name(t.lang()).to_owned(),
        closed => status_name(t, closed).to_owned(),
    }
}

/// A decision's button, worded for the step it is taken at.
pub fn decision_label(t: Locale, step: ChangeStep, decision: ChangeDecision) -> &'static str {
    match (step, decision) {
        (_, ChangeDecision::Submit) => t.change_decide_submit(),
        (ChangeStep::HeadSignature, ChangeDecision::Approve) => t.change_decide_sign(),
        (ChangeStep::Review, ChangeDecision::Approve) => t.change_decide_forward(),
        (_, ChangeDecision::Approve) => t.change_decide_approve(),
        (_, ChangeDecision::Reject) => t.change_decide_reject(),
        (_, ChangeDecision::Return) => t.change_decide_return(),
        (_, ChangeDecision::Execute) => t.change_decide_execute(),
        (_, ChangeDecision::Pass) => t.change_decide_pass(),
        (_, ChangeDecision::Fail) => t.change_decide_fail(),
        (_, ChangeDecision::Register) => t.change_decide_register(),
    }
}

/// The label of the opinion box at a step.
pub fn opinion_label(t: Locale, step: ChangeStep) -> &'static str {
    match step {
        ChangeStep::Review => t.change_opinion_review(),
        ChangeStep::Execution => t.change_opinion_execution(),
        ChangeStep::Testing => t.change_opinion_testing(),
        _ => t.change_opinion(),
    }
}

pub fn change_problem_text(t: Locale, problem: ChangeProblem) -> &'static str {
    match problem {
        ChangeProblem::SystemMissing => t.change_problem_system_missing(),
        ChangeProblem::ExecuteAt(MinuteError::Empty) => t.change_problem_execute_missing(),
        ChangeProblem::ExecuteAt(MinuteError::Malformed) => t.change_problem_execute_malformed(),
        ChangeProblem::ExecuteAt(MinuteError::NoSuchTime) => t.change_problem_execute_no_such(),
        ChangeProblem::ExecuteBeforeApplication => t.change_problem_execute_before(),
        ChangeProblem::OriginMissing => t.change_problem_origin_missing(),
        ChangeProblem::ScopeMissing => t.change_problem_scope_missing(),
        ChangeProblem::TargetMissing => t.change_problem_target_missing(),
        ChangeProblem::TriggerUnknown => t.change_problem_trigger_unknown(),
        ChangeProblem::TextMissing(_) => t.change_problem_text_missing(),
        ChangeProblem::TextTooLong(_) => t.change_problem_text_too_long(),
    }
}

pub fn change_refusal_text(t: Locale, refusal: &ChangeRefusal) -> &'static str {
    match refusal {
        ChangeRefusal::Closed => t.change_problem_closed(),
        ChangeRefusal::StepNotCurrent { .. } => t.change_problem_step_moved(),
        ChangeRefusal::DecisionNotOffered => t.change_problem_not_offered(),
        ChangeRefusal::NotYourStep => t.change_problem_not_yours(),
        ChangeRefusal::ReasonRequired => t.change_problem_reason(),
        ChangeRefusal::RecordRequired(Record::Opinion) => t.change_problem_opinion(),
        ChangeRefusal::RecordRequired(Record::LeaderOpinion) => t.change_problem_leader_opinion(),
        ChangeRefusal::RecordRequired(Record::Execution) => t.change_problem_execution(),
        ChangeRefusal::RecordRequired(Record::TestAndTraining) => t.change_problem_test(),
        ChangeRefusal::TrainingRequired => t.change_problem_training(),
    }
}
