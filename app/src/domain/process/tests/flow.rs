//! Where decisions take a project: forward, back, or to its end.

use super::*;

#[test]
fn a_project_that_completes_every_stage_in_turn_finishes_after_evaluation() {
    let mut state = ProjectState::start();
    let mut visited = vec![state.stage];

    while state.is_active() {
        state = advance(&state);
        if state.is_active() {
            visited.push(state.stage);
        }
    }

    assert_eq!(visited, StageId::ALL);
    assert_eq!(state.status, ProjectStatus::Finished);
}

/// Where a project stands after a decision, for the table below.
#[derive(Debug, PartialEq)]
enum Then {
    At(StageId),
    Rejected,
    Finished,
}

fn then(state: &ProjectState) -> Then {
    match state.status {
        ProjectStatus::Active => Then::At(state.stage),
        ProjectStatus::Rejected => Then::Rejected,
        ProjectStatus::Finished => Then::Finished,
    }
}

#[test]
fn each_decision_leads_where_the_design_says() {
    use Decision::*;
    use StageId::*;
    use Then::{At, Finished, Rejected};

    let cases = [
        (InitiationApproval, Approve, None, At(Feasibility)),
        (InitiationApproval, Reject, None, Rejected),
        (InitiationApproval, Return, Some(Research), At(Research)),
        (Feasibility, Pass, None, At(Registry)),
        (Feasibility, Fail, None, Rejected),
        (Feasibility, Revise, None, At(Initiation)),
        (BudgetApproval, Approve, None, At(WorkingGroup)),
        (BudgetApproval, Reject, None, Rejected),
        (BudgetApproval, Return, Some(Registry), At(Registry)),
        (PlanReview, Pass, None, At(Implementation)),
        (PlanReview, Revise, None, At(Planning)),
        (Testing, Complete, None, At(SecurityTesting)),
        (Testing, Fail, None, At(Implementation)),
        (SecurityTesting, Pass, None, At(Acceptance)),
        (SecurityTesting, Fail, None, At(Implementation)),
        (Acceptance, Pass, None, At(Handover)),
        (Acceptance, Fail, None, At(Implementation)),
        (Evaluation, Complete, None, Finished),
    ];

    for (stage, decision, return_to, expected) in cases {
        let state = fill(&project_at(stage, 30_000));
        let request = DecisionRequest {
            stage,
            decision,
            return_to,
            reason: "as the minutes record".into(),
        };

        let after = decide(&state, &insider(), &request).expect("the decision is allowed");

        assert_eq!(then(&after), expected, "{stage} {decision:?}");
    }
}

#[test]
fn a_failed_security_test_makes_implementation_and_testing_file_their_outputs_again() {
    let state = fill(&project_at(StageId::SecurityTesting, 30_000));
    let fail = DecisionRequest::new(StageId::SecurityTesting, Decision::Fail)
        .with_reason("SQL injection in the login form");

    let after = decide(&state, &holding(Role::ItSecurity), &fail).expect("security may fail it");

    assert_eq!(after.stage, StageId::Implementation);
    assert_eq!(
        after.missing_outputs(),
        [OutputKind::ProgressReport, OutputKind::SupervisionRecord]
    );
    assert!(!after.has_output(OutputKind::SecurityReport));
    assert!(!after.has_output(OutputKind::UserTestReport));
    assert!(
        after.has_output(OutputKind::ImplementationPlan),
        "earlier stages keep theirs"
    );
}

#[test]
fn the_buttons_offered_are_the_decisions_the_user_may_take() {
    let state = project_at(StageId::InitiationApproval, 30_000);

    assert_eq!(
        decisions_open_to(&state, &holding(Role::ItHead)),
        [Decision::Approve, Decision::Reject, Decision::Return]
    );
    assert!(decisions_open_to(&state, &holding(Role::ItClerk)).is_empty());
    assert_eq!(decisions_open_to(&state, &insider()).len(), 3);
}

#[test]
fn every_stage_names_who_it_waits_on() {
    let state = project_at(StageId::BudgetApproval, 120_000);

    assert_eq!(deciders_now(&state), [Actor::SupervisingVicePresident]);
    assert_eq!(
        deciders_now(&project_at(StageId::Acceptance, 30_000)),
        [Actor::ProjectLeader]
    );
}

#[test]
fn a_return_to_research_keeps_the_application_the_project_was_started_from() {
    let state = project_at(StageId::InitiationApproval, 30_000);
    let request = DecisionRequest::new(StageId::InitiationApproval, Decision::Return)
        .returning_to(StageId::Research)
        .with_reason("建设内容不清楚");
    let after = decide(&state, &holding(Role::ItHead), &request).expect("the head returns it");
    assert_eq!(after.stage, StageId::Research);
    assert_eq!(
        after.missing_outputs(),
        [OutputKind::ConstructionPlanDocument]
    );
}
