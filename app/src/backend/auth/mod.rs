//! Who is making a request: passwords, sessions and the throttling of
//! failed sign-ins.

pub mod password;
pub mod session;
pub mod throttle;

use super::{AppState, db::Db, errors::internal};
use crate::api::AppError;
use crate::domain::UserName;
use password::PasswordHashString;
use session::Actor;
use surrealdb::types::{RecordId, SurrealValue};

#[derive(SurrealValue)]
struct Credentials {
    id: RecordId,
    password_hash: String,
    enabled: bool,
}

/// Checks the name and password and starts a session. Every way of
/// failing that could tell an attacker whether the account exists gives
/// the same answer, after the same amount of work.
#[tracing::instrument(skip(state, password, previous_token), fields(user_name = %user_name_input))]
pub async fn sign_in(
    state: &AppState,
    user_name_input: &str,
    password: String,
    client: &str,
    previous_token: Option<&str>,
) -> Result<String, AppError> {
    let policy = state.settings.throttle;
    let name = UserName::parse(user_name_input)
        .map(|n| n.as_str().to_owned())
        .unwrap_or_else(|_| user_name_input.trim().to_ascii_lowercase());

    if throttle::is_throttled(&state.db, &name, client, policy)
        .await
        .map_err(internal("checking sign-in throttling"))?
    {
        tracing::warn!(client, "sign-in refused: too many failures");
        return Err(AppError::TooManyAttempts);
    }

    let credentials = load_credentials(&state.db, &name).await?;
    let user_key = credentials
        .as_ref()
        .filter(|c| c.enabled)
        .map(|c| super::ids::key_of(&c.id));
    let stored = credentials
        .filter(|c| c.enabled)
        .map(|c| PasswordHashString::from_stored(c.password_hash));
    let verified = password::verify(stored, password).await;

    let Some(user_key) = user_key.filter(|_| verified) else {
        throttle::record_failure(&state.db, &name, client, policy)
            .await
            .map_err(internal("recording a failed sign-in"))?;
        tracing::warn!(client, "sign-in failed");
        return Err(AppError::BadCredentials);
    };

    // A new session id at every sign-in, so a token planted before it
    // (session fixation) is worth nothing afterwards.
    if let Some(previous) = previous_token {
        session::end_token(&state.db, previous)
            .await
            .map_err(internal("ending the old session"))?;
    }
    throttle::clear_account(&state.db, &name)
        .await
        .map_err(internal("clearing sign-in failures"))?;
    let token = session::start(&state.db, &user_key, client)
        .await
        .map_err(internal("starting a session"))?;
    tracing::info!(user = %user_key, client, "signed in");
    Ok(token)
}

async fn load_credentials(db: &Db, user_name: &str) -> Result<Option<Credentials>, AppError> {
    db.query("SELECT id, password_hash, enabled FROM user WHERE user_name = $name LIMIT 1")
        .bind(("name", user_name.to_owned()))
        .await
        .and_then(|mut response| response.take(0))
        .map_err(internal("loading credentials"))
}

/// Resolves the session cookie of a request, if any.
pub async fn current_actor(
    state: &AppState,
    token: Option<&str>,
) -> Result<Option<Actor>, AppError> {
    let Some(token) = token else { return Ok(None) };
    session::resolve(&state.db, token, state.settings.session)
        .await
        .map_err(internal("resolving a session"))
}
