use crate::api::{AppError, ChangeSubmitted};
use crate::domain::change::ChangeDraft;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Applies for a change to a system of one's own department; answers the
/// new request's number.
#[server(endpoint = "changes/submit", input = Json)]
pub async fn submit_change(draft: ChangeDraft) -> Result<ChangeSubmitted, AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        changes, request,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::RequestChange)?;
    changes::submit(&state.db, &actor, &draft).await
}
