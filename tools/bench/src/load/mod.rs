//! The load client: concurrent sessions of the college's roles, each
//! doing what its people do (open the inbox and the board, read
//! projects, filter, decide, apply for changes), timed per operation.

mod cast;
pub mod decisions;
mod mix;
pub mod session;
pub mod stats;

pub use cast::{Cast, cast};
use session::Session;
use stats::{OperationStats, Recorder};
use std::time::{Duration, Instant};

use crate::Failure;

/// How the mixed run behaves.
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct Pace {
    pub seconds: u64,
    /// Mean pause between one session's actions, as a person reading the
    /// page they just opened; exponential, so some click at once.
    pub think_ms: u64,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct MixedReport {
    pub sessions: usize,
    pub pace: Pace,
    pub requests_per_second: f64,
    pub operations: Vec<OperationStats>,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct BurstReport {
    pub sessions: usize,
    pub seconds: f64,
    pub decisions: OperationStats,
}

/// Signs every cast member in, each in their own browser, a few at a
/// time as the server hashes passwords.
pub async fn sign_in_all(
    base: &str,
    cast: &[Cast],
    password: &str,
) -> Result<Vec<Session>, Failure> {
    use futures::StreamExt;
    let signing = cast
        .iter()
        .map(|member| Session::sign_in(base, &member.user_name, password));
    futures::stream::iter(signing)
        .buffered(4)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect()
}

/// The realistic mix: every session acts, pauses, acts again, until the
/// time is up.
pub async fn mixed(
    sessions: Vec<Session>,
    cast: &[Cast],
    plans: Vec<decisions::Candidates>,
    pace: Pace,
) -> (MixedReport, Vec<Session>, Vec<decisions::Candidates>) {
    let count = sessions.len();
    let deadline = Instant::now() + Duration::from_secs(pace.seconds);
    let started = Instant::now();
    let runs = sessions
        .into_iter()
        .zip(cast.iter().cloned())
        .zip(plans)
        .enumerate()
        .map(|(n, ((session, member), candidates))| {
            tokio::spawn(mix::run(
                session, member, candidates, deadline, pace, n as u64,
            ))
        });
    let finished = futures::future::join_all(runs).await;
    let seconds = started.elapsed().as_secs_f64();

    let mut recorder = Recorder::default();
    let mut sessions = Vec::new();
    let mut left = Vec::new();
    for (mut session, candidates) in finished.into_iter().flatten() {
        recorder.merge(std::mem::take(&mut session.recorder));
        sessions.push(session);
        left.push(candidates);
    }
    let operations = recorder.summary(seconds);
    let total: usize = operations.iter().map(|o| o.count).sum();
    let report = MixedReport {
        sessions: count,
        pace,
        requests_per_second: total as f64 / seconds,
        operations,
    };
    (report, sessions, left)
}

/// Durable decisions as fast as the sessions can take them: each session
/// decides its own prepared projects back to back.
pub async fn burst(
    sessions: Vec<Session>,
    plans: Vec<decisions::Candidates>,
    seconds: u64,
) -> BurstReport {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let deciding = plans.iter().filter(|c| !c.is_empty()).count();
    let runs = sessions
        .into_iter()
        .zip(plans)
        .map(|(session, candidates)| {
            tokio::spawn(decisions::decide_all(session, candidates, deadline))
        });
    let finished = futures::future::join_all(runs).await;
    let seconds = started.elapsed().as_secs_f64();
    let mut recorder = Recorder::default();
    for session in finished.into_iter().flatten() {
        recorder.merge(session.recorder);
    }
    let decisions = recorder
        .summary(seconds)
        .into_iter()
        .find(|o| o.operation == decisions::BURST)
        .unwrap_or_else(|| stats::OperationStats::empty(decisions::BURST));
    BurstReport {
        sessions: deciding,
        seconds,
        decisions,
    }
}

pub use decisions::prepare;
