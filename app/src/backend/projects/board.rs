//! The board (every active project I may see, by stage) and the ledger
//! of projects behind its export.

use super::super::{auth::session::Actor, authz, db::Db, errors::internal};
use super::{
    ProjectRecord, now,
    record::{RECORD_FIELDS, VIEWER, viewer_query},
};
use crate::api::{AppError, BoardCard, BoardFilter};
use crate::domain::process::{Leads, decisions_open_to, definition};
use crate::domain::{ApprovalTier, CategoryCode};

/// Most cards the board shows at once; filters narrow it further.
const BOARD_LIMIT: usize = 1000;

/// The active projects the actor may see, with the filters applied.
pub async fn board(
    db: &Db,
    actor: &Actor,
    filter: &BoardFilter,
) -> Result<Vec<BoardCard>, AppError> {
    let (conditions, tier) = filter_conditions(actor, filter, true)?;
    let query = format!(
        "{VIEWER} SELECT {RECORD_FIELDS} FROM project WHERE {} ORDER BY stage_since LIMIT {}",
        conditions.join(" AND "),
        BOARD_LIMIT * 2
    );
    let rows: Vec<ProjectRecord> = viewer_query(db, query, actor)
        .bind(("department", filter.department.trim().to_owned()))
        .bind(("category", filter.category.trim().to_owned()))
        .bind(("year", filter.year.trim().parse::<i64>().ok()))
        .await
        .and_then(|mut r| r.take(2))
        .map_err(internal("reading the board"))?;
    let now = now();
    Ok(rows
        .iter()
        .filter_map(|record| {
            let project = record.summary_for(actor)?;
            let state = record.state().ok()?;
            let overdue = state.stage.is_overdue(record.since(), now);
            let wanted =
                tier.is_none_or(|t| t == project.tier) && (!filter.overdue_only || overdue);
            if !wanted {
                return None;
            }
            let missing = state.missing_outputs();
            let decisions = decisions_open_to(&state, &record.context_for(&actor.user));
            let stage = definition(state.stage);
            let forward = decisions
                .into_iter()
                .find(|d| stage.leads(*d) == Some(Leads::Forward))
                .filter(|_| missing.is_empty());
            Some(BoardCard {
                project,
                version: record.version,
                since: record.since(),
                overdue,
                forward,
                missing,
            })
        })
        .take(BOARD_LIMIT)
        .collect())
}

/// The conditions a board filter puts on project rows (binding
/// `$department`, `$category` and `$year`), and the tier it asks for, which
/// is derived and so filtered after reading.
fn filter_conditions(
    actor: &Actor,
    filter: &BoardFilter,
    active_only: bool,
) -> Result<(Vec<String>, Option<ApprovalTier>), AppError> {
    let mut conditions = Vec::new();
    if active_only {
        conditions.push("status = 'active'".to_owned());
    }
    conditions.push(authz::project_visibility(actor.roles()).to_owned());
    let department = filter.department.trim();
    if !department.is_empty() {
        conditions.push("department.code = $department".into());
    }
    let category = filter.category.trim();
    if !category.is_empty() {
        if CategoryCode::parse(category).is_err() {
            return Err(AppError::BadRequest);
        }
        conditions.push("category = $category".into());
    }
    let year = filter.year.trim();
    let year_number: Option<i64> = if year.is_empty() {
        None
    } else {
        Some(year.parse().map_err(|_| AppError::BadRequest)?)
    };
    if year_number.is_some() {
        conditions.push("time::year(created_at) = $year".into());
    }
    let tier = match filter.tier.trim() {
        "" => None,
        id => Some(ApprovalTier::parse(id).ok_or(AppError::BadRequest)?),
    };
    Ok((conditions, tier))
}

/// Most rows a ledger export holds.
const LEDGER_LIMIT: usize = 20_000;

/// Every visible project the filter lets through, whatever its status,
/// newest first: the project ledger (项目台账).
pub async fn ledger(
    db: &Db,
    actor: &Actor,
    filter: &BoardFilter,
) -> Result<Vec<crate::api::ProjectSummary>, AppError> {
    let (conditions, tier) = filter_conditions(actor, filter, false)?;
    let query = format!(
        "{VIEWER} SELECT {RECORD_FIELDS} FROM project WHERE {} ORDER BY created_at DESC LIMIT {LEDGER_LIMIT}",
        conditions.join(" AND ")
    );
    let rows: Vec<ProjectRecord> = viewer_query(db, query, actor)
        .bind(("department", filter.department.trim().to_owned()))
        .bind(("category", filter.category.trim().to_owned()))
        .bind(("year", filter.year.trim().parse::<i64>().ok()))
        .await
        .and_then(|mut r| r.take(2))
        .map_err(internal("reading the project ledger"))?;
    Ok(rows
        .iter()
        .filter_map(|record| record.summary_for(actor))
        .filter(|project| tier.is_none_or(|t| t == project.tier))
        .collect())
}
