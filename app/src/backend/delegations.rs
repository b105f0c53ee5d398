//! Delegations of decisions: who may decide on whose behalf, and when.

use super::{
    audit::{self, By, Event},
    auth::session::Actor,
    db::Db,
    errors::internal,
    ids::{is_valid_key, key_of, new_key},
    projects::today,
};
use crate::api::{AppError, DelegationView, Problem, UserRef};
use crate::domain::{Delegation, DelegationDraft};
use surrealdb::types::{RecordId, SurrealValue, Value};

/// Ids of the users whose decisions `delegate` may take today.
pub async fn principals_of(db: &Db, delegate: &str) -> Result<Vec<String>, AppError> {
    let today = today()?.to_string();
    let rows: Vec<RecordId> = db
        .query(
            "SELECT VALUE principal FROM delegation WHERE delegate = type::record('user', $me) \
             AND !revoked AND starts <= $today AND ends >= $today AND principal.enabled",
        )
        .bind(("me", delegate.to_owned()))
        .bind(("today", today))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("finding delegations"))?;
    let mut ids: Vec<String> = rows.iter().map(key_of).collect();
    ids.sort();
    ids.dedup();
    Ok(ids)
}

#[derive(SurrealValue)]
struct Row {
    id: RecordId,
    principal: RecordId,
    principal_name: String,
    delegate: RecordId,
    delegate_name: String,
    starts: String,
    ends: String,
}

/// Delegations the actor gave or received that have not ended or been revoked.
pub async fn list(db: &Db, actor: &Actor) -> Result<Vec<DelegationView>, AppError> {
    let today = today()?.to_string();
    let rows: Vec<Row> = db
        .query(
            "LET $me = type::record('user', $me_key);
             SELECT id, principal, principal.display_name AS principal_name, delegate,
                 delegate.display_name AS delegate_name, starts, ends
             FROM delegation WHERE (principal = $me OR delegate = $me) AND !revoked
                 AND ends >= $today ORDER BY starts",
        )
        .bind(("me_key", actor.id().to_owned()))
        .bind(("today", today))
        .await
        .and_then(|mut r| r.take(1))
        .map_err(internal("listing delegations"))?;
    let view = |id: &RecordId, name: String| UserRef {
        id: key_of(id),
        display_name: name,
    };
    Ok(rows
        .into_iter()
        .map(|row| DelegationView {
            id: key_of(&row.id),
            given: key_of(&row.principal) == actor.id(),
            principal: view(&row.principal, row.principal_name),
            delegate: view(&row.delegate, row.delegate_name),
            starts: row.starts,
            ends: row.ends,
        })
        .collect())
}

#[tracing::instrument(skip_all, fields(user = %actor.id()))]
pub async fn create(db: &Db, actor: &Actor, draft: &DelegationDraft) -> Result<(), AppError> {
    let Delegation {
        delegate,
        starts,
        ends,
    } = draft
        .validate(actor.id(), today()?)
        .map_err(Problem::Delegation)?;
    if !is_valid_key(&delegate) {
        return Err(Problem::PersonNotEligible.into());
    }
    // Decisions stay inside the college: an expert or a contractor never
    // decides for a member of staff.
    let eligible: Option<bool> = db
        .query(
            "SELECT VALUE enabled AND !(roles CONTAINSANY ['expert', 'contractor'])
             FROM ONLY type::record('user', $id)",
        )
        .bind(("id", delegate.clone()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("checking a delegate"))?;
    if eligible != Some(true) {
        return Err(Problem::PersonNotEligible.into());
    }
    let key = new_key();
    let event = Event::new(
        By::actor(actor),
        "delegation.create",
        format!("delegation:{key}"),
    )
    .details(&serde_json::json!({
        "delegate": delegate, "starts": starts.to_string(), "ends": ends.to_string()
    }));
    let change = "CREATE type::record('delegation', $key) SET
         principal = type::record('user', $me), delegate = type::record('user', $delegate),
         starts = $starts, ends = $ends, created_at = time::now(), revoked = false;";
    let vars: [(&'static str, Value); 5] = [
        ("key", key.into_value()),
        ("me", actor.id().to_owned().into_value()),
        ("delegate", delegate.into_value()),
        ("starts", starts.to_string().into_value()),
        ("ends", ends.to_string().into_value()),
    ];
    audit::commit(db, &event, change, &vars)
        .await
        .map_err(internal("saving a delegation"))
}

/// Ends a delegation the actor gave.
#[tracing::instrument(skip_all, fields(user = %actor.id(), delegation = %id))]
pub async fn revoke(db: &Db, actor: &Actor, id: &str) -> Result<(), AppError> {
    if !is_valid_key(id) {
        return Err(AppError::NotFound);
    }
    let principal: Option<RecordId> = db
        .query("SELECT VALUE principal FROM ONLY type::record('delegation', $id)")
        .bind(("id", id.to_owned()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("loading a delegation"))?;
    if principal.map(|p| key_of(&p)).as_deref() != Some(actor.id()) {
        return Err(AppError::NotFound);
    }
    let event = Event::new(
        By::actor(actor),
        "delegation.revoke",
        format!("delegation:{id}"),
    );
    let change = "UPDATE type::record('delegation', $key) SET revoked = true;";
    audit::commit(db, &event, change, &[("key", id.to_owned().into_value())])
        .await
        .map_err(internal("revoking a delegation"))
}
