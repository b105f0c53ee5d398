use crate::api::{AppError, ChangeDetail};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// A change request's page, if the user may see its system.
#[server(endpoint = "changes/get", input = Json)]
pub async fn load_change(id: String) -> Result<ChangeDetail, AppError> {
    use crate::backend::{changes, request};

    let (state, actor) = request::authenticate().await?;
    changes::detail(&state.db, &actor, &id).await
}
