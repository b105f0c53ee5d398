use crate::api::AppError;
use crate::domain::process::DecisionRequest;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Takes a stage's decision (complete, approve, reject, return, pass,
/// fail, revise) on the version of the project the user saw; optionally on
/// behalf of someone who delegated their decisions to the user.
#[server(endpoint = "projects/decide", input = Json)]
pub async fn decide_stage(
    id: String,
    version: i64,
    request: DecisionRequest,
    #[server(default)] on_behalf_of: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        projects, request,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::WorkOnProjects)?;
    projects::decide(
        &state.db,
        &actor,
        &id,
        version,
        &request,
        on_behalf_of.as_deref(),
    )
    .await
}
