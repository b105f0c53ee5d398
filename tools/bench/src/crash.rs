//! The crash test: decisions from many sessions at once, the server
//! killed with SIGKILL at a random moment, restarted, and the database
//! checked: every decision the server acknowledged is there, no project
//! is half-changed, and the audit trail verifies. Round after round on
//! the same database, so each start is also a recovery.

use crate::college::{Size, people};
use crate::load::{self, decisions::Candidate};
use crate::server::{Launch, Server};
use crate::{Failure, args::Options};
use rand::{Rng, SeedableRng, rngs::StdRng};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub struct Settings {
    pub server: PathBuf,
    pub site: PathBuf,
    pub out: PathBuf,
    pub rounds: usize,
    pub projects: usize,
    pub sessions: usize,
    pub port: u16,
    pub seed: u64,
}

impl Settings {
    pub fn from(options: &Options) -> Result<Settings, Failure> {
        let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
        Ok(Settings {
            server: options
                .text_or("server", &format!("{target}/release/isflow"))
                .into(),
            site: options.text_or("site", "target/site").into(),
            out: options.text_or("out", "target/crash").into(),
            rounds: options.number("rounds", 20)?,
            projects: options.number("projects", 10_000)?,
            sessions: options.number("sessions", 24)?,
            port: options.number("port", 3191)? as u16,
            seed: options.number("seed", 7)? as u64,
        })
    }
}

/// A decision the server answered 200 to: it must survive anything.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Acknowledged {
    pub project: String,
    pub version_before: i64,
    pub stage: String,
}

#[derive(Default)]
struct Round {
    acknowledged: Vec<Acknowledged>,
    /// Sent, but the server died before answering: either outcome is right.
    unanswered: usize,
}

pub async fn run(settings: &Settings) -> Result<(), Failure> {
    let folder = settings.out.join("college");
    let _ = std::fs::remove_dir_all(&settings.out);
    std::fs::create_dir_all(&folder)?;
    let url = format!("surrealkv://{}", folder.join("db").display());
    let size = Size {
        projects: settings.projects,
        users: (settings.projects / 5).max(200),
    };
    crate::run::generate_in_child(&url, size, settings.seed, &settings.out).await?;
    let college = people::College::new(size.users, &mut StdRng::seed_from_u64(settings.seed));
    let cast = load::cast(&college, settings.sessions);
    let mut rng = StdRng::seed_from_u64(settings.seed);
    let mut pool: Option<Vec<Vec<Candidate>>> = None;
    let mut total = Round::default();

    for round in 1..=settings.rounds {
        let server = start(settings, &url, round).await?;
        let sessions = load::sign_in_all(&server.base, &cast, people::PASSWORD).await?;
        // What was left unsent last round, or, once that is used up, what
        // the college's new state offers each session now.
        let mut plans = pool.take().unwrap_or_default();
        if plans.iter().all(Vec::is_empty) {
            plans = load::prepare(&sessions, 200).await;
        }
        if plans.iter().all(Vec::is_empty) {
            return Err(Failure(
                "no decisions left to take; generate a larger college".into(),
            ));
        }
        let outcome = Arc::new(Mutex::new(Round::default()));
        let deciding: Vec<_> = sessions
            .into_iter()
            .zip(plans)
            .map(|(session, plan)| tokio::spawn(decide(session, plan, outcome.clone())))
            .collect();

        tokio::time::sleep(Duration::from_millis(rng.random_range(300..1500))).await;
        server.kill().await?;
        let mut left = Vec::new();
        for task in deciding {
            left.push(task.await.unwrap_or_default());
        }
        pool = Some(left);

        let this = std::mem::take(&mut *outcome.lock().map_err(|_| Failure("poisoned".into()))?);
        let checked = check_in_child(settings, &url, &this.acknowledged, round).await?;
        tracing::info!(
            round,
            acknowledged = this.acknowledged.len(),
            unanswered = this.unanswered,
            events = checked,
            "killed, restarted and checked"
        );
        total.acknowledged.extend(this.acknowledged);
        total.unanswered += this.unanswered;
    }

    // One last start: the database must still open after the last kill.
    start(settings, &url, settings.rounds + 1)
        .await?
        .stop()
        .await?;
    let summary = format!(
        "crash test passed: {} rounds of SIGKILL under load; {} acknowledged decisions all \
         present, {} unanswered, no project half-changed, audit trail verified after every round",
        settings.rounds,
        total.acknowledged.len(),
        total.unanswered
    );
    crate::say(&summary);
    Ok(())
}

async fn start(settings: &Settings, url: &str, round: usize) -> Result<Server, Failure> {
    Server::start(Launch {
        binary: &settings.server,
        db_url: url,
        site_root: &settings.site,
        port: settings.port,
        settings: &[],
        log: settings.out.join(format!("server-{round:02}.log")),
    })
    .await
}

/// Decides one candidate after another until the server goes away;
/// answers the candidates it never sent.
async fn decide(
    mut session: load::session::Session,
    mut plan: Vec<Candidate>,
    outcome: Arc<Mutex<Round>>,
) -> Vec<Candidate> {
    while let Some(candidate) = plan.pop() {
        let status = load::decisions::decide(&mut session, "crash decision", &candidate).await;
        let Ok(mut outcome) = outcome.lock() else {
            break;
        };
        match status {
            200 => outcome.acknowledged.push(Acknowledged {
                project: candidate.id.clone(),
                version_before: candidate.version,
                stage: candidate.request.stage.id().to_owned(),
            }),
            // No answer: the server died with the request in flight.
            599 => {
                outcome.unanswered += 1;
                break;
            }
            _ => {}
        }
    }
    plan
}

/// Checks the database in a process of its own, which releases the
/// embedded database's lock when it exits.
async fn check_in_child(
    settings: &Settings,
    url: &str,
    acknowledged: &[Acknowledged],
    round: usize,
) -> Result<i64, Failure> {
    let file = settings.out.join(format!("acknowledged-{round:02}.json"));
    let json = serde_json::to_string(acknowledged).unwrap_or_default();
    std::fs::write(&file, json)?;
    let output = tokio::process::Command::new(std::env::current_exe()?)
        .args(["crash-check", "--db", url, "--acknowledged"])
        .arg(&file)
        .env("RUST_LOG", "warn")
        .output()
        .await?;
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        return Err(Failure(format!(
            "round {round}: {said}{}",
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    said.trim()
        .parse()
        .map_err(|_| Failure(format!("round {round}: unexpected check output {said:?}")))
}

pub use check::check;

mod check {
    //! What must hold after a crash, read straight from the database.

    use super::Acknowledged;
    use crate::Failure;
    use app::backend::{audit, db::Db};
    use std::collections::HashMap;
    use surrealdb::types::{RecordId, SurrealValue};

    /// The writes that each raise a project's version by one.
    const VERSIONED: [&str; 5] = [
        "project.file",
        "project.decide",
        "project.invite_experts",
        "project.payment",
        "project.correct",
    ];

    #[derive(SurrealValue)]
    struct ProjectRow {
        id: RecordId,
        version: i64,
        stage: String,
    }

    #[derive(SurrealValue)]
    struct EventRow {
        seq: i64,
        subject: String,
        action: String,
        stage_before: String,
        stage_after: String,
        details: String,
    }

    /// Answers how many events the verified trail holds.
    pub async fn check(db: &Db, acknowledged: &[Acknowledged]) -> Result<i64, Failure> {
        let trail = audit::verify(db).await?;
        if let Some(broken) = trail.first_break {
            return Err(Failure(format!("the audit trail breaks: {broken:?}")));
        }
        let projects: Vec<ProjectRow> = db
            .query("SELECT id, version, stage FROM project")
            .await?
            .take(0)?;
        let events: Vec<EventRow> = db
            .query(
                "SELECT seq, subject, action, stage_before, stage_after, details FROM audit_event
                 WHERE action IN $actions ORDER BY seq",
            )
            .bind(("actions", VERSIONED.to_vec()))
            .await?
            .take(0)?;

        let mut by_project: HashMap<String, Vec<&EventRow>> = HashMap::new();
        for event in &events {
            by_project
                .entry(event.subject.clone())
                .or_default()
                .push(event);
        }
        for project in &projects {
            let subject = format!("project:{}", app::backend::ids::key_of(&project.id));
            let history = by_project.get(&subject).map_or(&[][..], Vec::as_slice);
            if project.version != 1 + history.len() as i64 {
                return Err(Failure(format!(
                    "{subject} is at version {} with {} recorded changes: half-applied",
                    project.version,
                    history.len()
                )));
            }
            // Inviting experts and recording a payment leave the stage
            // alone and say so by recording none.
            let staged = history.iter().rev().find(|e| !e.stage_after.is_empty());
            if let Some(last) = staged
                && last.stage_after != project.stage
            {
                return Err(Failure(format!(
                    "{subject} is at {} but its last event (#{}) took it to {}",
                    project.stage, last.seq, last.stage_after
                )));
            }
        }
        for decision in acknowledged {
            let subject = format!("project:{}", decision.project);
            let version = format!("\"version\":{}", decision.version_before + 1);
            let found = by_project.get(&subject).is_some_and(|history| {
                history.iter().any(|e| {
                    e.action == "project.decide"
                        && e.stage_before == decision.stage
                        && e.details.contains(&version)
                })
            });
            if !found {
                return Err(Failure(format!(
                    "the acknowledged decision on {subject} at {} is missing",
                    decision.stage
                )));
            }
        }
        Ok(trail.events)
    }
}
