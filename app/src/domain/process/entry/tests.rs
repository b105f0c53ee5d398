use super::*;
use crate::domain::process::OutputKind as K;

fn draft() -> EntryDraft {
    EntryDraft::default()
}

fn people(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| (*id).to_owned()).collect()
}

#[test]
fn every_kind_that_is_filed_has_a_form_and_decision_outputs_have_none() {
    for kind in K::ALL {
        let has_form = kind.shape() != EntryShape::None;
        assert_eq!(has_form, !kind.is_written_by_decision(), "{kind:?}");
    }
}

#[test]
fn each_shape_refuses_what_its_form_would_flag() {
    let cases: Vec<(K, EntryDraft, EntryProblem)> = vec![
        (
            K::SecurityReport,
            draft(),
            EntryProblem::Missing(EntryField::Text),
        ),
        (
            K::SecurityReport,
            EntryDraft {
                text: "字".repeat(TEXT_LIMIT + 1),
                ..draft()
            },
            EntryProblem::TooLong(EntryField::Text),
        ),
        (
            K::RegistryNumber,
            EntryDraft {
                short: "   ".into(),
                ..draft()
            },
            EntryProblem::Missing(EntryField::Short),
        ),
        (
            K::BudgetAmount,
            EntryDraft {
                amount: "abc".into(),
                ..draft()
            },
            EntryProblem::Amount(AmountError::NotANumber),
        ),
        (
            K::BudgetAmount,
            EntryDraft {
                amount: "0".into(),
                ..draft()
            },
            EntryProblem::AmountZero,
        ),
        (
            K::ProjectGroup,
            draft(),
            EntryProblem::Missing(EntryField::People),
        ),
        (
            K::ProjectGroup,
            EntryDraft {
                people: people(&["a", "b", "a"]),
                ..draft()
            },
            EntryProblem::PersonRepeated,
        ),
        (
            K::ProjectLeader,
            EntryDraft {
                people: people(&["a", "b"]),
                ..draft()
            },
            EntryProblem::TooManyPeople,
        ),
        (
            K::MeetingRecord,
            EntryDraft {
                short: "2026年第12次校长办公会".into(),
                date: "next week".into(),
                choice: "3".into(),
                text: "同意".into(),
                ..draft()
            },
            EntryProblem::Date(DateError::Malformed),
        ),
        (
            K::ProcurementMethod,
            EntryDraft {
                choice: "auction".into(),
                ..draft()
            },
            EntryProblem::UnknownChoice,
        ),
        (
            K::EvaluationRating,
            draft(),
            EntryProblem::Missing(EntryField::Choice),
        ),
        (
            K::AcceptanceReport,
            EntryDraft {
                text: "验收通过".into(),
                ..draft()
            },
            EntryProblem::Missing(EntryField::People),
        ),
        (K::FeasibilityConclusion, draft(), EntryProblem::NotFileable),
    ];
    for (kind, draft, expected) in cases {
        assert_eq!(draft.validate(kind), Err(expected), "{kind:?} {draft:?}");
    }
}

#[test]
fn well_formed_drafts_become_values_that_file_their_output() {
    let budget = EntryDraft {
        amount: "3万".into(),
        ..draft()
    }
    .validate(K::BudgetAmount)
    .expect("a budget");
    assert_eq!(
        budget.filing(K::BudgetAmount),
        Filing::Budget(Amount::from_yuan(30_000))
    );

    let group = EntryDraft {
        people: people(&[" a ", "", "b"]),
        ..draft()
    }
    .validate(K::ProjectGroup)
    .expect("a group");
    assert_eq!(group.people(), ["a", "b"]);
    assert_eq!(
        group.filing(K::ProjectGroup),
        Filing::Output(K::ProjectGroup)
    );

    let item = EntryDraft {
        choice: "source_code".into(),
        ..draft()
    }
    .validate(K::HandoverChecklistConfirmed)
    .expect("an item");
    assert_eq!(
        item.filing(K::HandoverChecklistConfirmed),
        Filing::HandoverItem(HandoverItem::SourceCode)
    );

    let report = EntryDraft {
        text: "  通过  ".into(),
        document: Some("doc1".into()),
        ..draft()
    }
    .validate(K::UserTestReport)
    .expect("a report");
    assert_eq!(report.document(), Some("doc1"));
}

#[test]
fn the_handover_checklist_counts_only_when_every_item_is_in() {
    use HandoverItem as I;
    assert!(!HandoverItem::all_confirmed(&[I::Documents, I::SourceCode]));
    assert!(HandoverItem::all_confirmed(&[
        I::UserManual,
        I::Documents,
        I::SourceCode
    ]));
}

#[test]
fn choices_read_back_their_own_ids() {
    for method in ProcurementMethod::ALL {
        assert_eq!(ProcurementMethod::parse(method.id()), Some(*method));
    }
    for rating in Rating::ALL {
        assert_eq!(Rating::parse(rating.id()), Some(*rating));
    }
}
