use crate::api::AppError;
use leptos::prelude::*;

/// Signs in with a user name and password. Posted by the sign-in form,
/// with or without JavaScript.
#[server(endpoint = "auth/sign_in")]
pub async fn sign_in(
    user_name: String,
    password: String,
    #[server(default)] next: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::{auth, request};

    let state = request::state()?;
    let client = request::client_address(&state);
    let previous = request::cookie(auth::session::COOKIE);

    let token = auth::sign_in(&state, &user_name, password, &client, previous.as_deref()).await?;

    let settings = &state.settings;
    let cookie = auth::session::cookie(
        Some(&token),
        settings.secure_cookies,
        settings.session.absolute,
    );
    request::set_cookie(&cookie);
    if request::is_plain_form_post() {
        leptos_axum::redirect(&super::safe_next(next.as_deref()));
    }
    Ok(())
}
