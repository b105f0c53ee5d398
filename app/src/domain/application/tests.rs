use super::*;

fn today() -> CalendarDate {
    CalendarDate::new(2026, 12, 3).expect("a real day")
}

fn complete() -> ApplicationDraft {
    ApplicationDraft {
        name: "新一代教务管理系统".into(),
        category: "2-03".into(),
        connects_to_network: true,
        serves_beyond_unit: true,
        budget: "60万".into(),
        basis_business_need: true,
        basis_explanation: "现有系统无法支持学分制改革。".into(),
        objectives: "支持选课、成绩和学籍一体化管理。".into(),
        scope_and_users: "全校师生约两万人。".into(),
        expected_go_live: "2027-09-01".into(),
        contact_name: "李明".into(),
        contact_phone: "020-1234 5678".into(),
        ..ApplicationDraft::default()
    }
}

#[test]
fn a_complete_form_becomes_an_application() {
    let application = complete().validate(today()).expect("complete");
    assert_eq!(application.budget, Amount::from_yuan(600_000));
    assert_eq!(application.class, ProjectClass::PublicService);
    assert_eq!(application.basis, [Basis::BusinessNeed]);
    assert_eq!(
        complete().approval_tier(),
        Some(ApprovalTier::PresidentsOfficeMeeting)
    );
}

#[test]
fn public_service_needs_both_the_network_and_users_beyond_the_unit() {
    let cases = [
        (true, true, ProjectClass::PublicService),
        (true, false, ProjectClass::NonPublic),
        (false, true, ProjectClass::NonPublic),
        (false, false, ProjectClass::NonPublic),
    ];
    for (network, beyond, class) in cases {
        assert_eq!(ProjectClass::from_answers(network, beyond), class);
    }
}

#[test]
fn each_bad_field_is_named() {
    type Spoil = fn(&mut ApplicationDraft);
    let cases: Vec<(Spoil, ApplicationProblem)> = vec![
        (|d| d.name = "  ".into(), ApplicationProblem::NameMissing),
        (
            |d| d.name = "名".repeat(61),
            ApplicationProblem::NameTooLong,
        ),
        (
            |d| d.category = String::new(),
            ApplicationProblem::CategoryMissing,
        ),
        (
            |d| d.category = "9-99".into(),
            ApplicationProblem::CategoryUnknown,
        ),
        (
            |d| d.budget = "abc".into(),
            ApplicationProblem::Budget(AmountError::NotANumber),
        ),
        (|d| d.budget = "0".into(), ApplicationProblem::BudgetZero),
        (
            |d| d.basis_business_need = false,
            ApplicationProblem::BasisMissing,
        ),
        (
            |d| d.objectives = String::new(),
            ApplicationProblem::TextMissing(LongField::Objectives),
        ),
        (
            |d| d.scope_and_users = "字".repeat(2_001),
            ApplicationProblem::TextTooLong(LongField::ScopeAndUsers),
        ),
        (
            |d| d.expected_go_live = "2026-12-02".into(),
            ApplicationProblem::GoLiveInPast,
        ),
        (
            |d| d.expected_go_live = "2027-02-30".into(),
            ApplicationProblem::GoLive(DateError::NoSuchDay),
        ),
        (
            |d| d.contact_name = String::new(),
            ApplicationProblem::ContactMissing,
        ),
        (
            |d| d.contact_phone = "call me".into(),
            ApplicationProblem::PhoneInvalid,
        ),
        (
            |d| d.contact_phone = "123".into(),
            ApplicationProblem::PhoneInvalid,
        ),
    ];
    for (spoil, problem) in cases {
        let mut draft = complete();
        spoil(&mut draft);
        assert_eq!(draft.problems(today()), [problem], "{problem:?}");
    }
}

#[test]
fn an_empty_form_lists_every_missing_field_in_order() {
    let fields: Vec<&str> = ApplicationDraft::default()
        .problems(today())
        .iter()
        .map(|p| p.field())
        .collect();
    assert_eq!(
        fields,
        [
            "name",
            "category",
            "budget",
            "basis",
            "basis_explanation",
            "objectives",
            "scope_and_users",
            "expected_go_live",
            "contact_name",
            "contact_phone"
        ]
    );
}

#[test]
fn phones_in_common_forms_are_accepted() {
    for phone in [
        "13800138000",
        "+86 138 0013 8000",
        "(020) 8765-4321",
        "020-87654321转123",
    ] {
        let mut draft = complete();
        draft.contact_phone = phone.into();
        assert!(draft.problems(today()).is_empty(), "{phone}");
    }
}
