//! Filing what a stage must produce. Only the current stage's outputs can
//! be filed, since a completed stage's data is locked (DESIGN §6), and only
//! by the people who write them.

use super::transition::check_open;
use super::{ActorContext, Amount, OutputKind, ProjectState, Refusal};
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
}

impl Filing {
    pub fn kind(self) -> OutputKind {
        match self {
            Filing::Output(kind) => kind,
            Filing::Budget(_) => OutputKind::BudgetAmount,
            Filing::ContractAmount(_) => OutputKind::ContractAmount,
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
    if filed_as_document && (kind.is_amount() || kind.is_written_by_decision()) {
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
    }
    Ok(next)
}
