//! The inbox (what waits on me) and the board (every active project I may
//! see, by stage).

use super::super::{auth::session::Actor, authz, db::Db, errors::internal};
use super::{
    ProjectRecord, now,
    record::{RECORD_FIELDS, VIEWER, viewer_query},
};
use crate::api::{AppError, BoardCard, BoardFilter, InboxItem};
use crate::domain::process::{
    Leads, decisions_open_to, definition, stages_possibly_for, waiting_on,
};
use crate::domain::{ApprovalTier, CategoryCode};

/// Most cards the board shows at once; filters narrow it further.
const BOARD_LIMIT: usize = 1000;

/// The projects waiting on the actor, oldest wait first.
pub async fn inbox(db: &Db, actor: &Actor) -> Result<Vec<InboxItem>, AppError> {
    let stages: Vec<&str> = stages_possibly_for(actor.roles())
        .into_iter()
        .map(|stage| stage.id())
        .collect();
    let query = format!(
        "{VIEWER} SELECT {RECORD_FIELDS} FROM project
         WHERE status = 'active' AND $stages CONTAINS stage AND {}
         ORDER BY stage_since",
        authz::project_visibility(actor.roles())
    );
    let rows: Vec<ProjectRecord> = viewer_query(db, query, actor)
        .bind(("stages", stages))
        .await
        .and_then(|mut r| r.take(2))
        .map_err(internal("reading the inbox"))?;
    let now = now();
    Ok(rows
        .iter()
        .filter_map(|record| {
            let state = record.state().ok()?;
            let (decisions, to_file) = waiting_on(&state, &record.context_for(&actor.user));
            if decisions.is_empty() && to_file.is_empty() {
                return None;
            }
            Some(InboxItem {
                project: record.summary()?,
                since: record.since(),
                overdue: state.stage.is_overdue(record.since(), now),
                decisions,
                to_file,
            })
        })
        .collect())
}

/// The active projects the actor may see, with the filters applied.
pub async fn board(
    db: &Db,
    actor: &Actor,
    filter: &BoardFilter,
) -> Result<Vec<BoardCard>, AppError> {
    let mut conditions = vec!["status = 'active'".to_owned()];
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
    let query = format!(
        "{VIEWER} SELECT {RECORD_FIELDS} FROM project WHERE {} ORDER BY stage_since LIMIT {}",
        conditions.join(" AND "),
        BOARD_LIMIT * 2
    );
    let rows: Vec<ProjectRecord> = viewer_query(db, query, actor)
        .bind(("department", department.to_owned()))
        .bind(("category", category.to_owned()))
        .bind(("year", year_number))
        .await
        .and_then(|mut r| r.take(2))
        .map_err(internal("reading the board"))?;
    let now = now();
    Ok(rows
        .iter()
        .filter_map(|record| {
            let project = record.summary()?;
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
