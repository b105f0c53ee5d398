use crate::api::{AppError, ChangeSubmitted};
use crate::domain::change::ChangeDraft;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// A returned change request, corrected, handed to the department head
/// again.
#[server(endpoint = "changes/resubmit", input = Json)]
pub async fn resubmit_change(
    id: String,
    version: i64,
    draft: ChangeDraft,
) -> Result<ChangeSubmitted, AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        changes, request,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::WorkOnProjects)?;
    changes::resubmit(&state.db, &actor, &id, version, &draft).await
}
