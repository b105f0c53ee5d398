use crate::api::{AppError, ProjectDetail};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Everything the project page shows, as far as the user may see it.
#[server(endpoint = "projects/detail", input = Json)]
pub async fn load_project(id: String) -> Result<ProjectDetail, AppError> {
    use crate::backend::{projects, request};

    let (state, actor) = request::authenticate().await?;
    projects::detail(&state.db, &actor, &id).await
}
