//! Where each synthetic project's walk takes it: its department, budget
//! (spread over every approval tier), category, age and final stage.

use super::people::College;
use super::walk::{Goal, Plan};
use crate::Failure;
use app::domain::process::StageId;
use app::domain::{ApplicationDraft, CATALOGUE, CalendarDate, Lang, Timestamp};
use rand::{Rng, rngs::StdRng};

const DAY_MS: i64 = 86_400_000;
/// Projects began within the last three years.
pub const HISTORY_MS: i64 = 3 * 365 * DAY_MS;

/// Budget ranges in yuan and how often each occurs: most projects are
/// small, a few need a meeting.
const BUDGETS: &[(u64, u64, f64)] = &[
    (8_000, 49_999, 0.35),
    (50_000, 199_999, 0.30),
    (200_000, 499_999, 0.15),
    (500_000, 4_999_999, 0.15),
    (5_000_000, 12_000_000, 0.05),
];

/// Stages at which a project can be rejected.
const REJECTING: [StageId; 3] = [
    StageId::InitiationApproval,
    StageId::Feasibility,
    StageId::BudgetApproval,
];

pub fn plans(
    college: &College,
    count: usize,
    now_ms: i64,
    rng: &mut StdRng,
) -> Result<Vec<Plan>, Failure> {
    (0..count)
        .map(|n| {
            let department = college.business[n % college.business.len()];
            let created_ms = now_ms - rng.random_range(7 * DAY_MS..HISTORY_MS);
            // The last step happened some time before now: a project
            // waits at its stage for a while, some long enough to be late.
            let waiting = rng.random_range(0..(now_ms - created_ms) / 3);
            Ok(Plan {
                department,
                application: application(n, created_ms, rng)?,
                goal: goal(rng),
                created_ms,
                until_ms: now_ms - waiting,
            })
        })
        .collect()
}

fn goal(rng: &mut StdRng) -> Goal {
    let roll: f64 = rng.random();
    if roll < 0.12 {
        Goal::Finished
    } else if roll < 0.18 {
        Goal::Rejected(REJECTING[rng.random_range(0..REJECTING.len())])
    } else {
        Goal::At {
            stage: StageId::ALL[rng.random_range(0..StageId::ALL.len())],
            ready: rng.random_bool(0.7),
        }
    }
}

fn budget_yuan(rng: &mut StdRng) -> u64 {
    let mut roll: f64 = rng.random();
    for (low, high, share) in BUDGETS {
        if roll < *share {
            return rng.random_range(*low..=*high);
        }
        roll -= share;
    }
    BUDGETS[0].0
}

fn application(
    n: usize,
    created_ms: i64,
    rng: &mut StdRng,
) -> Result<app::domain::Application, Failure> {
    let category = &CATALOGUE[rng.random_range(0..CATALOGUE.len())];
    let created = Timestamp(created_ms).to_local_date();
    let go_live = Timestamp(created_ms + 365 * DAY_MS).to_local_date();
    let networked = rng.random_bool(0.7);
    let draft = ApplicationDraft {
        name: format!("{}系统建设（{:06}）", category.name(Lang::Zh), n + 1),
        category: category.code().to_string(),
        connects_to_network: networked,
        serves_beyond_unit: rng.random_bool(0.6),
        budget: budget_yuan(rng).to_string(),
        basis_higher_requirements: rng.random_bool(0.4),
        basis_development_plan: true,
        basis_business_need: rng.random_bool(0.8),
        basis_explanation: "落实学校信息化发展规划，满足部门业务需要。".into(),
        objectives: "实现业务全流程线上办理，提升管理效率与服务质量。".into(),
        scope_and_users: "全校师生及相关管理部门。".into(),
        expected_go_live: go_live,
        contact_name: "张老师".into(),
        contact_phone: "020-8888 1234".into(),
    };
    let today = CalendarDate::parse(&created).unwrap_or(CalendarDate::EARLIEST);
    draft
        .validate(today)
        .map_err(|problems| Failure(format!("a synthetic application is refused: {problems:?}")))
}
