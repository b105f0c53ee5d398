use crate::api::{AppError, ChangeFilter, ChangeSummary};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The open change requests the user may see, for the change board.
#[server(endpoint = "changes/board", input = Json)]
pub async fn change_board(filter: ChangeFilter) -> Result<Vec<ChangeSummary>, AppError> {
    use crate::backend::{changes, request};

    let (state, actor) = request::authenticate().await?;
    changes::board(&state.db, &actor, &filter).await
}
