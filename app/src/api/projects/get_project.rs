use crate::api::{AppError, ProjectSummary};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// One project, or `NotFound` for a user who may not see it.
#[server(endpoint = "projects/get", input = Json)]
pub async fn get_project(id: String) -> Result<ProjectSummary, AppError> {
    use crate::backend::{projects, request};

    let (state, actor) = request::authenticate().await?;
    projects::get_visible(&state.db, &actor, &id).await
}
