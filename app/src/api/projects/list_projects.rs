use crate::api::{AppError, ProjectSummary};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The projects the signed-in user may see, newest first.
#[server(endpoint = "projects/list", input = Json)]
pub async fn list_projects() -> Result<Vec<ProjectSummary>, AppError> {
    use crate::backend::{projects, request};

    let (state, actor) = request::authenticate().await?;
    projects::list_visible(&state.db, &actor).await
}
