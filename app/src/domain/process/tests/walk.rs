//! Random walks through the process: random sequences of actions by
//! random people. Most actions are the ones that move a project on, so
//! that walks reach the late stages; the rest send it back, reject it, or
//! ask for anything at all.

use super::*;
use proptest::prelude::*;

/// Amounts from each of the five tiers, for budgets and contracts.
const AMOUNTS_YUAN: [u64; 5] = [30_000, 120_000, 300_000, 800_000, 6_000_000];

#[derive(Clone, Copy, Debug)]
enum Who {
    Insider,
    Contractor,
    Anyone { roles: u16, flags: u8 },
}

#[derive(Clone, Debug)]
pub(super) struct Step {
    who: Who,
    act: u8,
    pick: u8,
    target: u8,
    gives_reason: bool,
}

enum Action {
    File(Filing),
    Decide(DecisionRequest),
}

/// One decision attempted during a walk, and its answer.
pub(super) struct Attempt<'a> {
    pub(super) before: &'a ProjectState,
    pub(super) who: &'a ActorContext,
    pub(super) result: &'a Result<ProjectState, Refusal>,
}

/// Mostly someone who may do everything inside the college, so that walks
/// get far; the contractor for progress reports only they may file; and
/// anyone at all, from random roles and facts, to be refused or not.
fn who() -> impl Strategy<Value = Who> {
    prop_oneof![
        4 => Just(Who::Insider),
        1 => Just(Who::Contractor),
        3 => (any::<u16>(), any::<u8>()).prop_map(|(roles, flags)| Who::Anyone { roles, flags }),
    ]
}

pub(super) fn step() -> impl Strategy<Value = Step> {
    let parts = (
        who(),
        0u8..16,
        any::<u8>(),
        any::<u8>(),
        prop::bool::weighted(0.9),
    );
    parts.prop_map(|(who, act, pick, target, gives_reason)| Step {
        who,
        act,
        pick,
        target,
        gives_reason,
    })
}

/// Sixteen role bits pick from `Role::ALL`; six flag bits set the facts.
fn anyone(roles: u16, flags: u8) -> ActorContext {
    let flag = |bit: u8| flags & (1 << bit) != 0;
    ActorContext {
        roles: Role::ALL
            .into_iter()
            .enumerate()
            .filter(|(bit, _)| roles & (1 << bit) != 0)
            .map(|(_, role)| role)
            .collect(),
        is_member_of_applying_department: flag(0),
        supervises_applying_department: flag(1),
        is_project_group_member: flag(2),
        is_project_leader: flag(3),
        is_assigned_contractor: flag(4),
        is_invited_expert: flag(5),
    }
}

impl Step {
    fn actor(&self) -> ActorContext {
        match self.who {
            Who::Insider => insider(),
            Who::Contractor => assigned_contractor(),
            Who::Anyone { roles, flags } => anyone(roles, flags),
        }
    }

    fn action(&self, state: &ProjectState) -> Action {
        let offered = |wanted: fn(Leads) -> bool| -> Vec<Decision> {
            let offers = definition(state.stage).offers.iter();
            offers
                .filter(|(_, leads)| wanted(*leads))
                .map(|(decision, _)| *decision)
                .collect()
        };
        match self.act {
            0..=5 => Action::File(self.filing(state)),
            6..=12 => self.decision(state.stage, offered(|leads| leads == Leads::Forward)),
            13 => self.decision(
                state.stage,
                offered(|leads| matches!(leads, Leads::BackTo(_) | Leads::BackToChosen)),
            ),
            14 => self.decision(state.stage, offered(|leads| leads == Leads::Rejection)),
            _ => self.decision(state.stage, Decision::ALL.to_vec()),
        }
    }

    fn filing(&self, state: &ProjectState) -> Filing {
        let missing = state.missing_outputs();
        let kind = match missing.len() {
            0 => OutputKind::ALL[usize::from(self.pick) % OutputKind::ALL.len()],
            count => missing[usize::from(self.pick) % count],
        };
        let amount = yuan(AMOUNTS_YUAN[usize::from(self.target) % AMOUNTS_YUAN.len()]);
        match kind {
            OutputKind::BudgetAmount => Filing::Budget(amount),
            OutputKind::ContractAmount => Filing::ContractAmount(amount),
            OutputKind::HandoverChecklistConfirmed => {
                let items = HandoverItem::ALL;
                Filing::HandoverItem(items[usize::from(self.target) % items.len()])
            }
            document => Filing::Output(document),
        }
    }

    fn decision(&self, stage: StageId, choices: Vec<Decision>) -> Action {
        let choices = if choices.is_empty() {
            Decision::ALL.to_vec()
        } else {
            choices
        };
        let decision = choices[usize::from(self.pick) % choices.len()];
        let anything_goes = self.act == 15;
        let target = StageId::ALL[usize::from(self.target) % StageId::ALL.len()];
        let named_anyway = anything_goes && self.target.is_multiple_of(2);
        let return_to = (decision == Decision::Return || named_anyway).then_some(target);
        let reason = if self.gives_reason {
            "as the minutes record"
        } else {
            "  "
        };
        Action::Decide(DecisionRequest {
            stage,
            decision,
            return_to,
            reason: reason.to_owned(),
        })
    }
}

/// Plays `steps` from a new project, showing `observe` every decision
/// attempted. Filings that are allowed are applied and must not move the
/// project; the walk ends when the project closes.
pub(super) fn walk(steps: &[Step], mut observe: impl FnMut(Attempt<'_>)) {
    let mut state = ProjectState::start();
    for step in steps {
        let who = step.actor();
        match step.action(&state) {
            Action::File(filing) => {
                if let Ok(next) = file(&state, &who, filing) {
                    assert_eq!((next.stage, next.status), (state.stage, state.status));
                    state = next;
                }
            }
            Action::Decide(request) => {
                let result = decide(&state, &who, &request);
                observe(Attempt {
                    before: &state,
                    who: &who,
                    result: &result,
                });
                if let Ok(next) = result {
                    state = next;
                }
            }
        }
        if !state.is_active() {
            return;
        }
    }
}
