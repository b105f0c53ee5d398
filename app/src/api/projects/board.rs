use crate::api::{AppError, BoardCard, BoardFilter};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The active projects the user may see, filtered, for the board.
#[server(endpoint = "projects/board", input = Json)]
pub async fn board(filter: BoardFilter) -> Result<Vec<BoardCard>, AppError> {
    use crate::backend::{projects, request};

    let (state, actor) = request::authenticate().await?;
    projects::board(&state.db, &actor, &filter).await
}
