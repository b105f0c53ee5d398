use super::*;

/// Everyone a project could wait on, one role each, with every place in
/// the project that role can hold.
fn everyone() -> Vec<ActorContext> {
    Role::ALL
        .into_iter()
        .map(|role| ActorContext {
            roles: vec![role],
            is_member_of_applying_department: true,
            supervises_applying_department: true,
            is_project_group_member: true,
            is_project_leader: true,
            is_assigned_contractor: true,
            is_invited_expert: true,
        })
        .collect()
}

#[test]
fn the_inbox_prefilter_never_hides_a_project_that_waits_on_someone() {
    for budget in [30_000, 120_000, 300_000, 800_000, 6_000_000] {
        for stage in StageId::ALL {
            let state = project_at(stage, budget);
            for who in everyone() {
                let (decisions, to_file) = waiting_on(&state, &who);
                if !decisions.is_empty() || !to_file.is_empty() {
                    let stages = stages_possibly_for(&who.roles);
                    assert!(stages.contains(&stage), "{stage} for {:?}", who.roles);
                }
            }
        }
    }
}

#[test]
fn every_active_stage_waits_on_someone_until_the_project_ends() {
    for stage in StageId::ALL {
        let state = project_at(stage, 800_000);
        let waits = everyone().iter().any(|who| {
            let (decisions, to_file) = waiting_on(&state, who);
            !decisions.is_empty() || !to_file.is_empty()
        });
        assert!(waits, "{stage} waits on nobody");
    }
}

#[test]
fn a_budget_waits_on_the_approver_its_amount_names_and_no_one_else() {
    let cases = [
        (30_000, Role::DeptHead),
        (120_000, Role::VicePresident),
        (300_000, Role::President),
        (800_000, Role::MeetingSecretary),
    ];
    for (budget, approver) in cases {
        let state = project_at(StageId::BudgetApproval, budget);
        for who in everyone() {
            let (decisions, _) = waiting_on(&state, &who);
            let expected = who.roles == [approver];
            assert_eq!(!decisions.is_empty(), expected, "{budget} {:?}", who.roles);
        }
    }
}

#[test]
fn a_closed_project_waits_on_nobody() {
    let mut state = project_at(StageId::Testing, 30_000);
    state.status = ProjectStatus::Rejected;
    for who in everyone() {
        assert_eq!(waiting_on(&state, &who), (Vec::new(), Vec::new()));
    }
}
