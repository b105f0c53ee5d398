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

/// The throttling key for input that is not a valid user name: such
/// names share one bucket instead of filling the table with junk keys.
const MALFORMED_NAME: &str = "(malformed)";

/// Checks the name and password and starts a session. Every way of
/// failing that could tell an attacker whether the account exists gives
/// the same answer, after the same amount of work.
#[tracing::instrument(skip_all, fields(client))]
pub async fn sign_in(
    state: &AppState,
    user_name_input: &str,
    password: String,
    client: &str,
    previous_token: Option<&str>,
) -> Result<String, AppError> {
    // The raw input is never logged: people type passwords into it.
    let name = UserName::parse(user_name_input).ok();
    let account = name.as_ref().map_or(MALFORMED_NAME, |n| n.as_str());

    if throttle::attempt_exceeds_limit(&state.db, account, client, state.settings.throttle)
        .await
        .map_err(internal("checking sign-in throttling"))?
    {
        tracing::warn!(account, "sign-in refused: too many failures");
        return Err(AppError::TooManyAttempts);
    }

    let credentials = match &name {
        Some(name) => load_credentials(&state.db, name.as_str()).await?,
        None => None,
    };
    let credentials = credentials.filter(|c| c.enabled);
    let user_key = credentials.as_ref().map(|c| super::ids::key_of(&c.id));
    let stored = credentials.map(|c| PasswordHashString::from_stored(c.password_hash));
    let verified = password::verify(stored, password).await;

    let Some(user_key) = user_key.filter(|_| verified) else {
        tracing::warn!(account, "sign-in failed");
        return Err(AppError::BadCredentials);
    };

    // A new session id at every sign-in, so a token planted before it
    // (session fixation) is worth nothing afterwards.
    if let Some(previous) = previous_token {
        session::end_token(&state.db, previous)
            .await
            .map_err(internal("ending the old session"))?;
    }
    throttle::clear_account(&state.db, account)
        .await
        .map_err(internal("clearing sign-in failures"))?;
    let token = session::start(&state.db, &user_key, client)
        .await
        .map_err(internal("starting a session"))?;
    tracing::info!(user = %user_key, account, "signed in");
    Ok(token)
}

/// Confirms a signed-in user's current password before a change, under
/// the same throttle as signing in, so a borrowed session cannot be used
/// to guess it.
pub async fn confirm_current_password(
    state: &AppState,
    actor: &Actor,
    password: String,
    client: &str,
) -> Result<(), AppError> {
    let account = actor.user.user_name.as_str();
    if throttle::attempt_exceeds_limit(&state.db, account, client, state.settings.throttle)
        .await
        .map_err(internal("checking password throttling"))?
    {
        tracing::warn!(account, "password change refused: too many failures");
        return Err(AppError::TooManyAttempts);
    }
    if !super::users::password_matches(&state.db, actor.id(), password).await? {
        tracing::warn!(account, "password change: wrong current password");
        return Err(crate::api::Problem::CurrentPasswordWrong.into());
    }
    throttle::clear_account(&state.db, account)
        .await
        .map_err(internal("clearing password failures"))
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
