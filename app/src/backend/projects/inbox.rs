//! The inbox: what waits on me across all projects, and on those who
//! delegated their decisions to me.

use super::super::{auth::session::Actor, authz, db::Db, errors::internal, ids::key_of};
use super::{
    ProjectRecord, now,
    people::principal_actors,
    record::{RECORD_FIELDS, VIEWER, viewer_query},
};
use crate::api::{AppError, InboxItem, UserRef};
use crate::domain::process::{
    LedgerSoFar, PaymentKind, ledger_tasks, stages_possibly_for, waiting_on,
};
use crate::domain::{Amount, Role};
use std::collections::BTreeMap;
use surrealdb::types::{RecordId, SurrealValue};

/// The projects waiting on the actor, then those waiting on each of their
/// principals, oldest wait first within each.
pub async fn inbox(db: &Db, actor: &Actor) -> Result<Vec<InboxItem>, AppError> {
    let mut items = inbox_of(db, actor).await?;
    for principal in principal_actors(db, actor).await? {
        let on_behalf_of = UserRef {
            id: principal.user.id.clone(),
            display_name: principal.user.display_name.clone(),
        };
        let theirs = inbox_of(db, &principal).await?;
        items.extend(theirs.into_iter().map(|item| InboxItem {
            on_behalf_of: Some(on_behalf_of.clone()),
            ..item
        }));
    }
    Ok(items)
}

/// One user's own inbox: stages waiting on them, and ledger entries due.
async fn inbox_of(db: &Db, actor: &Actor) -> Result<Vec<InboxItem>, AppError> {
    let rows = candidates(db, actor).await?;
    let ledgers = ledgers(db, actor, &rows).await?;
    let now = now();
    Ok(rows
        .iter()
        .filter_map(|record| {
            let state = record.state().ok()?;
            let me = record.context_for(&actor.user);
            let (decisions, to_file) = waiting_on(&state, &me);
            let so_far = ledgers.get(&record.key()).cloned().unwrap_or_default();
            let ledger = ledger_tasks(&state, &me, &so_far);
            if decisions.is_empty() && to_file.is_empty() && ledger.is_empty() {
                return None;
            }
            Some(InboxItem {
                project: record.summary_for(actor)?,
                since: record.since(),
                overdue: state.is_active() && state.stage.is_overdue(record.since(), now),
                decisions,
                to_file,
                ledger,
                on_behalf_of: None,
            })
        })
        .collect())
}

/// Finance and procurement keep a ledger beside the stages.
fn keeps_ledger(roles: &[Role]) -> bool {
    roles.contains(&Role::Finance) || roles.contains(&Role::Procurement)
}

/// The visible projects that could wait on the actor: those at a stage
/// where someone with their roles acts, and, for the ledger keepers, every
/// project with a contract that was not rejected.
async fn candidates(db: &Db, actor: &Actor) -> Result<Vec<ProjectRecord>, AppError> {
    let stages: Vec<&str> = stages_possibly_for(actor.roles())
        .into_iter()
        .map(|stage| stage.id())
        .collect();
    let ledger = if keeps_ledger(actor.roles()) {
        "OR (status != 'rejected' AND contract_fen != NONE)"
    } else {
        ""
    };
    let query = format!(
        "{VIEWER} SELECT {RECORD_FIELDS} FROM project
         WHERE ((status = 'active' AND $stages CONTAINS stage) {ledger}) AND {}
         ORDER BY stage_since",
        authz::project_visibility(actor.roles())
    );
    viewer_query(db, query, actor)
        .bind(("stages", stages))
        .await
        .and_then(|mut r| r.take(2))
        .map_err(internal("reading the inbox"))
}

#[derive(SurrealValue)]
struct PaymentRow {
    project: RecordId,
    kind: String,
    amount_fen: i64,
}

/// What each candidate's ledger holds so far, by project key.
async fn ledgers(
    db: &Db,
    actor: &Actor,
    rows: &[ProjectRecord],
) -> Result<BTreeMap<String, LedgerSoFar>, AppError> {
    let with_contract: Vec<RecordId> = rows
        .iter()
        .filter(|r| r.contract_fen.is_some())
        .map(|r| r.id.clone())
        .collect();
    if !keeps_ledger(actor.roles()) || with_contract.is_empty() {
        return Ok(BTreeMap::new());
    }
    let mut response = db
        .query(
            "SELECT project, kind, amount_fen FROM payment WHERE project IN $projects;
             SELECT VALUE project FROM asset WHERE project IN $projects;",
        )
        .bind(("projects", with_contract))
        .await
        .map_err(internal("reading ledgers for the inbox"))?;
    let payments: Vec<PaymentRow> = response.take(0).map_err(internal("reading payments"))?;
    let assets: Vec<RecordId> = response.take(1).map_err(internal("reading assets"))?;

    let mut ledgers: BTreeMap<String, LedgerSoFar> = BTreeMap::new();
    for payment in payments {
        let entry = ledgers.entry(key_of(&payment.project)).or_default();
        if let Some(kind) = PaymentKind::parse(&payment.kind) {
            entry.paid.push(kind);
        }
        let fen = u64::try_from(payment.amount_fen).unwrap_or_default();
        entry.paid_total = Amount::from_fen(entry.paid_total.fen().saturating_add(fen));
    }
    for project in assets {
        ledgers
            .entry(key_of(&project))
            .or_default()
            .asset_registered = true;
    }
    Ok(ledgers)
}
