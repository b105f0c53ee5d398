//! The one function that moves a project. The browser calls it to know
//! which buttons to offer and why one is disabled; the server calls it
//! again, with facts it has looked up itself, before it saves anything.

use super::{
    Actor, ActorContext, Decision, DecisionRequest, Leads, OutputKind, PROCESS_VERSION,
    ProjectState, ProjectStatus, StageId, definition,
};
use serde::{Deserialize, Serialize};

/// Why a request was refused. The interface words each one from its
/// locale files; the messages here are for the log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Refusal {
    #[error("the project follows another version of the process")]
    OtherProcessVersion,
    #[error("the project is closed")]
    ProjectClosed,
    #[error("the project is at stage {current}, not the one acted on")]
    StageNotCurrent { current: StageId },
    #[error("that decision is not offered at this stage")]
    DecisionNotOffered,
    #[error("the user is not one who acts here")]
    NotYourStage,
    #[error("a reason is required")]
    ReasonRequired,
    #[error("no stage named to return to")]
    ReturnTargetMissing,
    #[error("a project can only be returned to an earlier stage")]
    ReturnTargetNotEarlier,
    #[error("this decision leads to a fixed stage")]
    ReturnTargetNotAccepted,
    #[error("outputs still missing: {0:?}")]
    MissingOutputs(Vec<OutputKind>),
    #[error("{0:?} is recorded by a decision or as an amount, not filed")]
    NotFileable(OutputKind),
    #[error("only the outputs of a completed stage are corrected")]
    NotCompleted,
}

/// Where an accepted decision takes the project.
enum Move {
    Forward,
    Reject,
    Back(StageId),
}

/// The project as it stands after `who` takes the decision `request`
/// describes, or why they may not.
pub fn decide(
    state: &ProjectState,
    who: &ActorContext,
    request: &DecisionRequest,
) -> Result<ProjectState, Refusal> {
    check_open(state, request.stage)?;
    let leads = definition(state.stage)
        .leads(request.decision)
        .ok_or(Refusal::DecisionNotOffered)?;
    check_decider(state, who)?;
    if leads.needs_reason() && !request.has_reason() {
        return Err(Refusal::ReasonRequired);
    }

    // A meeting decides whichever way it goes only on its record: a
    // rejection or a return is as collective as an approval (DESIGN §3).
    if state.stage == StageId::BudgetApproval
        && state.missing_outputs().contains(&OutputKind::MeetingRecord)
    {
        return Err(Refusal::MissingOutputs(vec![OutputKind::MeetingRecord]));
    }

    let mut next = state.clone();
    match resolve(leads, request.return_to, state.stage)? {
        Move::Forward => {
            let missing = state.missing_outputs();
            if !missing.is_empty() {
                return Err(Refusal::MissingOutputs(missing));
            }
            move_forward(&mut next);
        }
        Move::Reject => next.status = ProjectStatus::Rejected,
        Move::Back(target) => next.reopen_from(target),
    }
    Ok(next)
}

/// The decisions `who` may take now: the buttons of the stage page. Missing
/// outputs do not hide a button; the page lists them beside it.
pub fn decisions_open_to(state: &ProjectState, who: &ActorContext) -> Vec<Decision> {
    if check_open(state, state.stage).is_err() || check_decider(state, who).is_err() {
        return Vec::new();
    }
    let offers = definition(state.stage).offers;
    offers.iter().map(|(decision, _)| *decision).collect()
}

/// Whom the current stage waits on, with the budget's approver named: for
/// inboxes, and for telling a user who must act next.
pub fn deciders_now(state: &ProjectState) -> Vec<Actor> {
    let tier = state.deciding_tier();
    let deciders = definition(state.stage).deciders.iter();
    deciders
        .filter_map(|actor| match actor {
            Actor::BudgetApprover => tier.map(Actor::for_tier),
            named => Some(*named),
        })
        .collect()
}

/// Refuses a request against a closed project, a project of another
/// process version, or a stage the project is no longer at.
pub(super) fn check_open(state: &ProjectState, stage: StageId) -> Result<(), Refusal> {
    if state.process_version != PROCESS_VERSION {
        return Err(Refusal::OtherProcessVersion);
    }
    if !state.is_active() {
        return Err(Refusal::ProjectClosed);
    }
    if state.stage != stage {
        return Err(Refusal::StageNotCurrent {
            current: state.stage,
        });
    }
    Ok(())
}

fn check_decider(state: &ProjectState, who: &ActorContext) -> Result<(), Refusal> {
    let deciders = definition(state.stage).deciders;
    let tier = state.deciding_tier();
    if deciders.contains(&Actor::BudgetApprover) && tier.is_none() {
        // Until the budget is known nobody can be named to approve it.
        return Err(Refusal::MissingOutputs(vec![OutputKind::BudgetAmount]));
    }
    if deciders.iter().any(|actor| actor.admits(who, tier)) {
        Ok(())
    } else {
        Err(Refusal::NotYourStage)
    }
}

fn resolve(leads: Leads, return_to: Option<StageId>, current: StageId) -> Result<Move, Refusal> {
    match (leads, return_to) {
        (Leads::BackToChosen, None) => Err(Refusal::ReturnTargetMissing),
        (Leads::BackToChosen, Some(target)) if target >= current => {
            Err(Refusal::ReturnTargetNotEarlier)
        }
        (Leads::BackToChosen, Some(target)) => Ok(Move::Back(target)),
        (_, Some(_)) => Err(Refusal::ReturnTargetNotAccepted),
        (Leads::Forward, None) => Ok(Move::Forward),
        (Leads::Rejection, None) => Ok(Move::Reject),
        (Leads::BackTo(target), None) => Ok(Move::Back(target)),
    }
}

fn move_forward(state: &mut ProjectState) {
    if let Some(verdict) = definition(state.stage).verdict {
        state.outputs.insert(verdict);
    }
    match state.stage {
        StageId::BudgetApproval => {
            state.approved_tier = state.deciding_tier();
            if state.contract_amount.is_some() {
                // A re-approval for a dearer contract: the purchase stands
                // and procurement resumes, now within its approval.
                state.stage = StageId::Procurement;
            } else {
                advance(state);
            }
        }
        StageId::Procurement if state.contract_exceeds_approval() => {
            state.reopen_for_contract_tier();
        }
        _ => advance(state),
    }
}

fn advance(state: &mut ProjectState) {
    match state.stage.next() {
        Some(next) => state.stage = next,
        None => state.status = ProjectStatus::Finished,
    }
}
