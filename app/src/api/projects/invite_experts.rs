use crate::api::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Invites experts to a project's feasibility review.
#[server(endpoint = "projects/invite_experts", input = Json)]
pub async fn invite_experts(id: String, experts: Vec<String>) -> Result<(), AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        projects, request,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::WorkOnProjects)?;
    projects::invite_experts(&state.db, &actor, &id, &experts).await
}
