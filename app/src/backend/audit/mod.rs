//! The audit trail: every action appends an event in the same transaction
//! as the change it records. Events form a hash chain (each holds the hash
//! of the one before), and a head record names the newest, so editing,
//! deleting or truncating the trail is detected by `verify`.

mod event;
mod verify;

pub use event::{By, Event, Sealed};
pub use verify::{Break, Report, verify};

use super::db::{Db, is_conflict, root_cause};
use surrealdb::types::{SurrealValue, Value};

/// How often an append is retried when another writer got in first.
const ATTEMPTS: usize = 20;

/// Appends from this process take turns, so they never race each other;
/// the retries are for other app servers sharing a remote database.
static APPENDING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Runs `change` (SurrealQL statements, with `vars` bound) and appends
/// `event` to the trail, in one transaction. Nothing is written unless both
/// are. When another append moved the chain's head meanwhile, the whole
/// transaction is tried again on the new head.
pub async fn commit(
    db: &Db,
    event: &Event,
    change: &str,
    vars: &[(&'static str, Value)],
) -> Result<(), surrealdb::Error> {
    let script = format!(
        "BEGIN TRANSACTION;
         {change}
         IF (audit_head:current.hash ?? '') != $audit_prev {{ THROW 'audit_moved' }};
         CREATE audit_event CONTENT $audit_event;
         UPSERT audit_head:current SET seq = $audit_seq, hash = $audit_hash;
         COMMIT TRANSACTION;"
    );

    let _turn = APPENDING.lock().await;
    let mut attempt = 0;
    loop {
        attempt += 1;
        let head = head(db).await?;
        let sealed = event.seal(head.seq + 1, &head.hash);
        let mut query = db.query(script.as_str());
        for (name, value) in vars {
            query = query.bind((*name, value.clone()));
        }
        let outcome = query
            .bind(("audit_prev", head.hash.clone()))
            .bind(("audit_seq", sealed.seq))
            .bind(("audit_hash", sealed.hash.clone()))
            .bind(("audit_event", sealed))
            .await
            .and_then(root_cause);
        match outcome {
            Ok(_) => return Ok(()),
            Err(error) if (is_conflict(&error) || moved(&error)) && attempt < ATTEMPTS => {
                tracing::debug!(attempt, "audit append raced another writer; retrying");
                let pause = rand::random_range(1..=10 * attempt as u64);
                tokio::time::sleep(std::time::Duration::from_millis(pause)).await;
            }
            Err(error) => return Err(error),
        }
    }
}

/// Another append committed between reading the head and writing ours.
pub fn moved(error: &surrealdb::Error) -> bool {
    error.is_thrown() && error.message().contains("audit_moved")
}

#[derive(SurrealValue, Default)]
struct Head {
    seq: i64,
    hash: String,
}

async fn head(db: &Db) -> Result<Head, surrealdb::Error> {
    let head: Option<Head> = db
        .query("SELECT seq, hash FROM ONLY audit_head:current")
        .await?
        .take(0)?;
    Ok(head.unwrap_or_default())
}
