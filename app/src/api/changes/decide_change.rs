use crate::api::AppError;
use crate::domain::change::ChangeDecisionRequest;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Takes a step's decision on the version of the change request the user
/// saw; optionally on behalf of someone who delegated their decisions.
#[server(endpoint = "changes/decide", input = Json)]
pub async fn decide_change(
    id: String,
    version: i64,
    request: ChangeDecisionRequest,
    #[server(default)] on_behalf_of: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        changes, request,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::WorkOnProjects)?;
    changes::decide(
        &state.db,
        &actor,
        &id,
        version,
        &request,
        on_behalf_of.as_deref(),
    )
    .await
}
