//! Change requests as lists: the change ledger with its filters, the
//! change board, and what waits on the viewer.

use super::super::{auth::session::Actor, db::Db, errors::internal, projects::viewer_query};
use super::record::{CHANGE_FIELDS, ChangeRow, visible_projects};
use crate::api::{AppError, ChangeFilter, ChangeInboxItem, ChangeSummary};
use crate::domain::Role;
use crate::domain::change::{ChangeStep, change_decisions_open_to, step_actors};
use crate::domain::process::Actor as Party;

/// Most requests a list shows at once; filters narrow it further.
const LIST_LIMIT: usize = 2000;

/// The visible change requests that pass the filter, newest first.
pub async fn list(
    db: &Db,
    actor: &Actor,
    filter: &ChangeFilter,
) -> Result<Vec<ChangeSummary>, AppError> {
    let rows = rows(db, actor, filter).await?;
    rows.iter().map(ChangeRow::summary).collect()
}

/// The open requests, for the change board's columns.
pub async fn board(
    db: &Db,
    actor: &Actor,
    filter: &ChangeFilter,
) -> Result<Vec<ChangeSummary>, AppError> {
    let filter = ChangeFilter {
        status: "open".into(),
        ..filter.clone()
    };
    let rows = rows(db, actor, &filter).await?;
    rows.iter().map(ChangeRow::summary).collect()
}

async fn rows(db: &Db, actor: &Actor, filter: &ChangeFilter) -> Result<Vec<ChangeRow>, AppError> {
    let (prelude, visible) = visible_projects(actor.roles());
    let mut conditions = vec![visible.to_owned()];
    if !filter.text.trim().is_empty() {
        conditions.push(
            "(string::contains(string::lowercase(system_name), $text) \
              OR string::contains(string::lowercase(number), $text))"
                .into(),
        );
    }
    if !filter.department.is_empty() {
        conditions.push("department = type::record('department', $department)".into());
    }
    let year: Option<i64> = filter.year.trim().parse().ok();
    if year.is_some() {
        conditions.push("year = $year".into());
    }
    if !filter.status.is_empty() {
        conditions.push("status = $status".into());
    }
    let query = format!(
        "{prelude}
         SELECT {CHANGE_FIELDS} FROM change_request WHERE {} ORDER BY year DESC, sequence DESC LIMIT {LIST_LIMIT}",
        conditions.join(" AND ")
    );
    viewer_query(db, query, actor)
        .bind(("text", filter.text.trim().to_lowercase()))
        .bind(("department", filter.department.clone()))
        .bind(("year", year))
        .bind(("status", filter.status.clone()))
        .await
        .and_then(|mut r| r.take(3))
        .map_err(internal("listing change requests"))
}

/// Whether a holder of `roles` could ever act at `step`, so that the
/// inbox only reads requests at such steps.
fn could_act(step: ChangeStep, roles: &[Role]) -> bool {
    step_actors(step).iter().any(|party| match party {
        Party::College(role) | Party::ApplyingDepartment(role) => roles.contains(role),
        Party::SupervisingVicePresident => roles.contains(&Role::VicePresident),
        Party::AssignedContractor => roles.contains(&Role::Contractor),
        _ => false,
    })
}

/// The open requests waiting on the actor, oldest wait first, and then
/// those waiting on anyone who delegated their decisions to the actor.
pub async fn inbox(db: &Db, actor: &Actor) -> Result<Vec<ChangeInboxItem>, AppError> {
    let mut items = waiting_on(db, actor).await?;
    for principal in crate::backend::projects::principal_actors(db, actor).await? {
        for item in waiting_on(db, &principal).await? {
            if !items.iter().any(|mine| mine.change.id == item.change.id) {
                items.push(item);
            }
        }
    }
    Ok(items)
}

async fn waiting_on(db: &Db, actor: &Actor) -> Result<Vec<ChangeInboxItem>, AppError> {
    let steps: Vec<&str> = ChangeStep::ALL
        .into_iter()
        .filter(|step| could_act(*step, actor.roles()))
        .map(ChangeStep::id)
        .collect();
    if steps.is_empty() {
        return Ok(Vec::new());
    }
    let (prelude, visible) = visible_projects(actor.roles());
    let query = format!(
        "{prelude}
         SELECT {CHANGE_FIELDS} FROM change_request
         WHERE status = 'open' AND $steps CONTAINS step AND {visible}
         ORDER BY step_since ASC LIMIT {LIST_LIMIT}"
    );
    let rows: Vec<ChangeRow> = viewer_query(db, query, actor)
        .bind(("steps", steps))
        .await
        .and_then(|mut r| r.take(3))
        .map_err(internal("reading the change inbox"))?;
    let mut items = Vec::new();
    for row in &rows {
        let decisions = change_decisions_open_to(row.state()?, &row.context_for(&actor.user));
        if !decisions.is_empty() {
            items.push(ChangeInboxItem {
                change: row.summary()?,
                decisions,
            });
        }
    }
    Ok(items)
}
