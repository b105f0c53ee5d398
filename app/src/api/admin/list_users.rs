use crate::api::{AppError, UserSummary};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "admin/users/list", input = Json)]
pub async fn list_users() -> Result<Vec<UserSummary>, AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        request, users,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::ListUsers)?;
    users::list(&state.db).await
}
