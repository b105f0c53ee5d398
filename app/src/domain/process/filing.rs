//! Filing what a stage must produce. Only the current stage's outputs can
//! be filed, since a completed stage's data is locked (DESIGN §6), and only
//! by the people who write them.

use super::transition::check_open;
use super::{ActorContext, Amount, HandoverItem, OutputKind, ProjectState, Refusal};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Filing {
    /// A document or record, such as the user test report.
    Output(OutputKind),
    /// The budget of the final construction plan; it names the approval tier.
    Budget(Amount),
    /// The amount of the contract chosen at procurement.
    ContractAmount(Amount),
    /// One item of the handover checklist, confirmed received. The
    /// checklist itself is never filed whole: it is confirmed item by item.
    HandoverItem(HandoverItem),
}

impl Filing {
    pub fn kind(self) -> OutputKind {
        match self {
            Filing::Output(kind) => kind,
            Filing::Budget(_) => OutputKind::BudgetAmount,
            Filing::ContractAmount(_) => OutputKind::ContractAmount,
            Filing::HandoverItem(_) => OutputKind::HandoverChecklistConfirmed,
        }
    }
}

/// The project as it stands after `who` files `filing`, or why they may
/// not. Filing never moves a project; only a decision does.
pub fn file(
    state: &ProjectState,
    who: &ActorContext,
    filing: Filing,
) -> Result<ProjectState, Refusal> {
    let kind = filing.kind();
    check_open(state, kind.stage())?;
    let filed_as_document = matches!(filing, Filing::Output(_));
    let confirmed_item_by_item = kind == OutputKind::HandoverChecklistConfirmed;
    if filed_as_document
        && (kind.is_amount() || kind.is_written_by_decision() || confirmed_item_by_item)
    {
        return Err(Refusal::NotFileable(kind));
    }
    let tier = state.deciding_tier();
    if !kind.filed_by().iter().any(|actor| actor.admits(who, tier)) {
        return Err(Refusal::NotYourStage);
    }

    let mut next = state.clone();
    match filing {
        Filing::Output(document) => {
            next.outputs.insert(document);
        }
        Filing::Budget(amount) => next.budget = Some(amount),
        Filing::ContractAmount(amount) => next.contract_amount = Some(amount),
        Filing::HandoverItem(item) => {
            next.handover.insert(item);
            if HandoverItem::all_confirmed(&next.handover) {
                next.outputs.insert(OutputKind::HandoverChecklistConfirmed);
            }
        }
    }
    Ok(next)
}

/// Whether `who` may correct `kind` after its stage has completed. The
/// stage's data is locked (DESIGN §6): a correction is a new revision with
/// a reason, kept beside the old one, and it never moves the project or
/// changes an amount that routed an approval; for that the project is
/// returned instead.
pub fn may_correct(
    state: &ProjectState,
    who: &ActorContext,
    kind: OutputKind,
) -> Result<(), Refusal> {
    if state.process_version != super::PROCESS_VERSION {
        return Err(Refusal::OtherProcessVersion);
    }
    if kind.is_amount() || kind.is_written_by_decision() {
        return Err(Refusal::NotFileable(kind));
    }
    let completed = kind.stage() < state.stage || !state.is_active();
    if !completed || !state.has_output(kind) {
        return Err(Refusal::NotCompleted);
    }
    let tier = state.deciding_tier();
    if kind.filed_by().iter().any(|actor| actor.admits(who, tier)) {
        Ok(())
    } else {
        Err(Refusal::NotYourStage)
    }
}

/// Experts are invited to the feasibility review by the IT centre clerk
/// who organises it, while the review is under way.
pub fn may_invite_experts(state: &ProjectState, who: &ActorContext) -> Result<(), Refusal> {
    check_open(state, super::StageId::Feasibility)?;
    if super::actor::IT_CLERK.admits(who, None) {
        Ok(())
    } else {
        Err(Refusal::NotYourStage)
    }
}

/// Whether `who` may upload a document to the project: someone who works
/// in its current stage (to attach to what they file there), or someone
/// who may correct an output of a completed stage. Everyone else, the
/// audit office outside its evaluation and the administrator included,
/// only reads.
pub fn may_upload(state: &ProjectState, who: &ActorContext) -> bool {
    let tier = state.deciding_tier();
    let works_here = state.is_active()
        && super::definition(state.stage)
            .actors
            .iter()
            .any(|actor| actor.admits(who, tier));
    works_here
        || OutputKind::ALL
            .into_iter()
            .any(|kind| may_correct(state, who, kind).is_ok())
}
