//! What one session does in the mixed run, and how often.

use super::Pace;
use super::cast::Cast;
use super::decisions::{self, Candidates};
use super::session::{Session, project_links};
use app::domain::{ApprovalTier, CATALOGUE, Role, Timestamp};
use rand::{Rng, SeedableRng, rngs::StdRng};
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug)]
enum Action {
    Inbox,
    Board,
    Project,
    Filter,
    Changes,
    Decide,
    RequestChange,
}

/// Relative weights: a person mostly reads; some decide; clerks apply.
fn weights(role: Role) -> &'static [(Action, u32)] {
    use Action::*;
    match role {
        Role::DeptClerk => &[
            (Inbox, 25),
            (Board, 10),
            (Project, 30),
            (Filter, 10),
            (Changes, 5),
            (Decide, 10),
            (RequestChange, 10),
        ],
        Role::Expert | Role::Contractor => &[(Inbox, 35), (Board, 10), (Project, 45), (Decide, 10)],
        _ => &[
            (Inbox, 25),
            (Board, 15),
            (Project, 25),
            (Filter, 15),
            (Changes, 5),
            (Decide, 15),
        ],
    }
}

struct Known {
    links: Vec<String>,
    system: Option<Option<String>>,
}

pub async fn run(
    mut session: Session,
    member: Cast,
    mut candidates: Candidates,
    deadline: Instant,
    pace: Pace,
    seed: u64,
) -> (Session, Candidates) {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut known = Known {
        links: Vec::new(),
        system: None,
    };
    // Sessions start at different moments, as people do.
    sleep(&mut rng, pace.think_ms, deadline).await;
    while Instant::now() < deadline {
        let action = pick(&mut rng, weights(member.role));
        act(
            &mut session,
            &member,
            &mut known,
            &mut candidates,
            action,
            &mut rng,
        )
        .await;
        sleep(&mut rng, pace.think_ms, deadline).await;
    }
    (session, candidates)
}

fn pick(rng: &mut StdRng, weights: &[(Action, u32)]) -> Action {
    let total: u32 = weights.iter().map(|(_, w)| w).sum();
    let mut roll = rng.random_range(0..total);
    for (action, weight) in weights {
        if roll < *weight {
            return *action;
        }
        roll -= weight;
    }
    Action::Inbox
}

async fn sleep(rng: &mut StdRng, mean_ms: u64, deadline: Instant) {
    let uniform: f64 = rng.random_range(f64::EPSILON..1.0);
    let pause = (-uniform.ln() * mean_ms as f64).min(mean_ms as f64 * 4.0);
    let until = (Instant::now() + Duration::from_millis(pause as u64)).min(deadline);
    tokio::time::sleep_until(until.into()).await;
}

async fn act(
    session: &mut Session,
    member: &Cast,
    known: &mut Known,
    candidates: &mut Candidates,
    action: Action,
    rng: &mut StdRng,
) {
    match action {
        Action::Inbox => {
            let page = session.page("inbox page", "/inbox").await;
            remember(known, &page.text());
        }
        Action::Board => {
            let page = session.page("board page", "/board").await;
            remember(known, &page.text());
        }
        Action::Project => match known
            .links
            .get(rng.random_range(0..known.links.len().max(1)))
        {
            Some(id) => {
                let path = format!("/projects/{id}");
                session.page("project page", &path).await;
            }
            None => {
                let page = session.page("inbox page", "/inbox").await;
                remember(known, &page.text());
            }
        },
        Action::Filter => {
            let filter = random_filter(member, rng);
            session
                .call(
                    "board filter",
                    "projects/board",
                    serde_json::json!({ "filter": filter }),
                )
                .await;
        }
        Action::Changes => {
            session.page("changes page", "/changes").await;
        }
        Action::Decide => {
            if let Some(candidate) = candidates.pop() {
                decisions::decide(session, decisions::MIXED, &candidate).await;
            }
        }
        Action::RequestChange => request_change(session, member, known).await,
    }
}

fn remember(known: &mut Known, html: &str) {
    let links = project_links(html);
    if !links.is_empty() {
        known.links = links;
        known.links.truncate(100);
    }
}

fn random_filter(member: &Cast, rng: &mut StdRng) -> app::api::BoardFilter {
    let mut filter = app::api::BoardFilter::default();
    match rng.random_range(0..4) {
        0 => filter.department = member.department.clone().unwrap_or_default(),
        1 => {
            filter.category = CATALOGUE[rng.random_range(0..CATALOGUE.len())]
                .code()
                .to_string()
        }
        2 => filter.tier = ApprovalTier::ALL[rng.random_range(0..5)].id().to_owned(),
        _ => filter.overdue_only = true,
    }
    if rng.random_bool(0.3) {
        let year = Timestamp(chrono::Utc::now().timestamp_millis()).local_year();
        filter.year = (year - rng.random_range(0..3)).to_string();
    }
    filter
}

/// A clerk applies for a change to one of their department's systems.
async fn request_change(session: &mut Session, member: &Cast, known: &mut Known) {
    if known.system.is_none() {
        let filter = serde_json::json!({ "filter": { "department": member.department } });
        let systems: Vec<app::api::SystemSummary> = session
            .call_untimed("systems/list", filter)
            .await
            .and_then(|answer| answer.json())
            .unwrap_or_default();
        known.system = Some(systems.first().map(|s| s.id.clone()));
    }
    let Some(Some(system)) = &known.system else {
        return;
    };
    let in_a_month = Timestamp(chrono::Utc::now().timestamp_millis() + 30 * 86_400_000);
    let draft = serde_json::json!({
        "system": system,
        "execute_at": format!("{} 10:00", in_a_month.to_local_date()),
        "origin": "user",
        "scope": "modified",
        "other_explanation": "",
        "target": "software",
        "triggers": ["new_feature"],
        "reason": "业务流程调整，需要增加审批环节。",
        "description": "在申请模块增加部门负责人审核步骤。",
        "impact": "影响申请模块，预计停机十分钟。",
    });
    session
        .call(
            "change request",
            "changes/submit",
            serde_json::json!({ "draft": draft }),
        )
        .await;
}
