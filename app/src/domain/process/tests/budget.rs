//! Budget approval routed by amount (DESIGN §3), and the second approval a
//! dearer contract needs before implementation (DESIGN §2).

use super::*;

fn procurement_done(state: &ProjectState, contract_yuan: u64) -> ProjectState {
    let procurement = holding(Role::Procurement);
    let filings = [
        Filing::Output(OutputKind::ProcurementMethod),
        Filing::Output(OutputKind::Contractor),
        Filing::ContractAmount(yuan(contract_yuan)),
    ];
    filings.into_iter().fold(state.clone(), |state, filing| {
        file(&state, &procurement, filing).expect("procurement files the purchase")
    })
}

#[test]
fn the_budget_is_approved_by_the_tier_its_amount_falls_in() {
    let own_head = of_applying_department(Role::DeptHead);
    let other_head = holding(Role::DeptHead);
    let own_vice_president = supervising_vice_president();
    let other_vice_president = holding(Role::VicePresident);
    let president = holding(Role::President);
    let secretary = holding(Role::MeetingSecretary);
    let people = [
        &own_head,
        &other_head,
        &own_vice_president,
        &other_vice_president,
        &president,
        &secretary,
    ];

    // Which of `people` may approve, in the same order.
    let cases = [
        (0, [true, false, false, false, false, false]),
        (49_999, [true, false, false, false, false, false]),
        (50_000, [false, false, true, false, false, false]),
        (199_999, [false, false, true, false, false, false]),
        (200_000, [false, false, false, false, true, false]),
        (499_999, [false, false, false, false, true, false]),
        (500_000, [false, false, false, false, false, true]),
        (5_000_000, [false, false, false, false, false, true]),
    ];

    for (budget_yuan, expected) in cases {
        let state = fill(&project_at(StageId::BudgetApproval, budget_yuan));
        let approve = DecisionRequest::new(StageId::BudgetApproval, Decision::Approve);

        let allowed = people.map(|who| decide(&state, who, &approve).is_ok());

        assert_eq!(allowed, expected, "budget of {budget_yuan} yuan");
    }
}

#[test]
fn a_meeting_decision_is_recorded_only_with_the_meetings_record() {
    let secretary = holding(Role::MeetingSecretary);
    let approve = DecisionRequest::new(StageId::BudgetApproval, Decision::Approve);
    let state = project_at(StageId::BudgetApproval, 800_000);

    assert_eq!(
        decide(&state, &secretary, &approve),
        Err(Refusal::MissingOutputs(vec![OutputKind::MeetingRecord]))
    );
    // Nor is a rejection or a return one person's click.
    let reject =
        DecisionRequest::new(StageId::BudgetApproval, Decision::Reject).with_reason("预算过高");
    assert_eq!(
        decide(&state, &secretary, &reject),
        Err(Refusal::MissingOutputs(vec![OutputKind::MeetingRecord]))
    );

    let state = file(
        &state,
        &secretary,
        Filing::Output(OutputKind::MeetingRecord),
    )
    .expect("the secretary files the minutes");
    let approved = decide(&state, &secretary, &approve).expect("the meeting approved it");

    assert_eq!(approved.stage, StageId::WorkingGroup);
    assert_eq!(
        approved.approved_tier,
        Some(ApprovalTier::PresidentsOfficeMeeting)
    );
    assert!(approved.has_output(OutputKind::ApprovalDecision));
}

#[test]
fn a_contract_in_a_higher_tier_goes_back_for_that_tiers_approval_before_planning() {
    let procurement = holding(Role::Procurement);
    let complete = DecisionRequest::new(StageId::Procurement, Decision::Complete);
    let approve = DecisionRequest::new(StageId::BudgetApproval, Decision::Approve);
    let state = procurement_done(&project_at(StageId::Procurement, 40_000), 120_000);
    assert!(
        state.contract_exceeds_approval(),
        "the form can warn at once"
    );

    let state = decide(&state, &procurement, &complete).expect("procurement completes");
    assert_eq!(state.stage, StageId::BudgetApproval);
    assert_eq!(state.deciding_tier(), Some(ApprovalTier::VicePresident));
    assert!(
        state.has_output(OutputKind::Contractor),
        "the purchase stands"
    );
    assert!(!state.has_output(OutputKind::ApprovalDecision));

    let own_head = of_applying_department(Role::DeptHead);
    assert_eq!(
        decide(&state, &own_head, &approve),
        Err(Refusal::NotYourStage),
        "the lower tier cannot approve the dearer contract"
    );
    let state = decide(&state, &supervising_vice_president(), &approve)
        .expect("the vice president approves");
    assert_eq!(state.stage, StageId::Procurement);

    let state = decide(&state, &procurement, &complete).expect("procurement completes");
    assert_eq!(state.stage, StageId::Planning);
}

#[test]
fn a_contract_within_the_approved_tier_goes_straight_to_planning() {
    let state = procurement_done(&project_at(StageId::Procurement, 150_000), 199_999);
    let complete = DecisionRequest::new(StageId::Procurement, Decision::Complete);

    let after = decide(&state, &holding(Role::Procurement), &complete).expect("it completes");

    assert!(!state.contract_exceeds_approval());
    assert_eq!(after.stage, StageId::Planning);
}

#[test]
fn returning_the_project_before_approval_withdraws_the_approval() {
    let state = fill(&project_at(StageId::BudgetApproval, 30_000));
    let own_head = of_applying_department(Role::DeptHead);
    let back = DecisionRequest::new(StageId::BudgetApproval, Decision::Return)
        .with_reason("the plan lacks a maintenance budget")
        .returning_to(StageId::Registry);

    let after = decide(&state, &own_head, &back).expect("the head may return it");

    assert_eq!(after.stage, StageId::Registry);
    assert_eq!((after.budget, after.approved_tier), (None, None));
    assert!(
        after
            .missing_outputs()
            .contains(&OutputKind::FinalConstructionPlan)
    );
}
