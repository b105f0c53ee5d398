//! The connection to SurrealDB: embedded on disk (`surrealkv://`), in
//! memory (`mem://`) or a remote server (`ws://`), chosen by URL.

use super::migrations;
use std::time::Duration;
use surrealdb::{
    Surreal,
    engine::any::{self, Any},
    opt::{Config, auth::Root},
    types::QueryError,
};

pub type Db = Surreal<Any>;

pub const NAMESPACE: &str = "isflow";
pub const DATABASE: &str = "isflow";

/// Where the data lives and, for a remote server, how to sign in to it.
#[derive(Clone, Debug)]
pub struct DbSettings {
    pub url: String,
    pub user: Option<String>,
    pub password: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("could not open the database at {url}: {source}")]
    Connect {
        url: String,
        source: surrealdb::Error,
    },
    #[error("could not sign in to the database server: {0}")]
    SignIn(surrealdb::Error),
    #[error("could not select the namespace and database: {0}")]
    Select(surrealdb::Error),
    #[error(transparent)]
    Migrate(#[from] migrations::MigrationError),
}

/// Opens the database and brings its schema up to date.
pub async fn open(settings: &DbSettings) -> Result<Db, OpenError> {
    let db = connect(settings).await?;
    migrations::apply(&db).await?;
    Ok(db)
}

/// Opens the database as it is, schema untouched: for restoring a backup
/// into it, which brings its own schema.
pub async fn connect(settings: &DbSettings) -> Result<Db, OpenError> {
    let url = with_durable_sync(&settings.url);
    let config = Config::new()
        .query_timeout(Duration::from_secs(30))
        .transaction_timeout(Duration::from_secs(30));
    let db = any::connect((url.as_str(), config))
        .await
        .map_err(|source| OpenError::Connect {
            url: settings.url.clone(),
            source,
        })?;

    if let (Some(username), Some(password)) = (&settings.user, &settings.password) {
        let root = Root {
            username: username.clone(),
            password: password.clone(),
        };
        db.signin(root).await.map_err(OpenError::SignIn)?;
    }
    db.use_ns(NAMESPACE)
        .use_db(DATABASE)
        .await
        .map_err(OpenError::Select)?;
    Ok(db)
}

/// Every commit reaches the disk before it is acknowledged. This is the
/// 3.x default already; saying so keeps it that way if the default moves.
fn with_durable_sync(url: &str) -> String {
    if url.starts_with("surrealkv://") && !url.contains("sync=") {
        let separator = if url.contains('?') { '&' } else { '?' };
        format!("{url}{separator}sync=every")
    } else {
        url.to_owned()
    }
}

/// Waits until the embedded on-disk database has shut down, once the last
/// handle to it is dropped. SurrealDB closes it in the background: it
/// flushes what it holds in memory to its tables and releases its lock.
/// A process that exits before then leaves it all to be replayed from the
/// write-ahead log at the next start, which costs time and memory there.
/// Answers whether it closed in time; other engines have nothing to wait for.
pub async fn wait_until_closed(settings: &DbSettings, timeout: Duration) -> bool {
    let Some(lock) = lock_file(&settings.url) else {
        return true;
    };
    let deadline = std::time::Instant::now() + timeout;
    while std::time::Instant::now() < deadline {
        let released = std::fs::File::open(&lock).is_ok_and(|file| file.try_lock().is_ok());
        if released {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    false
}

/// The lock file of an on-disk database URL.
fn lock_file(url: &str) -> Option<std::path::PathBuf> {
    let path = url.strip_prefix("surrealkv://")?;
    let path = path.split('?').next().unwrap_or(path);
    Some(std::path::Path::new(path).join("LOCK"))
}

/// Two transactions touched the same records and this one lost.
pub fn is_conflict(error: &surrealdb::Error) -> bool {
    matches!(error.query_details(), Some(QueryError::TransactionConflict))
}

/// A write that a UNIQUE index refused.
pub fn is_unique_violation(error: &surrealdb::Error) -> bool {
    error.message().contains("already contains")
}

/// The error that broke a multi-statement transaction. Statements around
/// the failing one report "not executed" or "cancelled", which says
/// nothing about the cause.
pub fn root_cause(
    mut response: surrealdb::IndexedResults,
) -> Result<surrealdb::IndexedResults, surrealdb::Error> {
    let mut errors: Vec<(usize, surrealdb::Error)> = response.take_errors().into_iter().collect();
    if errors.is_empty() {
        return Ok(response);
    }
    errors.sort_by_key(|(index, _)| *index);
    let collateral = |error: &surrealdb::Error| {
        matches!(
            error.query_details(),
            Some(QueryError::NotExecuted | QueryError::Cancelled)
        )
    };
    let position = errors.iter().position(|(_, e)| !collateral(e)).unwrap_or(0);
    Err(errors.swap_remove(position).1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_on_disk_database_has_a_lock_to_wait_for() {
        assert_eq!(
            lock_file("surrealkv://data/isflow?sync=every"),
            Some(std::path::PathBuf::from("data/isflow/LOCK"))
        );
        assert_eq!(lock_file("mem://"), None);
        assert_eq!(lock_file("ws://db:8000"), None);
    }

    #[test]
    fn on_disk_urls_ask_for_a_sync_on_every_commit() {
        assert_eq!(
            with_durable_sync("surrealkv://data/isflow"),
            "surrealkv://data/isflow?sync=every"
        );
        assert_eq!(
            with_durable_sync("surrealkv://d?versioned=true"),
            "surrealkv://d?versioned=true&sync=every"
        );
        assert_eq!(
            with_durable_sync("surrealkv://d?sync=1s"),
            "surrealkv://d?sync=1s"
        );
        assert_eq!(with_durable_sync("mem://"), "mem://");
    }
}
