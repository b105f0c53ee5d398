//! Properties over random walks through the process (see `walk`): no walk
//! skips a stage, passes a stage without its outputs, or lets anyone the
//! policy does not name take a decision.

use super::walk::{step, walk};
use super::*;
use proptest::prelude::*;
use std::collections::BTreeSet;

/// Whether DESIGN §2 and §3 name `who` to decide `stage`, restated here
/// apart from the process table so that the two check each other.
fn policy_names(stage: StageId, tier: Option<ApprovalTier>, who: &ActorContext) -> bool {
    let holds = |role| who.roles.contains(&role);
    let internal = !holds(Role::Expert) && !holds(Role::Contractor);
    let own_clerk = holds(Role::DeptClerk) && who.is_member_of_applying_department;
    let in_group = (who.is_project_group_member || who.is_project_leader) && internal;
    match stage {
        StageId::Research | StageId::Planning | StageId::InUse => own_clerk,
        StageId::Initiation => holds(Role::ItDeveloper),
        StageId::InitiationApproval | StageId::WorkingGroup => holds(Role::ItHead),
        StageId::Feasibility | StageId::Registry | StageId::Handover => holds(Role::ItClerk),
        StageId::BudgetApproval => match tier {
            None => false,
            Some(ApprovalTier::DepartmentHead) => {
                holds(Role::DeptHead) && who.is_member_of_applying_department
            }
            Some(ApprovalTier::VicePresident) => {
                holds(Role::VicePresident) && who.supervises_applying_department
            }
            Some(ApprovalTier::President) => holds(Role::President),
            Some(_) => holds(Role::MeetingSecretary),
        },
        StageId::Procurement => holds(Role::Procurement),
        StageId::PlanReview | StageId::Testing => in_group,
        StageId::Implementation => in_group || own_clerk,
        StageId::SecurityTesting => holds(Role::ItSecurity),
        StageId::Acceptance => who.is_project_leader && internal,
        StageId::Evaluation => holds(Role::Audit),
    }
}

/// The outputs a stage that is behind the project must have left.
fn missing_behind(state: &ProjectState) -> Vec<(StageId, OutputKind)> {
    let finished = state.status == ProjectStatus::Finished;
    let behind = StageId::ALL
        .into_iter()
        .filter(|stage| *stage < state.stage || finished);
    behind
        .flat_map(|stage| {
            let verdict = definition(stage).verdict;
            let outputs = state.required_outputs(stage).into_iter().chain(verdict);
            outputs.map(move |kind| (stage, kind))
        })
        .filter(|(_, kind)| !state.has_output(*kind))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_sequence_of_actions_skips_a_stage(steps in prop::collection::vec(step(), 0..800)) {
        // The stages done since the project was last sent back before them.
        let mut done = BTreeSet::new();
        walk(&steps, |attempt| {
            let (before, Ok(after)) = (attempt.before, attempt.result) else { return };
            if after.status == ProjectStatus::Finished {
                done.insert(before.stage);
                assert_eq!(done.len(), StageId::ALL.len(), "finished with {done:?}");
            } else if after.stage > before.stage {
                done.insert(before.stage);
                let skipped: Vec<StageId> =
                    after.stage.earlier().filter(|stage| !done.contains(stage)).collect();
                assert!(skipped.is_empty(), "reached {} skipping {skipped:?}", after.stage);
            } else if after.stage < before.stage && before.stage == StageId::Procurement {
                // A dearer contract reopens the approval, not the purchase.
                assert_eq!(after.stage, StageId::BudgetApproval);
                assert!(before.contract_exceeds_approval());
                done.remove(&StageId::BudgetApproval);
            } else if after.stage < before.stage {
                done.retain(|stage| *stage < after.stage);
            }
        });
    }

    #[test]
    fn no_sequence_of_actions_passes_a_stage_without_its_outputs(
        steps in prop::collection::vec(step(), 0..800)
    ) {
        // Evaluation is the last stage: reaching or finishing it with every
        // stage behind complete is the case that matters most.
        walk(&steps, |attempt| {
            let Ok(after) = attempt.result else { return };
            let missing = missing_behind(after);
            assert!(missing.is_empty(), "at {} without {missing:?}", after.stage);
        });
    }

    #[test]
    fn no_decision_is_taken_by_someone_the_policy_does_not_name(
        steps in prop::collection::vec(step(), 0..800)
    ) {
        walk(&steps, |attempt| {
            let before = attempt.before;
            let named = policy_names(before.stage, before.deciding_tier(), attempt.who);
            match attempt.result {
                Ok(_) => assert!(named, "{} decided by {:?}", before.stage, attempt.who),
                Err(Refusal::NotYourStage) => {
                    assert!(!named, "{} refused to {:?}", before.stage, attempt.who)
                }
                Err(_) => {}
            }
        });
    }
}
