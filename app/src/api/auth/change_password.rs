use crate::api::AppError;
use leptos::prelude::*;

/// Changes one's own password. Every other session of the user ends; this
/// one continues under a fresh session id.
#[server(endpoint = "auth/change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    repeat_password: String,
) -> Result<(), AppError> {
    use crate::api::check_password_pair;
    use crate::backend::{
        audit::By,
        auth::{confirm_current_password, session},
        authz::{Action, authorize},
        errors::internal,
        request, users,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::ChangePassword(actor.id()))?;
    check_password_pair(&new_password, &repeat_password, &actor.user.user_name)?;
    let client = request::client_address(&state);
    confirm_current_password(&state, &actor, current_password, &client).await?;

    users::set_password(&state.db, By::actor(&actor), actor.id(), new_password).await?;
    let token = session::start(&state.db, actor.id(), &client)
        .await
        .map_err(internal("starting a session after a password change"))?;
    let settings = &state.settings;
    request::set_cookie(&session::cookie(
        Some(&token),
        settings.secure_cookies,
        settings.session.absolute,
    ));
    Ok(())
}
