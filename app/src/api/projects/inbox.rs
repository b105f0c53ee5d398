use crate::api::{AppError, InboxItem};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The projects waiting on the signed-in user.
#[server(endpoint = "projects/inbox", input = Json)]
pub async fn inbox() -> Result<Vec<InboxItem>, AppError> {
    use crate::backend::{projects, request};

    let (state, actor) = request::authenticate().await?;
    projects::inbox(&state.db, &actor).await
}
