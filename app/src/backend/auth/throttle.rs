//! Slows down password guessing: too many failed sign-ins for one account,
//! or from one client address, within a window refuses further attempts
//! until the window has passed. Kept in the database so every app server
//! sees the same counts.

use super::super::db::Db;
use chrono::{TimeDelta, Utc};
use std::time::Duration;
use surrealdb::types::Datetime;

#[derive(Clone, Copy, Debug)]
pub struct ThrottlePolicy {
    pub window: Duration,
    pub per_account: u32,
    pub per_client: u32,
}

pub async fn is_throttled(
    db: &Db,
    user_name: &str,
    client: &str,
    policy: ThrottlePolicy,
) -> Result<bool, surrealdb::Error> {
    let mut response = db
        .query(
            "RETURN array::len(SELECT VALUE id FROM sign_in_failure \
                 WHERE user_name = $user_name AND at > $since);
             RETURN array::len(SELECT VALUE id FROM sign_in_failure \
                 WHERE client = $client AND at > $since);",
        )
        .bind(("user_name", user_name.to_owned()))
        .bind(("client", client.to_owned()))
        .bind(("since", window_start(policy)))
        .await?;
    let for_account: Option<i64> = response.take(0)?;
    let for_client: Option<i64> = response.take(1)?;
    Ok(for_account.unwrap_or(0) >= i64::from(policy.per_account)
        || for_client.unwrap_or(0) >= i64::from(policy.per_client))
}

/// Notes a failure, and forgets those that have left the window.
pub async fn record_failure(
    db: &Db,
    user_name: &str,
    client: &str,
    policy: ThrottlePolicy,
) -> Result<(), surrealdb::Error> {
    db.query(
        "CREATE sign_in_failure SET user_name = $user_name, client = $client, at = time::now();
         DELETE sign_in_failure WHERE (user_name = $user_name OR client = $client) AND at < $since;",
    )
    .bind(("user_name", user_name.to_owned()))
    .bind(("client", client.to_owned()))
    .bind(("since", window_start(policy)))
    .await?
    .check()?;
    Ok(())
}

/// A successful sign-in wipes the account's failures (not the client's:
/// one valid password must not reset guessing at other accounts).
pub async fn clear_account(db: &Db, user_name: &str) -> Result<(), surrealdb::Error> {
    db.query("DELETE sign_in_failure WHERE user_name = $user_name")
        .bind(("user_name", user_name.to_owned()))
        .await?
        .check()?;
    Ok(())
}

fn window_start(policy: ThrottlePolicy) -> Datetime {
    let window = TimeDelta::from_std(policy.window).unwrap_or(TimeDelta::days(1));
    Datetime::from(Utc::now() - window)
}
