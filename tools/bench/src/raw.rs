//! The baseline: plain creates straight into an embedded SurrealDB with
//! the durability ISFlow uses (every commit synced), from as many writers
//! as the load has deciding sessions, so a decision's overhead over the
//! database's own cost is a ratio measured on the same machine, same run.

use crate::Failure;
use crate::load::stats::{OperationStats, Outcome, Recorder};
use std::path::Path;
use std::time::{Duration, Instant};

pub const OPERATION: &str = "raw create";

/// A record the size of an audit event.
fn row(writer: usize, n: usize) -> serde_json::Value {
    serde_json::json!({
        "seq": n as i64,
        "actor": format!("writer{writer}"),
        "actor_name": "基准测试写入者",
        "roles": "it_head",
        "action": "project.decide",
        "subject": format!("project:{writer}x{n}"),
        "stage_before": "initiation_approval",
        "stage_after": "feasibility",
        "comment": "同意。",
        "details": "{\"decision\":\"approve\",\"status\":\"active\",\"version\":7}",
        "hash": "0".repeat(64),
    })
}

pub async fn creates(
    folder: &Path,
    writers: usize,
    seconds: u64,
) -> Result<OperationStats, Failure> {
    let url = format!("surrealkv://{}", folder.join("raw").display());
    let db = crate::open(&url).await?;
    db.query("DEFINE TABLE raw_event SCHEMALESS")
        .await?
        .check()?;

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let runs = (0..writers.max(1)).map(|writer| {
        let db = db.clone();
        tokio::spawn(async move {
            let mut recorder = Recorder::default();
            let mut n = 0;
            while Instant::now() < deadline {
                n += 1;
                let began = Instant::now();
                let written = db
                    .query("CREATE raw_event CONTENT $row")
                    .bind(("row", row(writer, n)))
                    .await
                    .and_then(|response| response.check());
                let outcome = if written.is_ok() {
                    Outcome::Ok
                } else {
                    Outcome::Error
                };
                recorder.record(OPERATION, began.elapsed(), outcome);
            }
            recorder
        })
    });
    let mut recorder = Recorder::default();
    for finished in futures::future::join_all(runs).await.into_iter().flatten() {
        recorder.merge(finished);
    }
    let seconds = started.elapsed().as_secs_f64();
    recorder
        .summary(seconds)
        .into_iter()
        .next()
        .ok_or_else(|| Failure("no raw creates were made".into()))
}
