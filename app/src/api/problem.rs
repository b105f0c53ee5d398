//! Input that the rules refuse, named precisely enough for the form to
//! put the message beside the right field.

use crate::domain::DelegationProblem;
use crate::domain::change::ChangeProblem;
use crate::domain::process::{EntryField, EntryProblem, LedgerProblem};
use crate::domain::{
    AmountError, ApplicationProblem, DepartmentCodeError, DepartmentNameError, DisplayNameError,
    PasswordError, UserNameError,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    UserName(UserNameError),
    DisplayName(DisplayNameError),
    NewPassword(PasswordError),
    PasswordsDiffer,
    CurrentPasswordWrong,
    Amount(AmountError),
    DepartmentCode(DepartmentCodeError),
    DepartmentName(DepartmentNameError),
    UnknownDepartment,
    UnknownDepartmentKind,
    UnknownRole,
    /// 业务部门经办/负责人 act for a department and must belong to one.
    DepartmentRequiredForRole,
    /// A department's supervisor must hold the vice-president role.
    SupervisorNotVicePresident,
    UnknownUser,
    /// Administrators may not lock themselves out.
    CannotDisableSelf,
    CannotRevokeOwnAdmin,
    /// The college must keep at least one enabled administrator.
    LastAdmin,
    /// A department's supervisor must stay a vice president; reassign the
    /// department first.
    StillSupervises,
    /// A field of the project application form.
    Application(ApplicationProblem),
    /// A field of a stage's output form.
    Entry(EntryProblem),
    /// Someone named in a form who may not be named there: unknown,
    /// disabled, or without the role the list needs.
    PersonNotEligible,
    /// The document named is not one uploaded to this project.
    UnknownDocument,
    /// An upload whose content is not of an accepted kind.
    DocumentType,
    /// An upload above the configured size limit.
    DocumentTooLarge,
    /// A change request's user test passes on the report as filed: it
    /// must be uploaded to the request first.
    TestReportMissing,
    /// A correction or a delegation must say why.
    ReasonMissing,
    ReasonTooLong,
    Delegation(DelegationProblem),
    /// A payment or the asset registration.
    Ledger(LedgerProblem),
    /// A field of the change request form.
    Change(ChangeProblem),
}

impl Problem {
    /// The form field the message belongs beside.
    pub fn field(self) -> &'static str {
        match self {
            Problem::UserName(_) | Problem::UnknownUser => "user_name",
            Problem::DisplayName(_) => "display_name",
            Problem::NewPassword(_) | Problem::PasswordsDiffer => "new_password",
            Problem::CurrentPasswordWrong => "current_password",
            Problem::Amount(_) => "amount",
            Problem::DepartmentCode(_) => "code",
            Problem::DepartmentName(_) => "name",
            Problem::UnknownDepartment | Problem::DepartmentRequiredForRole => "department",
            Problem::UnknownDepartmentKind => "kind",
            Problem::UnknownRole
            | Problem::CannotRevokeOwnAdmin
            | Problem::LastAdmin
            | Problem::StillSupervises => "roles",
            Problem::SupervisorNotVicePresident => "supervisor",
            Problem::CannotDisableSelf => "enabled",
            Problem::Application(problem) => problem.field(),
            Problem::Entry(problem) => match problem.field() {
                EntryField::Text => "text",
                EntryField::Short => "short",
                EntryField::Amount => "amount",
                EntryField::People => "people",
                EntryField::Date => "date",
                EntryField::Choice => "choice",
                EntryField::Document => "document",
            },
            Problem::PersonNotEligible => "people",
            Problem::Ledger(problem) => match problem {
                LedgerProblem::Amount(_)
                | LedgerProblem::AmountZero
                | LedgerProblem::ExceedsContract => "amount",
                LedgerProblem::Date(_) | LedgerProblem::DateInFuture => "date",
                _ => "ledger",
            },
            Problem::Delegation(problem) => match problem {
                DelegationProblem::DelegateMissing | DelegationProblem::DelegateIsSelf => {
                    "delegate"
                }
                DelegationProblem::Starts(_) => "starts",
                _ => "ends",
            },
            Problem::UnknownDocument
            | Problem::DocumentType
            | Problem::DocumentTooLarge
            | Problem::TestReportMissing => "document",
            Problem::ReasonMissing | Problem::ReasonTooLong => "reason",
            Problem::Change(problem) => problem.field(),
        }
    }
}
