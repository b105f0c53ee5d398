//! What a server function can answer instead of a result. Each variant is
//! something the user can act on; the interface words it from the locale
//! files. Causes (database errors, library messages) stay in the log.

use super::Problem;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not signed in")]
    NotSignedIn,
    #[error("not allowed")]
    Forbidden,
    #[error("wrong user name or password")]
    BadCredentials,
    #[error("too many failed sign-ins")]
    TooManyAttempts,
    #[error("invalid input: {0:?}")]
    Invalid(Problem),
    #[error("not found")]
    NotFound,
    #[error("conflict: {0:?}")]
    Conflict(Conflict),
    #[error("refused by the process: {0}")]
    Refused(crate::domain::process::Refusal),
    #[error("refused by the change flow: {0}")]
    ChangeRefused(crate::domain::change::ChangeRefusal),
    #[error("malformed request")]
    BadRequest,
    #[error("request refused: it did not come from ISFlow")]
    CrossOrigin,
    #[error("the server could not be reached")]
    Network,
    #[error("internal error")]
    Internal,
}

/// Why a change could not be applied although the input was well-formed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Conflict {
    UserNameTaken,
    DepartmentCodeTaken,
    /// Someone else changed the record first; reload and try again.
    Stale,
}

impl From<Problem> for AppError {
    fn from(problem: Problem) -> Self {
        AppError::Invalid(problem)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        match error {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => AppError::BadRequest,
            ServerFnErrorErr::Request(_) => AppError::Network,
            ServerFnErrorErr::Registration(_)
            | ServerFnErrorErr::ServerError(_)
            | ServerFnErrorErr::MiddlewareError(_)
            | ServerFnErrorErr::Serialization(_)
            | ServerFnErrorErr::Response(_) => AppError::Internal,
        }
    }
}

impl AppError {
    /// The HTTP status that goes with each answer; only a fault of the
    /// server itself is a 5xx.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotSignedIn | AppError::BadCredentials => 401,
            AppError::Forbidden | AppError::CrossOrigin => 403,
            AppError::NotFound => 404,
            AppError::Conflict(_) => 409,
            AppError::Invalid(_) => 422,
            AppError::Refused(refusal) => refusal_status(refusal),
            AppError::ChangeRefused(refusal) => change_refusal_status(refusal),
            AppError::TooManyAttempts => 429,
            AppError::BadRequest => 400,
            AppError::Network => 503,
            AppError::Internal => 500,
        }
    }
}

fn refusal_status(refusal: &crate::domain::process::Refusal) -> u16 {
    use crate::domain::process::Refusal;
    match refusal {
        Refusal::NotYourStage => 403,
        Refusal::StageNotCurrent { .. } | Refusal::ProjectClosed | Refusal::OtherProcessVersion => {
            409
        }
        _ => 422,
    }
}

fn change_refusal_status(refusal: &crate::domain::change::ChangeRefusal) -> u16 {
    use crate::domain::change::ChangeRefusal;
    match refusal {
        ChangeRefusal::NotYourStep => 403,
        ChangeRefusal::StepNotCurrent { .. } | ChangeRefusal::Closed => 409,
        _ => 422,
    }
}

impl From<crate::domain::change::ChangeRefusal> for AppError {
    fn from(refusal: crate::domain::change::ChangeRefusal) -> Self {
        AppError::ChangeRefused(refusal)
    }
}

impl From<crate::domain::process::Refusal> for AppError {
    fn from(refusal: crate::domain::process::Refusal) -> Self {
        AppError::Refused(refusal)
    }
}
