//! Properties every parser and form check of the domain holds for any
//! input at all: it answers rather than panics, what it accepts it reads
//! back the same way, and nothing it accepts breaks the limits it states.

use super::change::{ChangeDraft, ChangeNumber};
use super::process::{
    Decision, EntryDraft, EntryValue, OutputKind, PEOPLE_LIMIT, PaymentDraft, SHORT_LIMIT, StageId,
    TEXT_LIMIT,
};
use super::{
    ApplicationDraft, ApprovalTier, CATALOGUE, CalendarDate, CategoryCode, DelegationDraft,
    DepartmentCode, DisplayName, LocalMinute, Role, UserName, check_department_name,
    check_new_password,
};
use proptest::prelude::*;

/// Any text, with a fair share of the characters parsers look for.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9 :T\\-./_a-zA-Z万元¥,]{0,24}",
        "\\PC{0,60}",
    ]
}

fn date() -> impl Strategy<Value = CalendarDate> {
    (1900u16..=2200, 1u8..=12, 1u8..=31)
        .prop_filter_map("a real day", |(y, m, d)| CalendarDate::new(y, m, d).ok())
}

proptest! {
    #[test]
    fn a_calendar_date_reads_back_as_printed(date in date()) {
        prop_assert_eq!(CalendarDate::parse(&date.to_string()), Ok(date));
    }

    #[test]
    fn dates_and_minutes_answer_any_text(input in text()) {
        let _ = CalendarDate::parse(&input);
        let _ = LocalMinute::parse(&input);
    }

    #[test]
    fn a_local_minute_reads_back_from_both_of_its_forms(
        date in date(), hour in 0u8..24, minute in 0u8..60,
    ) {
        let at = LocalMinute::new(date, hour, minute).expect("a valid minute");
        prop_assert_eq!(LocalMinute::parse(&at.to_string()), Ok(at));
        prop_assert_eq!(LocalMinute::parse(&at.to_input_value()), Ok(at));
    }

    #[test]
    fn an_accepted_user_name_is_its_own_canonical_form(input in text()) {
        if let Ok(name) = UserName::parse(&input) {
            prop_assert_eq!(UserName::parse(name.as_str()), Ok(name.clone()));
            let length = name.as_str().chars().count();
            prop_assert!((UserName::MIN_LEN..=UserName::MAX_LEN).contains(&length));
        }
    }

    #[test]
    fn account_and_department_checks_answer_any_text(input in text(), other in text()) {
        let _ = DisplayName::parse(&input);
        let _ = check_new_password(&input, &other);
        let _ = check_department_name(&input);
        if let Ok(code) = DepartmentCode::parse(&input) {
            prop_assert_eq!(DepartmentCode::parse(code.as_str()), Ok(code.clone()));
        }
    }

    #[test]
    fn identifiers_parse_only_to_what_prints_them(input in text()) {
        if let Ok(code) = CategoryCode::parse(&input) {
            prop_assert_eq!(CategoryCode::parse(&code.to_string()), Ok(code));
        }
        if let Ok(role) = input.parse::<Role>() {
            prop_assert_eq!(role.id(), input.as_str());
        }
        if let Ok(stage) = input.parse::<StageId>() {
            prop_assert_eq!(stage.id(), input.as_str());
        }
        if let Some(tier) = ApprovalTier::parse(&input) {
            prop_assert_eq!(tier.id(), input.as_str());
        }
        if let Some(decision) = Decision::parse(&input) {
            prop_assert_eq!(decision.id(), input.as_str());
        }
        if let Some(kind) = OutputKind::parse(&input) {
            prop_assert_eq!(kind.id(), input.as_str());
        }
    }

    #[test]
    fn a_change_number_reads_back_as_printed(year in 1000u16..=9999, sequence in 1u32..=999_999) {
        let number = ChangeNumber { year, sequence };
        prop_assert_eq!(ChangeNumber::parse(&number.to_string()), Some(number));
    }

    #[test]
    fn a_change_number_answers_any_text(input in text()) {
        if let Some(number) = ChangeNumber::parse(&input) {
            prop_assert!(number.sequence > 0);
        }
    }

    #[test]
    fn an_accepted_output_keeps_within_its_limits(
        kind in proptest::sample::select(OutputKind::ALL.to_vec()),
        text in text(), short in text(), amount in text(), date in text(), choice in text(),
        people in proptest::collection::vec(text(), 0..50),
    ) {
        let draft = EntryDraft { text, short, amount, people, date, choice, document: None };
        if let Ok(value) = draft.validate(kind) {
            let people = value.people();
            let names_people = matches!(value, EntryValue::People { .. });
            prop_assert!(!people.is_empty() || !names_people);
            prop_assert!(people.len() <= PEOPLE_LIMIT);
            let mut distinct = people.to_vec();
            distinct.sort();
            distinct.dedup();
            prop_assert_eq!(distinct.len(), people.len());
            let within = |s: &str, limit: usize| !s.is_empty() && s.chars().count() <= limit;
            match &value {
                EntryValue::Report { text, .. } => prop_assert!(within(text, TEXT_LIMIT)),
                EntryValue::Identifier { value } => prop_assert!(within(value, SHORT_LIMIT)),
                EntryValue::Amount { amount } => prop_assert!(amount.fen() > 0),
                EntryValue::Meeting { name, .. } => prop_assert!(within(name, SHORT_LIMIT)),
                _ => {}
            }
        }
    }

    #[test]
    fn an_accepted_application_is_complete_and_not_in_the_past(
        name in text(), category in text(), budget in text(), go_live in text(),
        phone in text(), today in date(),
    ) {
        let category = CATALOGUE
            .iter()
            .map(|c| c.code().to_string())
            .find(|code| *code == category)
            .unwrap_or(category);
        let draft = ApplicationDraft {
            name, category, budget, expected_go_live: go_live, contact_phone: phone,
            basis_business_need: true,
            basis_explanation: "x".into(), objectives: "x".into(), scope_and_users: "x".into(),
            contact_name: "x".into(),
            ..ApplicationDraft::default()
        };
        if let Ok(application) = draft.validate(today) {
            prop_assert!(!application.name.is_empty() && application.name.chars().count() <= 60);
            prop_assert!(application.budget.fen() > 0);
            prop_assert!(application.expected_go_live >= today);
        }
    }

    #[test]
    fn the_other_forms_answer_any_input(
        a in text(), b in text(), c in text(), d in text(), today in date(),
        hour in 0u8..24,
    ) {
        let change = ChangeDraft {
            system: a.clone(), execute_at: b.clone(), origin: c.clone(), scope: d.clone(),
            other_explanation: a.clone(), target: b.clone(), triggers: vec![c.clone(), d.clone()],
            reason: a.clone(), description: b.clone(), impact: c.clone(),
        };
        let now = LocalMinute::new(today, hour, 0).expect("a valid minute");
        let _ = change.validate(now);
        let payment = PaymentDraft { kind: a.clone(), amount: b.clone(), paid_on: c.clone(), voucher: d.clone() };
        let _ = payment.validate(today);
        let delegation = DelegationDraft { delegate: a, starts: b, ends: c };
        let _ = delegation.validate(&d, today);
    }
}
