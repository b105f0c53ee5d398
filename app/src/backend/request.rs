//! What a server function knows about the request it serves, read from
//! the Leptos context that leptos_axum provides.

use super::{AppState, auth, auth::session::Actor};
use crate::api::AppError;
use axum::extract::ConnectInfo;
use http::{HeaderValue, header, request::Parts};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use std::net::SocketAddr;

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("application state missing from the request context");
        AppError::Internal
    })
}

fn parts() -> Result<Parts, AppError> {
    use_context::<Parts>().ok_or_else(|| {
        tracing::error!("request parts missing from the request context");
        AppError::Internal
    })
}

/// The value of one cookie of the request.
pub fn cookie(name: &str) -> Option<String> {
    let parts = use_context::<Parts>()?;
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|line| line.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// The client's address, for throttling and the session record.
pub fn client_address(state: &AppState) -> String {
    let Ok(parts) = parts() else {
        return "unknown".into();
    };
    if state.settings.trust_forwarded_for {
        let forwarded = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            // The proxy appends the address it saw; anything to its left
            // was written by the client and proves nothing.
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty());
        if let Some(address) = forwarded {
            return address.to_owned();
        }
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// True for a plain HTML form post (no JavaScript), which expects a
/// redirect rather than data.
pub fn is_plain_form_post() -> bool {
    use_context::<Parts>()
        .and_then(|parts| parts.headers.get(header::ACCEPT).cloned())
        .and_then(|accept| accept.to_str().map(|a| a.contains("text/html")).ok())
        .unwrap_or(false)
}

pub fn set_cookie(value: &str) {
    match (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(value),
    ) {
        (Some(response), Ok(value)) => response.append_header(header::SET_COOKIE, value),
        _ => tracing::error!("could not set a cookie on the response"),
    }
}

/// The signed-in user, or `NotSignedIn`.
pub async fn authenticate() -> Result<(AppState, Actor), AppError> {
    let state = state()?;
    let token = cookie(auth::session::COOKIE);
    match auth::current_actor(&state, token.as_deref()).await? {
        Some(actor) => Ok((state, actor)),
        None => Err(AppError::NotSignedIn),
    }
}

/// The signed-in user if there is one; no error when there is none.
pub async fn optional_actor() -> Result<Option<Actor>, AppError> {
    let state = state()?;
    let token = cookie(auth::session::COOKIE);
    auth::current_actor(&state, token.as_deref()).await
}
