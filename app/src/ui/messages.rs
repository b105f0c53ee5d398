//! The words for every error and refused input.

use crate::api::{AppError, Conflict, Problem};
use crate::domain::DelegationProblem;
use crate::domain::process::{EntryField, EntryProblem, LedgerProblem, Refusal};
use crate::domain::{
    AmountError, ApplicationProblem, DateError, DepartmentCodeError, DepartmentNameError,
    DisplayNameError, LongField, PasswordError, UserNameError,
};
use crate::i18n::Locale;
use crate::ui::labels::output_name;

pub fn error_text(t: Locale, error: &AppError) -> String {
    match error {
        AppError::NotSignedIn => t.error_not_signed_in().into(),
        AppError::Forbidden => t.error_forbidden().into(),
        AppError::BadCredentials => t.error_bad_credentials().into(),
        AppError::TooManyAttempts => t.error_too_many_attempts().into(),
        AppError::Invalid(problem) => problem_text(t, *problem),
        AppError::NotFound => t.error_not_found().into(),
        AppError::Conflict(Conflict::UserNameTaken) => t.error_user_name_taken().into(),
        AppError::Conflict(Conflict::DepartmentCodeTaken) => t.error_department_code_taken().into(),
        AppError::Conflict(Conflict::Stale) => t.error_stale().into(),
        AppError::Refused(refusal) => refusal_text(t, refusal),
        AppError::ChangeRefused(refusal) => {
            crate::ui::change_words::change_refusal_text(t, refusal).into()
        }
        AppError::BadRequest => t.error_bad_request().into(),
        AppError::CrossOrigin => t.error_cross_origin().into(),
        AppError::Network => t.error_network().into(),
        AppError::Internal => t.error_internal().into(),
    }
}

pub fn problem_text(t: Locale, problem: Problem) -> String {
    match problem {
        Problem::UserName(e) => user_name_text(t, e).into(),
        Problem::DisplayName(e) => display_name_text(t, e).into(),
        Problem::NewPassword(e) => password_text(t, e).into(),
        Problem::PasswordsDiffer => t.problem_passwords_differ().into(),
        Problem::CurrentPasswordWrong => t.problem_current_password_wrong().into(),
        Problem::Amount(e) => amount_text(t, e).into(),
        Problem::DepartmentCode(e) => department_code_text(t, e).into(),
        Problem::DepartmentName(e) => department_name_text(t, e).into(),
        Problem::UnknownDepartment => t.problem_unknown_department().into(),
        Problem::UnknownDepartmentKind => t.problem_unknown_department_kind().into(),
        Problem::UnknownRole => t.problem_unknown_role().into(),
        Problem::DepartmentRequiredForRole => t.problem_department_required().into(),
        Problem::SupervisorNotVicePresident => t.problem_supervisor_not_vp().into(),
        Problem::UnknownUser => t.problem_unknown_user().into(),
        Problem::CannotDisableSelf => t.problem_cannot_disable_self().into(),
        Problem::CannotRevokeOwnAdmin => t.problem_cannot_revoke_own_admin().into(),
        Problem::LastAdmin => t.problem_last_admin().into(),
        Problem::StillSupervises => t.problem_still_supervises().into(),
        Problem::Application(problem) => application_text(t, problem),
        Problem::Entry(problem) => entry_text(t, problem),
        Problem::PersonNotEligible => t.problem_person_not_eligible().into(),
        Problem::UnknownDocument => t.problem_unknown_document().into(),
        Problem::DocumentType => t.problem_document_type().into(),
        Problem::TestReportMissing => t.problem_test_report_missing().into(),
        Problem::DocumentTooLarge => t.problem_document_too_large().into(),
        Problem::ReasonMissing => t.problem_reason_missing().into(),
        Problem::ReasonTooLong => t.problem_reason_too_long().into(),
        Problem::Delegation(problem) => delegation_text(t, problem).into(),
        Problem::Ledger(problem) => ledger_text(t, problem).into(),
        Problem::Change(problem) => crate::ui::change_words::change_problem_text(t, problem).into(),
    }
}

pub fn ledger_text(t: Locale, problem: LedgerProblem) -> &'static str {
    match problem {
        LedgerProblem::KindUnknown => t.entry_choice_missing(),
        LedgerProblem::Amount(error) => amount_text(t, error),
        LedgerProblem::AmountZero => t.application_budget_zero(),
        LedgerProblem::Date(DateError::Empty) => t.entry_date_missing(),
        LedgerProblem::Date(_) => t.entry_date_malformed(),
        LedgerProblem::DateInFuture => t.ledger_date_in_future(),
        LedgerProblem::TooLong => t.entry_text_too_long(),
        LedgerProblem::AssetNumberMissing => t.ledger_asset_number_missing(),
        LedgerProblem::NotYours => t.refusal_not_yours(),
        LedgerProblem::NotDueYet => t.ledger_not_due(),
        LedgerProblem::ExceedsContract => t.ledger_exceeds_contract(),
        LedgerProblem::AlreadyRegistered => t.ledger_already_registered(),
        LedgerProblem::ProjectRejected => t.refusal_closed(),
    }
}

pub fn refusal_text(t: Locale, refusal: &Refusal) -> String {
    match refusal {
        Refusal::OtherProcessVersion => t.refusal_other_version().into(),
        Refusal::ProjectClosed => t.refusal_closed().into(),
        Refusal::StageNotCurrent { current } => t.refusal_stage_moved(current.name(t.lang())),
        Refusal::DecisionNotOffered => t.refusal_not_offered().into(),
        Refusal::NotYourStage => t.refusal_not_yours().into(),
        Refusal::ReasonRequired => t.refusal_reason_required().into(),
        Refusal::ReturnTargetMissing => t.refusal_return_target_missing().into(),
        Refusal::ReturnTargetNotEarlier => t.refusal_return_not_earlier().into(),
        Refusal::ReturnTargetNotAccepted => t.refusal_return_fixed().into(),
        Refusal::MissingOutputs(kinds) => {
            let names: Vec<&str> = kinds.iter().map(|k| output_name(t, *k)).collect();
            t.refusal_missing(names.join(t.common_list_separator()))
        }
        Refusal::NotFileable(kind) => t.refusal_not_fileable(output_name(t, *kind)),
        Refusal::NotCompleted => t.refusal_not_completed().into(),
    }
}

pub fn entry_text(t: Locale, problem: EntryProblem) -> String {
    let text = match problem {
        EntryProblem::Missing(EntryField::People) => t.entry_people_missing(),
        EntryProblem::Missing(EntryField::Choice) => t.entry_choice_missing(),
        EntryProblem::Missing(EntryField::Date) => t.entry_date_missing(),
        EntryProblem::Missing(EntryField::Document) => t.entry_minutes_document_missing(),
        EntryProblem::Missing(_) => t.entry_text_missing(),
        EntryProblem::TooLong(_) => t.entry_text_too_long(),
        EntryProblem::Amount(error) => amount_text(t, error),
        EntryProblem::AmountZero => t.application_budget_zero(),
        EntryProblem::Date(DateError::Empty) => t.entry_date_missing(),
        EntryProblem::Date(_) => t.entry_date_malformed(),
        EntryProblem::PersonRepeated => t.entry_person_repeated(),
        EntryProblem::TooManyPeople => t.entry_too_many_people(),
        EntryProblem::UnknownChoice => t.entry_choice_missing(),
        EntryProblem::NotFileable => t.entry_not_fileable(),
    };
    text.to_owned()
}

pub fn delegation_text(t: Locale, problem: DelegationProblem) -> &'static str {
    match problem {
        DelegationProblem::DelegateMissing => t.delegation_delegate_missing(),
        DelegationProblem::DelegateIsSelf => t.delegation_self(),
        DelegationProblem::Starts(_) | DelegationProblem::Ends(_) => t.entry_date_malformed(),
        DelegationProblem::EndsBeforeStart => t.delegation_ends_before_start(),
        DelegationProblem::EndsInPast => t.delegation_ends_in_past(),
        DelegationProblem::TooLong => t.delegation_too_long(),
    }
}

pub fn user_name_text(t: Locale, error: UserNameError) -> &'static str {
    match error {
        UserNameError::TooShort => t.problem_user_name_too_short(),
        UserNameError::TooLong => t.problem_user_name_too_long(),
        UserNameError::BadCharacter => t.problem_user_name_characters(),
    }
}

pub fn display_name_text(t: Locale, error: DisplayNameError) -> &'static str {
    match error {
        DisplayNameError::Empty => t.problem_display_name_empty(),
        DisplayNameError::TooLong => t.problem_display_name_too_long(),
        DisplayNameError::ControlCharacter => t.problem_display_name_characters(),
    }
}

pub fn password_text(t: Locale, error: PasswordError) -> &'static str {
    match error {
        PasswordError::TooShort => t.problem_password_too_short(),
        PasswordError::TooLong => t.problem_password_too_long(),
        PasswordError::SameAsUserName => t.problem_password_is_user_name(),
    }
}

pub fn amount_text(t: Locale, error: AmountError) -> &'static str {
    match error {
        AmountError::Empty => t.problem_amount_empty(),
        AmountError::Negative => t.problem_amount_negative(),
        AmountError::NotANumber => t.problem_amount_not_a_number(),
        AmountError::TooManyDecimals => t.problem_amount_decimals(),
        AmountError::MisplacedSeparator => t.problem_amount_separator(),
        AmountError::TooLarge => t.problem_amount_too_large(),
    }
}

fn department_code_text(t: Locale, error: DepartmentCodeError) -> &'static str {
    match error {
        DepartmentCodeError::Length => t.problem_department_code_length(),
        DepartmentCodeError::BadCharacter => t.problem_department_code_characters(),
    }
}

fn department_name_text(t: Locale, error: DepartmentNameError) -> &'static str {
    match error {
        DepartmentNameError::Empty => t.problem_department_name_empty(),
        DepartmentNameError::TooLong => t.problem_department_name_too_long(),
    }
}

pub fn application_text(t: Locale, problem: ApplicationProblem) -> String {
    let text = match problem {
        ApplicationProblem::NameMissing => t.application_name_missing(),
        ApplicationProblem::NameTooLong => t.application_name_too_long(),
        ApplicationProblem::CategoryMissing => t.application_category_missing(),
        ApplicationProblem::CategoryUnknown => t.application_category_unknown(),
        ApplicationProblem::Budget(error) => amount_text(t, error),
        ApplicationProblem::BudgetZero => t.application_budget_zero(),
        ApplicationProblem::BasisMissing => t.application_basis_missing(),
        ApplicationProblem::TextMissing(field) => {
            return t.application_text_missing(field_name(t, field));
        }
        ApplicationProblem::TextTooLong(field) => {
            return t.application_text_too_long(field_name(t, field));
        }
        ApplicationProblem::GoLive(DateError::Empty) => t.application_go_live_missing(),
        ApplicationProblem::GoLive(_) => t.application_go_live_malformed(),
        ApplicationProblem::GoLiveInPast => t.application_go_live_past(),
        ApplicationProblem::ContactMissing => t.application_contact_missing(),
        ApplicationProblem::PhoneInvalid => t.application_phone_invalid(),
    };
    text.to_owned()
}

fn field_name(t: Locale, field: LongField) -> &'static str {
    match field {
        LongField::BasisExplanation => t.application_field_basis_explanation(),
        LongField::Objectives => t.application_field_objectives(),
        LongField::ScopeAndUsers => t.application_field_scope_and_users(),
    }
}
