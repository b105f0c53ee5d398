//! Sessions kept in the database, so any app server can serve any request
//! and signing out or disabling a user ends their sessions everywhere.

use super::super::{db::Db, ids::key_of};
use crate::api::{DepartmentRef, SessionUser};
use crate::domain::Role;
use chrono::{TimeDelta, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::time::Duration;
use surrealdb::types::{Datetime, RecordId, SurrealValue};

pub const COOKIE: &str = "isflow_session";

/// How long a session lives: it ends after `idle` without a request, and
/// after `absolute` in any case.
#[derive(Clone, Copy, Debug)]
pub struct SessionPolicy {
    pub idle: Duration,
    pub absolute: Duration,
}

/// Someone signed in, as the backend needs to know them.
#[derive(Clone, Debug)]
pub struct Actor {
    pub user: SessionUser,
    session_key: String,
}

impl Actor {
    /// Someone acting without a session of their own: the demo college's
    /// people, whose sample projects are walked through the process at
    /// start-up by the same code that serves their requests.
    pub(crate) fn without_session(user: SessionUser) -> Self {
        Actor {
            user,
            session_key: String::new(),
        }
    }

    pub fn id(&self) -> &str {
        &self.user.id
    }

    pub fn roles(&self) -> &[Role] {
        &self.user.roles
    }
}

#[derive(SurrealValue)]
struct SessionRow {
    created_at: Datetime,
    last_seen: Datetime,
    user: RecordId,
    user_name: String,
    display_name: String,
    roles: Vec<String>,
    enabled: bool,
    department: Option<RecordId>,
    department_code: Option<String>,
    department_name: Option<String>,
}

/// Starts a session for the user and returns the token for the cookie.
/// Only the token's hash is stored.
pub async fn start(db: &Db, user_key: &str, client: &str) -> Result<String, surrealdb::Error> {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);

    db.query(
        "CREATE type::record('session', $key) SET user = type::record('user', $user), \
             created_at = time::now(), last_seen = time::now(), client = $client;
         UPDATE type::record('user', $user) SET last_sign_in = time::now();",
    )
    .bind(("key", token_key(&token)))
    .bind(("user", user_key.to_owned()))
    .bind(("client", client.to_owned()))
    .await?
    .check()?;
    Ok(token)
}

/// The signed-in user behind a token, if the session is still valid. An
/// expired session, or one of a disabled user, is ended on the spot.
pub async fn resolve(
    db: &Db,
    token: &str,
    policy: SessionPolicy,
) -> Result<Option<Actor>, surrealdb::Error> {
    let key = token_key(token);
    let row: Option<SessionRow> = db
        .query(
            "SELECT created_at, last_seen, user, user.user_name AS user_name, \
                 user.display_name AS display_name, user.roles AS roles, \
                 user.enabled AS enabled, user.department AS department, \
                 user.department.code AS department_code, \
                 user.department.name AS department_name \
             FROM ONLY type::record('session', $key)",
        )
        .bind(("key", key.clone()))
        .await?
        .take(0)?;
    let Some(row) = row else { return Ok(None) };

    let now = Utc::now();
    let idle_for = now.signed_duration_since(*row.last_seen);
    let age = now.signed_duration_since(*row.created_at);
    let expired = idle_for > delta(policy.idle) || age > delta(policy.absolute);
    if expired || !row.enabled {
        end(db, &key).await?;
        return Ok(None);
    }

    // Touch at most once a minute (a write per request would cost more
    // than the idle timeout's precision is worth), and always before half
    // the timeout has passed, so that use keeps even a short one alive.
    // Parallel requests of one page race to touch the same record; the
    // losers' conflicts are harmless, since one of them has touched it.
    if idle_for > touch_after(policy) {
        let touched = db
            .query("UPDATE type::record('session', $key) SET last_seen = time::now()")
            .bind(("key", key.clone()))
            .await
            .and_then(|response| response.check());
        if let Err(error) = touched {
            tracing::debug!(%error, "session touch skipped");
        }
    }
    Ok(Some(Actor {
        user: session_user(row),
        session_key: key,
    }))
}

/// Ends the session of this token (sign-out).
pub async fn end_token(db: &Db, token: &str) -> Result<(), surrealdb::Error> {
    end(db, &token_key(token)).await
}

pub async fn end_actor(db: &Db, actor: &Actor) -> Result<(), surrealdb::Error> {
    end(db, &actor.session_key).await
}

/// Ends every session of a user: on disabling them, or a password change.
pub async fn end_all_for_user(db: &Db, user_key: &str) -> Result<(), surrealdb::Error> {
    db.query("DELETE session WHERE user = type::record('user', $user)")
        .bind(("user", user_key.to_owned()))
        .await?
        .check()?;
    Ok(())
}

async fn end(db: &Db, key: &str) -> Result<(), surrealdb::Error> {
    db.query("DELETE type::record('session', $key)")
        .bind(("key", key.to_owned()))
        .await?
        .check()?;
    Ok(())
}

fn token_key(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn touch_after(policy: SessionPolicy) -> TimeDelta {
    TimeDelta::minutes(1).min(delta(policy.idle) / 2)
}

fn delta(duration: Duration) -> TimeDelta {
    TimeDelta::from_std(duration).unwrap_or(TimeDelta::MAX)
}

fn session_user(row: SessionRow) -> SessionUser {
    let department = match (row.department, row.department_code, row.department_name) {
        (Some(id), Some(code), Some(name)) => Some(DepartmentRef {
            id: key_of(&id),
            code,
            name,
        }),
        _ => None,
    };
    SessionUser {
        id: key_of(&row.user),
        user_name: row.user_name,
        display_name: row.display_name,
        roles: row.roles.iter().filter_map(|r| r.parse().ok()).collect(),
        department,
    }
}

/// The `Set-Cookie` value for a new session, or for clearing it.
pub fn cookie(token: Option<&str>, secure: bool, max_age: Duration) -> String {
    let secure = if secure { "; Secure" } else { "" };
    match token {
        Some(token) => format!(
            "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
            max_age.as_secs()
        ),
        None => format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_http_only_same_site_and_secure_when_asked() {
        let set = cookie(Some("abc"), true, Duration::from_secs(60));
        assert_eq!(
            set,
            "isflow_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure"
        );
        let cleared = cookie(None, false, Duration::ZERO);
        assert!(cleared.contains("Max-Age=0") && !cleared.contains("Secure"));
    }

    #[test]
    fn a_session_is_touched_before_half_its_idle_timeout_has_passed() {
        let policy = |minutes: u64| SessionPolicy {
            idle: Duration::from_secs(minutes * 60),
            absolute: Duration::from_secs(3600),
        };
        assert_eq!(touch_after(policy(120)), TimeDelta::minutes(1));
        assert_eq!(touch_after(policy(1)), TimeDelta::seconds(30));
        assert_eq!(touch_after(policy(0)), TimeDelta::zero());
    }

    #[test]
    fn the_stored_key_is_a_hash_not_the_token() {
        let key = token_key("abc");
        assert_ne!(key, "abc");
        assert_eq!(key.len(), 64);
    }
}
