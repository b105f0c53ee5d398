use super::super::{CalendarDate, LocalMinute, MinuteError, Role, process::ActorContext};
use super::*;
use proptest::prelude::*;

fn at(text: &str) -> LocalMinute {
    LocalMinute::parse(text).expect("a valid time")
}

fn filled() -> ChangeDraft {
    ChangeDraft {
        system: "system:oa".into(),
        execute_at: "2027-03-02T09:00".into(),
        origin: "user".into(),
        scope: "added".into(),
        other_explanation: String::new(),
        target: "software".into(),
        triggers: vec!["new_feature".into(), "new_regulation".into()],
        reason: "教务处新规定".into(),
        description: "增加成绩复核模块".into(),
        impact: "成绩模块停机两小时".into(),
    }
}

const APPLIED: &str = "2027-03-01 10:00";

#[test]
fn a_complete_form_passes_with_its_choices_read() {
    let form = filled().validate(at(APPLIED)).expect("valid");
    assert_eq!(form.origin, ChangeOrigin::User);
    assert_eq!(form.scope, ChangeScope::Added);
    assert_eq!(form.target, ChangeTarget::Software);
    assert_eq!(
        form.triggers,
        [ChangeTrigger::NewRegulation, ChangeTrigger::NewFeature]
    );
    assert_eq!(form.execute_at.to_string(), "2027-03-02 09:00");
    assert_eq!(ChangeDraft::from(&form).validate(at(APPLIED)), Ok(form));
}

/// Sets one field of a draft to a value, for the validation table.
type SetField = fn(&mut ChangeDraft, &str);

#[test]
fn each_field_is_checked() {
    let long = "字".repeat(CHANGE_TEXT_LIMIT + 1);
    let cases: Vec<(SetField, &str, ChangeProblem)> = vec![
        (
            |d, v| d.system = v.into(),
            " ",
            ChangeProblem::SystemMissing,
        ),
        (
            |d, v| d.execute_at = v.into(),
            "",
            ChangeProblem::ExecuteAt(MinuteError::Empty),
        ),
        (
            |d, v| d.execute_at = v.into(),
            "next week",
            ChangeProblem::ExecuteAt(MinuteError::Malformed),
        ),
        (
            |d, v| d.execute_at = v.into(),
            "2027-03-01T09:59",
            ChangeProblem::ExecuteBeforeApplication,
        ),
        (
            |d, v| d.origin = v.into(),
            "both",
            ChangeProblem::OriginMissing,
        ),
        (|d, v| d.scope = v.into(), "", ChangeProblem::ScopeMissing),
        (
            |d, v| d.target = v.into(),
            "firmware",
            ChangeProblem::TargetMissing,
        ),
        (
            |d, v| d.triggers.push(v.into()),
            "boredom",
            ChangeProblem::TriggerUnknown,
        ),
        (
            |d, v| d.reason = v.into(),
            "  ",
            ChangeProblem::TextMissing(ChangeText::Reason),
        ),
        (
            |d, v| d.description = v.into(),
            "",
            ChangeProblem::TextMissing(ChangeText::Description),
        ),
        (
            |d, v| d.impact = v.into(),
            long.as_str(),
            ChangeProblem::TextTooLong(ChangeText::Impact),
        ),
    ];
    for (edit, value, problem) in cases {
        let mut draft = filled();
        edit(&mut draft, value);
        assert_eq!(draft.problems(at(APPLIED)), [problem], "{value:?}");
    }
}

#[test]
fn execution_at_the_moment_of_application_is_allowed() {
    let mut draft = filled();
    draft.execute_at = "2027-03-01 10:00".into();
    assert!(draft.problems(at(APPLIED)).is_empty());
}

#[test]
fn other_needs_an_explanation_and_only_other_keeps_one() {
    let mut draft = filled();
    draft.scope = "other".into();
    assert_eq!(
        draft.problems(at(APPLIED)),
        [ChangeProblem::TextMissing(ChangeText::OtherExplanation)]
    );
    draft.other_explanation = "更换服务器机房".into();
    let form = draft.validate(at(APPLIED)).expect("valid");
    assert_eq!(form.other_explanation, "更换服务器机房");

    let mut draft = filled();
    draft.other_explanation = "left over from before".into();
    let form = draft.validate(at(APPLIED)).expect("valid");
    assert_eq!(form.other_explanation, "");
}

#[test]
fn an_empty_form_lists_every_required_field_in_order() {
    let fields: Vec<&str> = ChangeDraft::default()
        .problems(at(APPLIED))
        .iter()
        .map(|p| p.field())
        .collect();
    assert_eq!(
        fields,
        [
            "system",
            "execute_at",
            "origin",
            "scope",
            "target",
            "reason",
            "description",
            "impact"
        ]
    );
}

#[test]
fn numbers_print_and_read_back() {
    let cases = [
        (2026, 1, "BG-2026-0001"),
        (2026, 42, "BG-2026-0042"),
        (2027, 9_999, "BG-2027-9999"),
        (2027, 12_345, "BG-2027-12345"),
    ];
    for (year, sequence, text) in cases {
        let number = ChangeNumber { year, sequence };
        assert_eq!(number.to_string(), text);
        assert_eq!(ChangeNumber::parse(text), Some(number));
    }
    for bad in [
        "",
        "BG-2026-1",
        "BG-26-0001",
        "BG-2026-0000",
        "XG-2026-0001",
        "BG-2026-00a1",
        "BG-2026",
    ] {
        assert_eq!(ChangeNumber::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn numbers_sort_by_year_then_sequence() {
    let a = ChangeNumber {
        year: 2026,
        sequence: 900,
    };
    let b = ChangeNumber {
        year: 2027,
        sequence: 1,
    };
    assert!(a < b);
}

fn person(roles: &[Role]) -> ActorContext {
    ActorContext {
        roles: roles.to_vec(),
        ..ActorContext::default()
    }
}

fn of_department(role: Role) -> ActorContext {
    ActorContext {
        is_member_of_applying_department: true,
        ..person(&[role])
    }
}

fn vice_president() -> ActorContext {
    ActorContext {
        supervises_applying_department: true,
        ..person(&[Role::VicePresident])
    }
}

fn contractor() -> ActorContext {
    ActorContext {
        is_assigned_contractor: true,
        ..person(&[Role::Contractor])
    }
}

fn request(step: ChangeStep, decision: ChangeDecision, opinion: &str) -> ChangeDecisionRequest {
    ChangeDecisionRequest {
        step,
        decision,
        opinion: opinion.into(),
        training: "培训 12 人".into(),
    }
}

/// The path of DESIGN §4, each step by its own party.
fn happy_path() -> Vec<(ActorContext, ChangeDecision)> {
    vec![
        (of_department(Role::DeptClerk), ChangeDecision::Submit),
        (of_department(Role::DeptHead), ChangeDecision::Approve),
        (person(&[Role::ItHead]), ChangeDecision::Approve),
        (vice_president(), ChangeDecision::Approve),
        (contractor(), ChangeDecision::Execute),
        (of_department(Role::DeptClerk), ChangeDecision::Pass),
        (person(&[Role::ItClerk]), ChangeDecision::Register),
    ]
}

#[test]
fn each_party_moves_the_request_from_application_to_registration() {
    let mut state = ChangeState::NEW;
    for (who, decision) in happy_path() {
        state = decide_change(state, &who, &request(state.step, decision, "同意"))
            .unwrap_or_else(|refusal| panic!("{decision:?} at {:?}: {refusal}", state.step));
    }
    assert_eq!(state.status, ChangeStatus::Registered);
}

#[test]
fn the_wrong_people_are_refused_at_every_step() {
    let outsiders = [
        person(&[Role::DeptClerk]),
        person(&[Role::DeptHead]),
        person(&[Role::VicePresident]),
        person(&[Role::Contractor]),
        person(&[Role::Expert]),
        person(&[Role::Audit, Role::Finance, Role::President]),
    ];
    let mut state = ChangeState::NEW;
    for (who, decision) in happy_path() {
        for outsider in &outsiders {
            assert_eq!(
                decide_change(state, outsider, &request(state.step, decision, "同意")),
                Err(ChangeRefusal::NotYourStep),
                "{:?} at {:?}",
                outsider.roles,
                state.step
            );
        }
        state = decide_change(state, &who, &request(state.step, decision, "同意")).expect("moves");
    }
}

#[test]
fn returns_rejections_and_failures_need_a_reason_and_lead_where_the_policy_says() {
    let head = of_department(Role::DeptHead);
    let at_signature = ChangeState {
        step: ChangeStep::HeadSignature,
        status: ChangeStatus::Open,
    };
    assert_eq!(
        decide_change(
            at_signature,
            &head,
            &request(ChangeStep::HeadSignature, ChangeDecision::Return, " ")
        ),
        Err(ChangeRefusal::ReasonRequired)
    );
    let returned = decide_change(
        at_signature,
        &head,
        &request(
            ChangeStep::HeadSignature,
            ChangeDecision::Return,
            "补充影响",
        ),
    );
    assert_eq!(returned.map(|s| s.step), Ok(ChangeStep::Draft));

    let at_approval = ChangeState {
        step: ChangeStep::Approval,
        ..at_signature
    };
    let rejected = decide_change(
        at_approval,
        &vice_president(),
        &request(ChangeStep::Approval, ChangeDecision::Reject, "不必要"),
    )
    .expect("rejects");
    assert_eq!(rejected.status, ChangeStatus::Rejected);
    assert_eq!(
        decide_change(
            rejected,
            &vice_president(),
            &request(ChangeStep::Approval, ChangeDecision::Approve, "")
        ),
        Err(ChangeRefusal::Closed)
    );

    let at_testing = ChangeState {
        step: ChangeStep::Testing,
        ..at_signature
    };
    let failed = decide_change(
        at_testing,
        &of_department(Role::DeptClerk),
        &request(ChangeStep::Testing, ChangeDecision::Fail, "导出报错"),
    );
    assert_eq!(failed.map(|s| s.step), Ok(ChangeStep::Execution));
}

#[test]
fn records_are_required_where_the_step_produces_one() {
    let cases = [
        (
            ChangeStep::Review,
            person(&[Role::ItHead]),
            ChangeDecision::Approve,
            ChangeRefusal::RecordRequired(Record::Opinion),
        ),
        (
            ChangeStep::Approval,
            vice_president(),
            ChangeDecision::Approve,
            ChangeRefusal::RecordRequired(Record::LeaderOpinion),
        ),
        (
            ChangeStep::Execution,
            person(&[Role::ItDeveloper]),
            ChangeDecision::Execute,
            ChangeRefusal::RecordRequired(Record::Execution),
        ),
        (
            ChangeStep::Testing,
            of_department(Role::DeptClerk),
            ChangeDecision::Pass,
            ChangeRefusal::RecordRequired(Record::TestAndTraining),
        ),
    ];
    for (step, who, decision, refusal) in cases {
        let state = ChangeState {
            step,
            status: ChangeStatus::Open,
        };
        assert_eq!(
            decide_change(state, &who, &request(step, decision, "")),
            Err(refusal),
            "{step:?}"
        );
    }
    let state = ChangeState {
        step: ChangeStep::Testing,
        status: ChangeStatus::Open,
    };
    let mut without_training = request(ChangeStep::Testing, ChangeDecision::Pass, "测试通过");
    without_training.training = " ".into();
    assert_eq!(
        decide_change(state, &of_department(Role::DeptClerk), &without_training),
        Err(ChangeRefusal::TrainingRequired)
    );
}

#[test]
fn a_decision_from_a_stale_page_or_not_offered_is_refused() {
    let state = ChangeState {
        step: ChangeStep::Review,
        status: ChangeStatus::Open,
    };
    let it_head = person(&[Role::ItHead]);
    assert_eq!(
        decide_change(
            state,
            &it_head,
            &request(ChangeStep::HeadSignature, ChangeDecision::Approve, "同意")
        ),
        Err(ChangeRefusal::StepNotCurrent {
            current: ChangeStep::Review
        })
    );
    assert_eq!(
        decide_change(
            state,
            &it_head,
            &request(ChangeStep::Review, ChangeDecision::Reject, "否")
        ),
        Err(ChangeRefusal::DecisionNotOffered)
    );
}

#[test]
fn the_buttons_offered_are_the_decisions_accepted() {
    let state = ChangeState {
        step: ChangeStep::Approval,
        status: ChangeStatus::Open,
    };
    assert_eq!(
        change_decisions_open_to(state, &vice_president()),
        [
            ChangeDecision::Approve,
            ChangeDecision::Return,
            ChangeDecision::Reject
        ]
    );
    assert!(change_decisions_open_to(state, &person(&[Role::ItHead])).is_empty());
}

#[test]
fn steps_map_to_the_six_stages_of_the_policy() {
    let stages: Vec<&str> = ChangeStep::ALL.iter().map(|s| s.stage().id()).collect();
    assert_eq!(
        stages,
        [
            "change_request",
            "change_request",
            "change_review",
            "change_approval",
            "change_execution",
            "change_testing",
            "change_registration"
        ]
    );
    for step in ChangeStep::ALL {
        assert_eq!(ChangeStep::parse(step.id()), Some(step));
    }
    for stage in ChangeStage::ALL {
        assert_eq!(ChangeStage::parse(stage.id()), Some(stage));
    }
}

fn any_person() -> impl Strategy<Value = ActorContext> {
    (0u16..(1 << 15), any::<[bool; 3]>()).prop_map(|(mask, flags)| ActorContext {
        roles: Role::ALL
            .into_iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, role)| role)
            .collect(),
        is_member_of_applying_department: flags[0],
        supervises_applying_department: flags[1],
        is_assigned_contractor: flags[2],
        ..ActorContext::default()
    })
}

proptest! {
    /// Whatever anyone asks, a request moves at most one step forward at a
    /// time, every step it leaves was left by someone who may act there,
    /// and it is registered only from the registration step.
    #[test]
    fn no_sequence_skips_a_step_or_lets_the_wrong_person_decide(
        walk in prop::collection::vec((any_person(), 0usize..8, any::<bool>()), 1..60)
    ) {
        let mut state = ChangeState::NEW;
        for (who, pick, says_something) in walk {
            let decision = ChangeDecision::ALL[pick];
            let opinion = if says_something { "意见" } else { "" };
            let before = state;
            if let Ok(after) = decide_change(state, &who, &request(state.step, decision, opinion)) {
                prop_assert!(may_act(before.step, &who));
                if after.status == ChangeStatus::Registered {
                    prop_assert_eq!(before.step, ChangeStep::Registration);
                }
                if after.step > before.step {
                    prop_assert_eq!(before.step.next(), Some(after.step));
                }
                state = after;
            }
        }
    }
}

#[test]
fn the_local_date_of_a_minute_is_its_calendar_day() {
    assert_eq!(
        at(APPLIED).date(),
        CalendarDate::new(2027, 3, 1).expect("a real day")
    );
}
