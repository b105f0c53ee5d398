use crate::api::{AppError, PeoplePool, UserRef};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The people a project form may name from a pool.
#[server(endpoint = "projects/candidates", input = Json)]
pub async fn candidates(pool: PeoplePool) -> Result<Vec<UserRef>, AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        projects, request,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::ListPeople)?;
    projects::candidates(&state.db, pool).await
}
