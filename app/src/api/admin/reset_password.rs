use crate::api::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Sets a new password for a user who lost theirs; their sessions end.
#[server(endpoint = "admin/users/reset_password", input = Json)]
pub async fn reset_password(id: String, new_password: String) -> Result<(), AppError> {
    use crate::api::Problem;
    use crate::backend::{
        audit::By,
        authz::{Action, authorize},
        request, users,
    };
    use crate::domain::check_new_password;

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::EditUser(&id))?;
    // One's own password changes through the form that asks for the
    // current one, and keeps this session.
    if id == actor.id() {
        return Err(AppError::Forbidden);
    }
    let user = users::get(&state.db, &id).await?;
    check_new_password(&new_password, &user.user_name).map_err(Problem::NewPassword)?;
    users::set_password(&state.db, By::actor(&actor), &id, new_password).await
}
