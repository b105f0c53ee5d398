use super::*;
use crate::domain::{CalendarDate, DateError};

fn today() -> CalendarDate {
    CalendarDate::parse("2026-12-03").expect("a date")
}

fn payment(kind: PaymentKind, yuan: u64) -> Payment {
    Payment {
        kind,
        amount: yuan_amount(yuan),
        paid_on: today(),
        voucher: String::new(),
    }
}

fn yuan_amount(yuan: u64) -> Amount {
    Amount::from_yuan(yuan)
}

fn with_contract(stage: StageId, contract_yuan: u64) -> ProjectState {
    let mut state = project_at(stage, 30_000);
    state.contract_amount = Some(yuan_amount(contract_yuan));
    state
}

#[test]
fn payments_fall_due_stage_by_stage_and_never_exceed_the_contract() {
    let finance = holding(Role::Finance);
    let zero = Amount::ZERO;
    let cases = [
        (
            StageId::Procurement,
            PaymentKind::Advance,
            0,
            Err(LedgerProblem::NotDueYet),
        ),
        (StageId::Planning, PaymentKind::Advance, 0, Ok(())),
        (
            StageId::Planning,
            PaymentKind::OnAcceptance,
            0,
            Err(LedgerProblem::NotDueYet),
        ),
        (StageId::Handover, PaymentKind::OnAcceptance, 0, Ok(())),
        (
            StageId::Handover,
            PaymentKind::Retention,
            0,
            Err(LedgerProblem::NotDueYet),
        ),
        (StageId::Evaluation, PaymentKind::Retention, 0, Ok(())),
        (
            StageId::Evaluation,
            PaymentKind::Retention,
            29_000,
            Err(LedgerProblem::ExceedsContract),
        ),
    ];
    for (stage, kind, paid, expected) in cases {
        let state = with_contract(stage, 30_000);
        let paid = if paid == 0 { zero } else { yuan_amount(paid) };
        let answer = may_record_payment(&state, &finance, &payment(kind, 3_000), paid);
        assert_eq!(answer, expected, "{kind:?} at {stage}");
    }
    let state = with_contract(StageId::Planning, 30_000);
    let clerk = of_applying_department(Role::DeptClerk);
    assert_eq!(
        may_record_payment(&state, &clerk, &payment(PaymentKind::Advance, 3_000), zero),
        Err(LedgerProblem::NotYours)
    );
}

#[test]
fn the_asset_is_registered_once_by_procurement_after_acceptance() {
    let procurement = holding(Role::Procurement);
    let before = project_at(StageId::Acceptance, 30_000);
    let after = project_at(StageId::Handover, 30_000);
    assert_eq!(
        may_register_asset(&before, &procurement, false),
        Err(LedgerProblem::NotDueYet)
    );
    assert_eq!(may_register_asset(&after, &procurement, false), Ok(()));
    assert_eq!(
        may_register_asset(&after, &procurement, true),
        Err(LedgerProblem::AlreadyRegistered)
    );
    assert_eq!(
        may_register_asset(&after, &holding(Role::Finance), false),
        Err(LedgerProblem::NotYours)
    );
}

#[test]
fn ledger_drafts_are_checked_like_any_form() {
    let draft = |kind: &str, amount: &str, date: &str| PaymentDraft {
        kind: kind.into(),
        amount: amount.into(),
        paid_on: date.into(),
        voucher: String::new(),
    };
    let cases = [
        (
            draft("gift", "100", "2026-12-01"),
            Err(LedgerProblem::KindUnknown),
        ),
        (
            draft("advance", "0", "2026-12-01"),
            Err(LedgerProblem::AmountZero),
        ),
        (
            draft("advance", "1万", "2026-12-31"),
            Err(LedgerProblem::DateInFuture),
        ),
        (
            draft("advance", "1万", "yesterday"),
            Err(LedgerProblem::Date(DateError::Malformed)),
        ),
    ];
    for (draft, expected) in cases {
        assert_eq!(draft.validate(today()).map(|_| ()), expected, "{draft:?}");
    }
    let asset = AssetDraft {
        asset_number: " ".into(),
        value: "3万".into(),
        registered_on: "2026-12-01".into(),
    };
    assert_eq!(
        asset.validate(today()),
        Err(LedgerProblem::AssetNumberMissing)
    );
}

#[test]
fn finance_is_asked_for_each_payment_once_it_falls_due() {
    let finance = holding(Role::Finance);
    let nothing = LedgerSoFar::default();
    let advance_paid = LedgerSoFar {
        paid: vec![PaymentKind::Advance],
        paid_total: yuan_amount(10_000),
        asset_registered: false,
    };
    let paid_in_full = LedgerSoFar {
        paid: vec![PaymentKind::Advance],
        paid_total: yuan_amount(40_000),
        asset_registered: false,
    };
    use LedgerTask::Payment;
    use PaymentKind::{Advance, OnAcceptance};
    let cases = [
        (StageId::Procurement, &nothing, vec![]),
        (StageId::Planning, &nothing, vec![Payment(Advance)]),
        (StageId::Planning, &advance_paid, vec![]),
        (
            StageId::Handover,
            &advance_paid,
            vec![Payment(OnAcceptance)],
        ),
        (StageId::Handover, &paid_in_full, vec![]),
    ];

    for (stage, so_far, expected) in cases {
        let state = with_contract(stage, 40_000);
        assert_eq!(
            ledger_tasks(&state, &finance, so_far),
            expected,
            "{stage:?}"
        );
    }
}

#[test]
fn procurement_is_asked_to_register_the_asset_after_acceptance_only() {
    let procurement = holding(Role::Procurement);
    let registered = LedgerSoFar {
        asset_registered: true,
        ..LedgerSoFar::default()
    };
    let none = LedgerSoFar::default();

    let before = with_contract(StageId::Acceptance, 40_000);
    let after = with_contract(StageId::Handover, 40_000);

    assert_eq!(ledger_tasks(&before, &procurement, &none), vec![]);
    assert_eq!(
        ledger_tasks(&after, &procurement, &none),
        vec![LedgerTask::AssetRegistration]
    );
    assert_eq!(ledger_tasks(&after, &procurement, &registered), vec![]);
    assert_eq!(
        ledger_tasks(&after, &holding(Role::Finance), &registered),
        vec![
            LedgerTask::Payment(PaymentKind::Advance),
            LedgerTask::Payment(PaymentKind::OnAcceptance),
        ]
    );
}

#[test]
fn a_rejected_project_asks_nothing_of_the_ledger() {
    let mut state = with_contract(StageId::Handover, 40_000);
    state.status = ProjectStatus::Rejected;

    assert_eq!(
        ledger_tasks(&state, &holding(Role::Finance), &LedgerSoFar::default()),
        vec![]
    );
}
