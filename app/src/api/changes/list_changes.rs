use crate::api::{AppError, ChangeFilter, ChangeSummary};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The change requests the user may see, filtered, newest first.
#[server(endpoint = "changes/list", input = Json)]
pub async fn list_changes(filter: ChangeFilter) -> Result<Vec<ChangeSummary>, AppError> {
    use crate::backend::{changes, request};

    let (state, actor) = request::authenticate().await?;
    changes::list(&state.db, &actor, &filter).await
}
