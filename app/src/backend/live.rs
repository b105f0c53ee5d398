//! Changes pushed to the browsers that show them. One hub per server
//! listens to the database's live queries on projects and change requests
//! and fans each change out to every connected browser; the route that
//! serves a browser sends only what its user may see.

use super::{db::Db, ids::key_of};
use futures::StreamExt;
use serde::Serialize;
use std::sync::{Arc, Mutex};
use surrealdb::types::{RecordId, Value};
use tokio::sync::{broadcast, watch};

/// What changed: a project, or a change request of a project. The browser
/// reloads what it shows of it; the record itself is never sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LiveEvent {
    /// `project` or `change`.
    pub kind: &'static str,
    pub id: String,
    /// The project it belongs to, for checking who may see it.
    pub project: String,
    /// The record's version after the change, so that a page that has
    /// already loaded it (after its own action) does not load it again.
    pub version: i64,
}

/// Events missed by a browser that is too slow are dropped for it; it then
/// reloads everything (see `Lagged` in the route).
const BACKLOG: usize = 1024;

#[derive(Clone, Debug)]
pub struct LiveHub {
    sender: broadcast::Sender<LiveEvent>,
    /// Set when the server shuts down: every browser's stream ends, so the
    /// server can finish, and the relays stop.
    closing: watch::Sender<bool>,
    relays: Arc<Mutex<Vec<tokio::task::AbortHandle>>>,
}

impl Default for LiveHub {
    fn default() -> Self {
        LiveHub {
            sender: broadcast::channel(BACKLOG).0,
            closing: watch::channel(false).0,
            relays: Arc::default(),
        }
    }
}

impl LiveHub {
    pub fn subscribe(&self) -> broadcast::Receiver<LiveEvent> {
        self.sender.subscribe()
    }

    /// Resolves once the server is shutting down.
    pub fn closing(&self) -> impl Future<Output = ()> + Send + 'static {
        let mut closing = self.closing.subscribe();
        async move {
            // An error means the hub is gone, which is closing too.
            let _ = closing.wait_for(|closing| *closing).await;
        }
    }

    /// Ends every browser's stream and stops relaying; the relays' handles
    /// on the database go with them.
    pub fn close(&self) {
        self.closing.send_replace(true);
        if let Ok(relays) = self.relays.lock() {
            for relay in relays.iter() {
                relay.abort();
            }
        }
    }

    /// Starts listening to the database: the live queries are registered
    /// before this returns, so no change made after it is missed. Each is
    /// then relayed by a task of its own, which registers its query again
    /// if the database drops it.
    pub async fn listen(&self, db: &Db) -> Result<(), surrealdb::Error> {
        for table in TABLES {
            let stream = db.select::<Vec<Value>>(table).live().await?;
            let task = tokio::spawn(relay(db.clone(), table, self.sender.clone(), stream));
            if let Ok(mut relays) = self.relays.lock() {
                relays.push(task.abort_handle());
            }
        }
        tracing::info!("listening for changes to projects and change requests");
        Ok(())
    }
}

const TABLES: [&str; 2] = ["project", "change_request"];

type Changes = surrealdb::method::Stream<Vec<Value>>;

async fn relay(
    db: Db,
    table: &'static str,
    sender: broadcast::Sender<LiveEvent>,
    mut stream: Changes,
) {
    loop {
        while let Some(notification) = stream.next().await {
            match notification {
                Ok(notification) => {
                    if let Some(event) = event_of(table, &notification.data) {
                        // Nobody listening is not an error.
                        let _ = sender.send(event);
                    }
                }
                Err(error) => tracing::warn!(table, %error, "a change could not be read"),
            }
        }
        tracing::error!(table, "the live query ended; registering it again");
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            match db.select::<Vec<Value>>(table).live().await {
                Ok(again) => {
                    stream = again;
                    break;
                }
                Err(error) => tracing::error!(table, %error, "live query refused"),
            }
        }
    }
}

fn record(value: &Value) -> Option<&RecordId> {
    match value {
        Value::RecordId(id) => Some(id),
        _ => None,
    }
}

fn event_of(table: &str, data: &Value) -> Option<LiveEvent> {
    let id = record(data.get("id"))?;
    let version = match data.get("version") {
        Value::Number(number) => number.to_int().unwrap_or_default(),
        _ => 0,
    };
    match table {
        "project" => Some(LiveEvent {
            kind: "project",
            id: key_of(id),
            project: key_of(id),
            version,
        }),
        _ => Some(LiveEvent {
            kind: "change",
            id: key_of(id),
            project: key_of(record(data.get("project"))?),
            version,
        }),
    }
}
