//! Slows down password guessing: too many failed attempts for one account,
//! or from one client address, within a window refuses further attempts
//! until the window has passed. Kept in the database so every app server
//! sees the same counts.
//!
//! Each attempt is written down *before* the password is checked and
//! counted with it, so a burst of parallel guesses cannot all slip in
//! under the limit; a successful attempt erases the account's record.

use super::super::db::Db;
use std::time::Duration;

#[derive(Clone, Copy, Debug)]
pub struct ThrottlePolicy {
    pub window: Duration,
    pub per_account: u32,
    pub per_client: u32,
}

/// Records an attempt for `account` from `client` and answers whether it
/// goes over either limit. Expired records are dropped on the way.
pub async fn attempt_exceeds_limit(
    db: &Db,
    account: &str,
    client: &str,
    policy: ThrottlePolicy,
) -> Result<bool, surrealdb::Error> {
    let mut response = db
        .query(
            "LET $since = time::now() - $window;
             DELETE sign_in_failure WHERE at < $since;
             CREATE sign_in_failure SET user_name = $account, client = $client, at = time::now();
             RETURN array::len(SELECT VALUE id FROM sign_in_failure \
                 WHERE user_name = $account AND at >= $since);
             RETURN array::len(SELECT VALUE id FROM sign_in_failure \
                 WHERE client = $client AND at >= $since);",
        )
        .bind(("account", account.to_owned()))
        .bind(("client", client.to_owned()))
        .bind(("window", policy.window))
        .await?;
    let for_account: Option<i64> = response.take(3)?;
    let for_client: Option<i64> = response.take(4)?;
    Ok(for_account.unwrap_or(0) > i64::from(policy.per_account)
        || for_client.unwrap_or(0) > i64::from(policy.per_client))
}

/// A successful attempt wipes the account's record (not the client's:
/// one valid password must not reset guessing at other accounts).
pub async fn clear_account(db: &Db, account: &str) -> Result<(), surrealdb::Error> {
    db.query("DELETE sign_in_failure WHERE user_name = $account")
        .bind(("account", account.to_owned()))
        .await?
        .check()?;
    Ok(())
}
