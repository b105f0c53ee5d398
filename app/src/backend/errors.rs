//! Turning backend failures into answers for the user. The cause goes to
//! the log with what was being done; the browser learns only the kind.

use super::db::{is_conflict, is_unique_violation};
use crate::api::{AppError, Conflict};
use std::fmt::Display;

/// For `map_err`: logs an unexpected failure and answers `Internal`.
pub fn internal<E: Display>(doing: &'static str) -> impl FnOnce(E) -> AppError {
    move |error| {
        tracing::error!(%error, "failed while {doing}");
        AppError::Internal
    }
}

/// For writes guarded by a unique index: a duplicate becomes the given
/// conflict, a lost race becomes `Stale`, anything else `Internal`.
pub fn write_failed(
    doing: &'static str,
    duplicate: Conflict,
) -> impl FnOnce(surrealdb::Error) -> AppError {
    move |error| {
        if is_unique_violation(&error) && !error.message().contains("audit_seq") {
            tracing::info!(%error, "refused a duplicate while {doing}");
            AppError::Conflict(duplicate)
        } else if is_conflict(&error) || super::audit::moved(&error) {
            tracing::info!(%error, "transaction conflict while {doing}");
            AppError::Conflict(Conflict::Stale)
        } else {
            internal(doing)(error)
        }
    }
}
