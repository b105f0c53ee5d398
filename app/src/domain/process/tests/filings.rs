use super::*;

#[test]
fn outputs_are_filed_only_at_their_stage_by_the_people_who_write_them() {
    use OutputKind::{ApplicationForm, ProgressReport, SecurityReport, SupervisionRecord};
    const REFUSED: Result<(), Refusal> = Err(Refusal::NotYourStage);
    const NOT_YET: Result<(), Refusal> = Err(Refusal::StageNotCurrent {
        current: StageId::Implementation,
    });

    let state = project_at(StageId::Implementation, 30_000);
    let unassigned = holding(Role::Contractor);
    let clerk = of_applying_department(Role::DeptClerk);
    let other_clerk = holding(Role::DeptClerk);

    let cases = [
        (&assigned_contractor(), ProgressReport, Ok(())),
        (&unassigned, ProgressReport, REFUSED),
        (&insider(), ProgressReport, REFUSED),
        (&clerk, SupervisionRecord, Ok(())),
        (&other_clerk, SupervisionRecord, REFUSED),
        (&insider(), SecurityReport, NOT_YET),
        (&insider(), ApplicationForm, NOT_YET),
    ];

    for (who, kind, expected) in cases {
        let answer = file(&state, who, Filing::Output(kind)).map(|_| ());
        assert_eq!(answer, expected, "{kind:?} by {:?}", who.roles);
    }
}

#[test]
fn filing_never_moves_a_project() {
    let state = project_at(StageId::Research, 30_000);
    let clerk = of_applying_department(Role::DeptClerk);

    let after = file(&state, &clerk, Filing::Output(OutputKind::ApplicationForm))
        .expect("the clerk files the application");

    assert_eq!((after.stage, after.status), (state.stage, state.status));
    assert!(after.has_output(OutputKind::ApplicationForm));
}

#[test]
fn what_a_decision_writes_cannot_be_filed() {
    let state = project_at(StageId::Feasibility, 30_000);

    assert_eq!(
        file(
            &state,
            &insider(),
            Filing::Output(OutputKind::FeasibilityConclusion)
        ),
        Err(Refusal::NotFileable(OutputKind::FeasibilityConclusion))
    );
}

#[test]
fn amounts_are_filed_as_amounts() {
    let state = project_at(StageId::Registry, 30_000);
    let clerk = holding(Role::ItClerk);

    assert_eq!(
        file(&state, &clerk, Filing::Output(OutputKind::BudgetAmount)),
        Err(Refusal::NotFileable(OutputKind::BudgetAmount))
    );
    let after = file(&state, &clerk, Filing::Budget(yuan(60_000))).expect("the clerk enters it");
    assert_eq!(after.deciding_tier(), Some(ApprovalTier::VicePresident));
}

#[test]
fn a_contractor_or_expert_never_counts_as_a_member_of_the_project_group() {
    let state = fill(&project_at(StageId::PlanReview, 30_000));
    let pass = DecisionRequest::new(StageId::PlanReview, Decision::Pass);
    let contractor_in_group = ActorContext {
        is_project_group_member: true,
        is_project_leader: true,
        ..assigned_contractor()
    };
    let internal_control = ActorContext {
        is_project_group_member: true,
        ..holding(Role::InternalControl)
    };

    assert_eq!(
        decide(&state, &contractor_in_group, &pass),
        Err(Refusal::NotYourStage)
    );
    let after = decide(&state, &internal_control, &pass).expect("a group member passes it");
    assert_eq!(after.stage, StageId::Implementation);
}

#[test]
fn an_expert_files_an_opinion_only_on_a_project_they_were_invited_to() {
    let state = project_at(StageId::Feasibility, 30_000);
    let opinion = Filing::Output(OutputKind::ExpertOpinion);
    let invited = ActorContext {
        is_invited_expert: true,
        ..holding(Role::Expert)
    };

    assert!(file(&state, &invited, opinion).is_ok());
    assert_eq!(
        file(&state, &holding(Role::Expert), opinion),
        Err(Refusal::NotYourStage)
    );
}

#[test]
fn the_handover_checklist_is_confirmed_item_by_item() {
    let state = project_at(StageId::Handover, 30_000);
    let it_clerk = holding(Role::ItClerk);
    let whole = Filing::Output(OutputKind::HandoverChecklistConfirmed);
    assert_eq!(
        file(&state, &it_clerk, whole),
        Err(Refusal::NotFileable(OutputKind::HandoverChecklistConfirmed))
    );

    let mut state = state;
    for item in HandoverItem::ALL {
        assert!(
            state
                .missing_outputs()
                .contains(&OutputKind::HandoverChecklistConfirmed)
        );
        state =
            file(&state, &it_clerk, Filing::HandoverItem(*item)).expect("the IT clerk confirms");
    }
    assert!(state.missing_outputs().is_empty());

    let clerk = of_applying_department(Role::DeptClerk);
    let by_the_giver = file(
        &state,
        &clerk,
        Filing::HandoverItem(HandoverItem::Documents),
    );
    assert_eq!(by_the_giver, Err(Refusal::NotYourStage));
}

#[test]
fn a_completed_stage_is_corrected_only_by_its_author_and_never_its_amounts() {
    let state = project_at(StageId::Procurement, 30_000);
    let it_clerk = holding(Role::ItClerk);
    let clerk = of_applying_department(Role::DeptClerk);
    let cases = [
        (&it_clerk, OutputKind::RegistryNumber, Ok(())),
        (
            &clerk,
            OutputKind::RegistryNumber,
            Err(Refusal::NotYourStage),
        ),
        (
            &it_clerk,
            OutputKind::BudgetAmount,
            Err(Refusal::NotFileable(OutputKind::BudgetAmount)),
        ),
        (&clerk, OutputKind::ApplicationForm, Ok(())),
        // Procurement is the current stage: its outputs are still open.
        (
            &holding(Role::Procurement),
            OutputKind::ProcurementMethod,
            Err(Refusal::NotCompleted),
        ),
    ];
    for (who, kind, expected) in cases {
        assert_eq!(may_correct(&state, who, kind), expected, "{kind:?}");
    }
}

#[test]
fn only_those_working_on_a_stage_or_correcting_one_upload_documents() {
    let implementation = project_at(StageId::Implementation, 30_000);
    let evaluation = project_at(StageId::Evaluation, 30_000);
    let clerk = of_applying_department(Role::DeptClerk);

    let cases = [
        (&implementation, assigned_contractor(), true),
        (&implementation, clerk.clone(), true),
        (&implementation, holding(Role::Contractor), false),
        (&implementation, holding(Role::DeptClerk), false),
        (&implementation, holding(Role::Audit), false),
        (&implementation, holding(Role::Admin), false),
        (&implementation, holding(Role::Finance), false),
        // The IT developer drafted the initiation and may correct it.
        (&implementation, holding(Role::ItDeveloper), true),
        (&evaluation, holding(Role::Audit), true),
    ];

    for (state, who, expected) in cases {
        assert_eq!(
            may_upload(state, &who),
            expected,
            "{:?} at {:?}",
            who.roles,
            state.stage
        );
    }
}

#[test]
fn nobody_uploads_to_a_rejected_project_except_to_correct_it() {
    let mut state = project_at(StageId::Implementation, 30_000);
    state.status = ProjectStatus::Rejected;

    // Security testing never began: nothing of theirs to correct.
    assert!(!may_upload(&state, &holding(Role::ItSecurity)));
    assert!(!may_upload(&state, &holding(Role::Audit)));
    // The contractor's plans were filed and may still be corrected.
    assert!(may_upload(&state, &assigned_contractor()));
}
