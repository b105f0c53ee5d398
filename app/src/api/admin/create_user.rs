use crate::api::{AppError, NewUser};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Creates a user with an initial password; returns the new user's id.
#[server(endpoint = "admin/users/create", input = Json)]
pub async fn create_user(user: NewUser) -> Result<String, AppError> {
    use crate::backend::{
        audit::By,
        authz::{Action, authorize},
        request, users,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::CreateUser)?;
    let valid = user.validate()?;
    users::create(&state.db, By::actor(&actor), &valid, user.password).await
}
