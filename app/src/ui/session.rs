//! The signed-in user for the whole page, loaded once before rendering,
//! and the gate that pages put around what needs a signed-in user.

use super::components::{ErrorBox, Loading};
use crate::api::{AppError, SessionUser, auth::current_session};
use crate::domain::{Capability, has_capability};
use leptos::prelude::*;
use leptos_router::{components::Redirect, hooks::use_location};
use std::sync::Arc;

pub type SessionResource = Resource<Result<Option<SessionUser>, AppError>>;

pub fn provide_session() {
    let session: SessionResource = Resource::new_blocking(|| (), |_| current_session());
    provide_context(session);
}

pub fn use_session() -> Option<SessionResource> {
    use_context::<SessionResource>()
}

/// Renders `render` for a signed-in user who has `capability`; sends
/// everyone else to sign in, or tells them they may not see this.
pub fn require_user(
    capability: Option<Capability>,
    render: impl Fn(SessionUser) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let session = use_session();
    let render = Arc::new(render);
    let location = use_location();

    view! {
        <Suspense fallback=Loading>
            {move || {
                let render = Arc::clone(&render);
                let here = location.pathname.get_untracked();
                Suspend::new(async move {
                    let answer = match session {
                        Some(session) => session.await,
                        None => Err(AppError::Internal),
                    };
                    match answer {
                        Ok(
                            Some(user),
                        ) if capability.is_none_or(|c| has_capability(&user.roles, c)) => {
                            render(user)
                        }
                        Ok(Some(_)) => forbidden().into_any(),
                        Ok(None) => view! { <Redirect path=sign_in_path(&here) /> }.into_any(),
                        Err(error) => view! { <ErrorBox error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

fn forbidden() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::FORBIDDEN);
    }
    view! { <ErrorBox error=AppError::Forbidden /> }
}

/// `/sign-in?next=…` that brings the user back here afterwards.
pub fn sign_in_path(here: &str) -> String {
    if here == "/" || here.is_empty() {
        "/sign-in".to_owned()
    } else {
        format!("/sign-in?next={}", percent_encode(here))
    }
}

pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sign_in_path;

    #[test]
    fn the_sign_in_link_carries_the_page_to_return_to() {
        assert_eq!(sign_in_path("/"), "/sign-in");
        assert_eq!(sign_in_path("/admin/users"), "/sign-in?next=/admin/users");
        assert_eq!(sign_in_path("/a b?c=d"), "/sign-in?next=/a%20b%3Fc%3Dd");
    }
}
