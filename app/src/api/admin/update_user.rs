use crate::api::{AppError, UserChanges};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Changes a user's name, department, roles or whether they may sign in.
#[server(endpoint = "admin/users/update", input = Json)]
pub async fn update_user(changes: UserChanges) -> Result<(), AppError> {
    use crate::backend::{
        audit::By,
        authz::{Action, authorize},
        request, users,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::EditUser(&changes.id))?;
    let valid = changes.validate()?;
    users::update(
        &state.db,
        By::actor(&actor),
        actor.id(),
        &changes.id,
        &valid,
    )
    .await
}
