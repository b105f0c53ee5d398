use crate::api::{AppError, ChangeInboxItem};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The change requests waiting on the signed-in user.
#[server(endpoint = "changes/inbox", input = Json)]
pub async fn change_inbox() -> Result<Vec<ChangeInboxItem>, AppError> {
    use crate::backend::{changes, request};

    let (state, actor) = request::authenticate().await?;
    changes::inbox(&state.db, &actor).await
}
