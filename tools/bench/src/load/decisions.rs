//! Decisions for the load to take: projects in each session's inbox whose
//! stage is complete and whose forward decision is that session's to
//! take, found before the clock starts, each claimed by one session only.

use super::session::Session;
use app::api::{InboxItem, ProjectDetail};
use app::domain::process::{Decision, DecisionRequest, Leads, decisions_open_to, definition};
use std::collections::HashSet;
use std::sync::Mutex;
use std::time::Instant;

/// The operation name of decisions taken back to back.
pub const BURST: &str = "decision (back to back)";
/// The operation name of decisions taken in the mixed run.
pub const MIXED: &str = "decision";

pub struct Candidate {
    pub id: String,
    pub version: i64,
    pub request: DecisionRequest,
}

pub type Candidates = Vec<Candidate>;

/// Up to `limit` ready decisions for each session, none shared.
pub async fn prepare(sessions: &[Session], limit: usize) -> Vec<Candidates> {
    let claimed = Mutex::new(HashSet::new());
    let finding = sessions
        .iter()
        .map(|session| candidates_for(session, &claimed, limit));
    futures::future::join_all(finding).await
}

async fn candidates_for(
    session: &Session,
    claimed: &Mutex<HashSet<String>>,
    limit: usize,
) -> Candidates {
    let inbox: Vec<InboxItem> = match session
        .call_untimed("projects/inbox", serde_json::json!({}))
        .await
    {
        Some(answer) => answer.json().unwrap_or_default(),
        None => Vec::new(),
    };
    let mut found = Vec::new();
    for item in inbox {
        if found.len() >= limit {
            break;
        }
        if item.decisions.is_empty() || item.on_behalf_of.is_some() {
            continue;
        }
        let fresh = claimed
            .lock()
            .map(|mut claimed| claimed.insert(item.project.id.clone()))
            .unwrap_or(false);
        if !fresh {
            continue;
        }
        let body = serde_json::json!({ "id": item.project.id });
        let detail: Option<ProjectDetail> = session
            .call_untimed("projects/detail", body)
            .await
            .and_then(|answer| answer.json());
        if let Some(request) = detail.as_ref().and_then(forward_request) {
            found.push(Candidate {
                id: item.project.id,
                version: detail.map_or(0, |d| d.version),
                request,
            });
        }
    }
    found
}

/// The decision that moves the project on, if the viewer may take it now.
fn forward_request(detail: &ProjectDetail) -> Option<DecisionRequest> {
    let state = &detail.state;
    if !state.missing_outputs().is_empty() {
        return None;
    }
    let stage = state.stage;
    let decision = decisions_open_to(state, &detail.me)
        .into_iter()
        .find(|d| definition(stage).leads(*d) == Some(Leads::Forward))?;
    let opinion = match decision {
        Decision::Approve => "同意。",
        Decision::Pass => "通过。",
        _ => "",
    };
    Some(DecisionRequest::new(stage, decision).with_reason(opinion))
}

pub async fn decide(session: &mut Session, operation: &'static str, candidate: &Candidate) -> u16 {
    let body = serde_json::json!({
        "id": candidate.id,
        "version": candidate.version,
        "request": candidate.request,
    });
    session
        .call(operation, "projects/decide", body)
        .await
        .status
}

/// Takes the session's decisions one after another until none are left
/// or the time is up.
pub async fn decide_all(
    mut session: Session,
    mut candidates: Candidates,
    deadline: Instant,
) -> Session {
    while Instant::now() < deadline {
        let Some(candidate) = candidates.pop() else {
            break;
        };
        decide(&mut session, BURST, &candidate).await;
    }
    session
}
