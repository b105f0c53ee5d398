//! What is refused, and the reason given, so the interface can say it.

use super::*;

#[test]
fn requests_that_break_a_rule_are_refused_with_that_rule() {
    use Decision::{Approve, Complete, Pass, Reject, Return};
    use Refusal::*;
    use StageId::{Feasibility, Initiation, InitiationApproval, Research};

    let here = InitiationApproval;
    let state = project_at(here, 30_000);
    let it_head = holding(Role::ItHead);
    let at = |decision| DecisionRequest::new(here, decision);
    let back = || at(Return).with_reason("the plan is incomplete");
    let stale = StageNotCurrent { current: here };

    let cases = [
        (DecisionRequest::new(Initiation, Complete), stale),
        (at(Pass), DecisionNotOffered),
        (at(Reject).with_reason(" \n"), ReasonRequired),
        (back(), ReturnTargetMissing),
        (back().returning_to(here), ReturnTargetNotEarlier),
        (back().returning_to(Feasibility), ReturnTargetNotEarlier),
        (at(Approve).returning_to(Research), ReturnTargetNotAccepted),
    ];

    for (request, refusal) in cases {
        let answer = decide(&state, &it_head, &request);
        assert_eq!(answer, Err(refusal), "{request:?}");
    }
}

#[test]
fn only_the_people_a_stage_names_may_decide_it() {
    let state = project_at(StageId::InitiationApproval, 30_000);
    let approve = DecisionRequest::new(StageId::InitiationApproval, Decision::Approve);

    assert!(decide(&state, &holding(Role::ItHead), &approve).is_ok());
    for role in [Role::ItClerk, Role::DeptHead, Role::President, Role::Audit] {
        assert_eq!(
            decide(&state, &holding(role), &approve),
            Err(Refusal::NotYourStage),
            "{role}"
        );
    }
}

#[test]
fn a_closed_project_or_one_under_another_version_is_not_moved() {
    let it_head = holding(Role::ItHead);
    let state = project_at(StageId::InitiationApproval, 30_000);
    let approve = DecisionRequest::new(StageId::InitiationApproval, Decision::Approve);
    let reject = DecisionRequest::new(StageId::InitiationApproval, Decision::Reject)
        .with_reason("not needed this year");
    let rejected = decide(&state, &it_head, &reject).expect("the head may reject");
    let older = ProjectState {
        process_version: "GDGM-WI-IT-03-05 V0.9".into(),
        ..state
    };

    assert_eq!(rejected.status, ProjectStatus::Rejected);
    assert_eq!(
        decide(&rejected, &it_head, &approve),
        Err(Refusal::ProjectClosed)
    );
    assert!(decisions_open_to(&rejected, &it_head).is_empty());
    assert_eq!(
        file(
            &rejected,
            &insider(),
            Filing::Output(OutputKind::ExpertOpinion)
        ),
        Err(Refusal::ProjectClosed)
    );
    assert_eq!(
        decide(&older, &it_head, &approve),
        Err(Refusal::OtherProcessVersion)
    );
}

#[test]
fn a_stage_moves_forward_only_once_its_outputs_are_filed() {
    let clerk = of_applying_department(Role::DeptClerk);
    let complete = DecisionRequest::new(StageId::Research, Decision::Complete);
    // A project starts with its application form; the plan is still due.
    let state = ProjectState::start();
    assert!(state.has_output(OutputKind::ApplicationForm));

    assert_eq!(
        decide(&state, &clerk, &complete),
        Err(Refusal::MissingOutputs(vec![
            OutputKind::ConstructionPlanDocument
        ]))
    );

    let state = file(
        &state,
        &clerk,
        Filing::Output(OutputKind::ConstructionPlanDocument),
    )
    .expect("the clerk files the plan");
    let after = decide(&state, &clerk, &complete).expect("research is complete");
    assert_eq!(after.stage, StageId::Initiation);
}

#[test]
fn an_administrator_moves_no_project() {
    let admin = ActorContext {
        is_member_of_applying_department: true,
        supervises_applying_department: true,
        ..holding(Role::Admin)
    };

    for stage in StageId::ALL {
        let state = fill(&project_at(stage, 6_000_000));
        for (decision, _) in definition(stage).offers {
            let request = DecisionRequest::new(stage, *decision).with_reason("testing");
            assert_eq!(
                decide(&state, &admin, &request),
                Err(Refusal::NotYourStage),
                "{stage} {decision:?}"
            );
        }
        assert!(decisions_open_to(&state, &admin).is_empty(), "{stage}");
    }
}
