use crate::api::{AppError, SystemFilter, SystemSummary};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The register of information systems, as far as the user may see it.
#[server(endpoint = "systems/list", input = Json)]
pub async fn list_systems(filter: SystemFilter) -> Result<Vec<SystemSummary>, AppError> {
    use crate::backend::{changes, request};

    let (state, actor) = request::authenticate().await?;
    changes::register(&state.db, &actor, &filter).await
}
