use crate::api::{AppError, SystemDetail};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// A system's page: its register entry, project, documents and changes.
#[server(endpoint = "systems/get", input = Json)]
pub async fn load_system(id: String) -> Result<SystemDetail, AppError> {
    use crate::backend::{changes, request};

    let (state, actor) = request::authenticate().await?;
    changes::system_detail(&state.db, &actor, &id).await
}
