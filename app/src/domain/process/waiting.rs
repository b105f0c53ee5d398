//! What a project waits on a given user for: the inbox's question.

use super::transition::check_open;
use super::{
    Actor, ActorContext, Decision, OutputKind, ProjectState, StageId, decisions_open_to, definition,
};
use crate::domain::Role;

/// Decisions the user may take now, and the outputs still missing that
/// they may file. An invited expert's opinion waits on them through the
/// whole review, since each expert gives one, however many are in.
pub fn waiting_on(state: &ProjectState, who: &ActorContext) -> (Vec<Decision>, Vec<OutputKind>) {
    if check_open(state, state.stage).is_err() {
        return (Vec::new(), Vec::new());
    }
    let tier = state.deciding_tier();
    let may_file = |kind: &OutputKind| kind.filed_by().iter().any(|actor| actor.admits(who, tier));
    let mut to_file: Vec<OutputKind> = state
        .missing_outputs()
        .into_iter()
        .filter(|kind| !kind.is_written_by_decision() && may_file(kind))
        .collect();
    let expert_review = state.stage == StageId::Feasibility
        && Actor::InvitedExpert.admits(who, tier)
        && !to_file.contains(&OutputKind::ExpertOpinion);
    if expert_review {
        to_file.push(OutputKind::ExpertOpinion);
    }
    (decisions_open_to(state, who), to_file)
}

/// The stages at which a holder of these roles could be waited on, before
/// anything about a particular project is known: the inbox looks only at
/// projects in these stages.
pub fn stages_possibly_for(roles: &[Role]) -> Vec<StageId> {
    let internal = roles.iter().any(|role| !role.is_external());
    let could_be = |actor: &Actor| match actor {
        Actor::College(role) | Actor::ApplyingDepartment(role) => roles.contains(role),
        Actor::SupervisingVicePresident => roles.contains(&Role::VicePresident),
        Actor::ProjectGroup | Actor::ProjectLeader => internal,
        Actor::AssignedContractor => roles.contains(&Role::Contractor),
        Actor::InvitedExpert => roles.contains(&Role::Expert),
        Actor::BudgetApprover => roles.iter().any(|role| {
            matches!(
                role,
                Role::DeptHead | Role::VicePresident | Role::President | Role::MeetingSecretary
            )
        }),
    };
    StageId::ALL
        .into_iter()
        .filter(|stage| {
            let definition = definition(*stage);
            let filers = definition
                .required
                .iter()
                .chain([OutputKind::MeetingRecord, OutputKind::ExpertOpinion].iter())
                .filter(|kind| kind.stage() == *stage)
                .flat_map(|kind| kind.filed_by());
            definition.deciders.iter().chain(filers).any(could_be)
        })
        .collect()
}
