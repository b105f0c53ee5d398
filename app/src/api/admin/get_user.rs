use crate::api::{AppError, UserSummary};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "admin/users/get", input = Json)]
pub async fn get_user(id: String) -> Result<UserSummary, AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        request, users,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::EditUser(&id))?;
    users::get(&state.db, &id).await
}
