use crate::api::AppError;
use leptos::prelude::*;

/// Ends the current session on the server and clears the cookie.
#[server(endpoint = "auth/sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::backend::{auth::session, errors::internal, request};

    let state = request::state()?;
    if let Some(token) = request::cookie(session::COOKIE) {
        session::end_token(&state.db, &token)
            .await
            .map_err(internal("ending a session"))?;
        tracing::info!("signed out");
    }
    request::set_cookie(&session::cookie(
        None,
        state.settings.secure_cookies,
        Default::default(),
    ));
    if request::is_plain_form_post() {
        leptos_axum::redirect("/sign-in");
    }
    Ok(())
}
