//! A synthetic college of a chosen size, written straight into the
//! database: departments and users, projects in every stage and tier
//! walked there by the process's own rules, their entries, documents,
//! payments and register entries, and one audit trail over all of it,
//! hash-chained in time order exactly as ISFlow chains it.

mod drafts;
mod ledger;
pub mod people;
mod plan;
mod rows;
mod walk;

use crate::Failure;
use app::backend::{audit::By, audit::Event, db::Db};
use people::College;
use rand::{SeedableRng, rngs::StdRng};
use rows::{BlobRow, DepartmentRow, UserRow, at, id};
use std::time::Instant;
use surrealdb::types::SurrealValue;

/// How big a college to make.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub projects: usize,
    pub users: usize,
}

impl Size {
    /// The default college: ten thousand projects, two thousand users.
    pub fn standard(factor: usize) -> Size {
        Size {
            projects: 10_000 * factor,
            users: 2_000 * factor,
        }
    }
}

/// What was written, for the report.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Counts {
    pub departments: usize,
    pub users: usize,
    pub projects: usize,
    pub entries: usize,
    pub documents: usize,
    pub systems: usize,
    pub payments: usize,
    pub events: usize,
    pub seconds: f64,
}

/// Rows per INSERT: large enough that the per-statement cost vanishes,
/// small enough to stay far below the engine's transaction size limit.
const BATCH: usize = 500;
/// Projects walked between writes.
const CHUNK: usize = 2_000;

pub async fn generate(db: &Db, size: Size, seed: u64) -> Result<Counts, Failure> {
    let started = Instant::now();
    let mut rng = StdRng::seed_from_u64(seed);
    let college = College::new(size.users, &mut rng);
    let now_ms = chrono::Utc::now().timestamp_millis();
    let mut counts = Counts::default();
    let mut events: Vec<(i64, Event)> = Vec::new();

    let history_starts = now_ms - plan::HISTORY_MS - 86_400_000;
    write_people(db, &college, history_starts, &mut events, &mut counts).await?;
    write_blob(db).await?;

    let plans = plan::plans(&college, size.projects, now_ms, &mut rng)?;
    for chunk in plans.chunks(CHUNK) {
        let mut walked = Vec::with_capacity(chunk.len());
        for plan in chunk {
            let mut project = walk::walk(&college, plan, &mut rng)
                .map_err(|error| Failure(format!("generating a project: {error}")))?;
            let ledger = ledger::entries(&college, plan, &mut project, &mut rng);
            walked.push((project, ledger));
        }
        write_projects(db, walked, &mut events, &mut counts).await?;
        tracing::info!(projects = counts.projects, "projects written");
    }

    counts.events = write_trail(db, events).await?;
    counts.seconds = started.elapsed().as_secs_f64();
    tracing::info!(?counts, "synthetic college written");
    Ok(counts)
}

async fn insert<T: SurrealValue>(db: &Db, table: &str, rows: Vec<T>) -> Result<(), Failure> {
    for batch in chunked(rows) {
        db.query(format!("INSERT INTO {table} $rows"))
            .bind(("rows", batch))
            .await
            .and_then(|response| response.check())
            .map_err(|error| Failure(format!("writing {table}: {error}")))?;
    }
    Ok(())
}

fn chunked<T>(rows: Vec<T>) -> Vec<Vec<T>> {
    let mut batches = Vec::new();
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        batches.push(rows.by_ref().take(BATCH).collect());
    }
    batches
}

const SEEDING: By = By::System("synthetic college");

async fn write_people(
    db: &Db,
    college: &College,
    when: i64,
    events: &mut Vec<(i64, Event)>,
    counts: &mut Counts,
) -> Result<(), Failure> {
    let hash = app::backend::auth::password::hash(people::PASSWORD.to_owned())
        .await
        .map_err(|error| Failure(error.to_string()))?;
    let departments: Vec<DepartmentRow> = college
        .departments
        .iter()
        .map(|d| DepartmentRow {
            id: id("department", &d.key),
            code: d.code.clone(),
            name: d.name.clone(),
            kind: d.kind.to_owned(),
            supervisor: d.supervisor.map(|p| id("user", &college.people[p].key)),
            created_at: at(when),
        })
        .collect();
    let users: Vec<UserRow> = college
        .people
        .iter()
        .map(|p| UserRow {
            id: id("user", &p.key),
            user_name: p.user_name.clone(),
            display_name: p.display_name.clone(),
            password_hash: hash.as_str().to_owned(),
            department: p
                .department
                .map(|d| id("department", &college.departments[d].key)),
            roles: p.roles.iter().map(|r| r.id().to_owned()).collect(),
            enabled: true,
            created_at: at(when),
        })
        .collect();
    for p in &college.people {
        let roles: Vec<&str> = p.roles.iter().map(|r| r.id()).collect();
        let event = Event::new(SEEDING, "user.create", format!("user:{}", p.key)).details(
            &serde_json::json!({
                "user_name": p.user_name, "display_name": p.display_name, "roles": roles,
                "department": p.department.map(|d| college.departments[d].key.clone()),
            }),
        );
        events.push((when, event));
    }
    for d in &college.departments {
        let event = Event::new(SEEDING, "department.save", format!("department:{}", d.key))
            .details(&serde_json::json!({ "code": d.code, "name": d.name, "kind": d.kind }));
        events.push((when, event));
    }
    counts.departments = departments.len();
    counts.users = users.len();
    insert(db, "department", departments).await?;
    insert(db, "user", users).await
}

async fn write_blob(db: &Db) -> Result<(), Failure> {
    let bytes = walk::DOCUMENT_BYTES;
    let sha256 = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(bytes));
    let blob = BlobRow {
        id: id("blob", &sha256),
        data: surrealdb::types::Bytes::from(bytes.to_vec()),
        size: bytes.len() as i64,
    };
    insert(db, "blob", vec![blob]).await
}

async fn write_projects(
    db: &Db,
    walked: Vec<(walk::Walked, ledger::Ledger)>,
    events: &mut Vec<(i64, Event)>,
    counts: &mut Counts,
) -> Result<(), Failure> {
    let (mut projects, mut entries, mut documents, mut systems) = (vec![], vec![], vec![], vec![]);
    let (mut payments, mut assets) = (vec![], vec![]);
    for (project, ledger) in walked {
        projects.push(project.project);
        entries.extend(project.entries);
        documents.extend(project.documents);
        systems.extend(project.system);
        events.extend(project.events);
        payments.extend(ledger.payments);
        assets.extend(ledger.asset);
        events.extend(ledger.events);
    }
    counts.projects += projects.len();
    counts.entries += entries.len();
    counts.documents += documents.len();
    counts.systems += systems.len();
    counts.payments += payments.len();
    insert(db, "project", projects).await?;
    insert(db, "project_entry", entries).await?;
    insert(db, "document", documents).await?;
    insert(db, "system", systems).await?;
    insert(db, "payment", payments).await?;
    insert(db, "asset", assets).await
}

/// Seals every event into one chain in the order they happened and sets
/// the head, as `audit::commit` would have one by one.
async fn write_trail(db: &Db, mut events: Vec<(i64, Event)>) -> Result<usize, Failure> {
    events.sort_by_key(|(when, _)| *when);
    let total = events.len();
    let mut prev_hash = String::new();
    let mut seq = 0;
    let mut batch = Vec::with_capacity(BATCH);
    for (when, event) in events {
        seq += 1;
        let sealed = event.seal_at(seq, &prev_hash, when);
        prev_hash = sealed.hash.clone();
        batch.push(sealed);
        if batch.len() == BATCH {
            insert(db, "audit_event", std::mem::take(&mut batch)).await?;
        }
    }
    insert(db, "audit_event", batch).await?;
    db.query("UPSERT audit_head:current SET seq = $seq, hash = $hash")
        .bind(("seq", seq))
        .bind(("hash", prev_hash))
        .await
        .and_then(|response| response.check())
        .map_err(|error| Failure(format!("writing the audit head: {error}")))?;
    Ok(total)
}
