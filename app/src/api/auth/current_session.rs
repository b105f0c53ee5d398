use crate::api::{AppError, SessionUser};
use leptos::prelude::*;

/// Who is signed in, if anyone.
#[server(endpoint = "auth/session")]
pub async fn current_session() -> Result<Option<SessionUser>, AppError> {
    use crate::backend::request;

    Ok(request::optional_actor().await?.map(|actor| actor.user))
}
