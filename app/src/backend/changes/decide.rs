//! A step's decision on a change request: checked by the domain, applied
//! only to the version the decider saw, in one transaction with its audit
//! event and its sign-off.

use super::super::{
    audit::{self, By, Event},
    auth::session::Actor,
    db::Db,
    projects::{OPINION_LIMIT, acting_as},
};
use super::record::load;
use crate::api::{AppError, Conflict, Problem};
use crate::domain::change::{ChangeDecision, ChangeDecisionRequest, decide_change};
use surrealdb::types::{SurrealValue, Value};

#[tracing::instrument(skip_all, fields(user = %actor.id(), change = %id, decision = request.decision.id()))]
pub async fn decide(
    db: &Db,
    actor: &Actor,
    id: &str,
    seen_version: i64,
    request: &ChangeDecisionRequest,
    on_behalf_of: Option<&str>,
) -> Result<(), AppError> {
    let too_long = |text: &str| text.chars().count() > OPINION_LIMIT;
    if too_long(&request.opinion) || too_long(&request.training) {
        return Err(Problem::ReasonTooLong.into());
    }
    let (row, project) = load(db, actor, id).await?;
    if row.version != seen_version {
        return Err(AppError::Conflict(Conflict::Stale));
    }
    let before = row.state()?;
    let acting = acting_as(db, actor, &project, on_behalf_of).await?;
    let after = decide_change(before, &acting.context, request).inspect_err(|refusal| {
        tracing::info!(%refusal, "change decision refused");
    })?;
    if request.decision == ChangeDecision::Pass && !has_documents(db, &row.id).await? {
        return Err(Problem::TestReportMissing.into());
    }
    let opinion = request.opinion.trim().to_owned();
    let training = request.training.trim().to_owned();

    let mut event = Event::new(
        By::actor(actor),
        "change.decide",
        format!("change_request:{}", row.key()),
    );
    event.stage_before = before.step.id().to_owned();
    event.stage_after = after.step.id().to_owned();
    event.comment = opinion.clone();
    event.on_behalf_of = acting.principal_id.clone().unwrap_or_default();
    let event = event.details(&serde_json::json!({
        "decision": request.decision.id(),
        "status": after.status.id(),
        "version": row.version + 1,
        "on_behalf_of_name": acting.principal_name,
        "training": training,
    }));
    let change = "LET $change = type::record('change_request', $key);
         IF (SELECT VALUE version FROM ONLY $change) != $seen { THROW 'change_stale' };
         UPDATE $change SET step = $step, status = $status, version = $seen + 1,
             step_since = IF $moved THEN time::now() ELSE step_since END,
             updated_at = time::now(),
             signoffs += { step: $from, decision: $decision, user: type::record('user', $me),
                 name: $me_name, on_behalf_of_name: $principal, opinion: $opinion,
                 training: $training, at: time::now() };";
    let moved = before != after;
    let vars: Vec<(&'static str, Value)> = vec![
        ("key", row.key().into_value()),
        ("seen", row.version.into_value()),
        ("step", after.step.id().to_owned().into_value()),
        ("status", after.status.id().to_owned().into_value()),
        ("moved", moved.into_value()),
        ("from", before.step.id().to_owned().into_value()),
        ("decision", request.decision.id().to_owned().into_value()),
        ("me", actor.id().to_owned().into_value()),
        ("me_name", actor.user.display_name.clone().into_value()),
        ("principal", acting.principal_name.clone().into_value()),
        ("opinion", opinion.into_value()),
        ("training", training.into_value()),
    ];
    audit::commit(db, &event, change, &vars)
        .await
        .map_err(super::stale_or_internal("deciding a change request"))?;
    tracing::info!(
        step = after.step.id(),
        status = after.status.id(),
        "change decision applied"
    );
    Ok(())
}

/// Whether anything has been uploaded to the request (the user test report
/// comes first of its papers).
async fn has_documents(db: &Db, change: &surrealdb::types::RecordId) -> Result<bool, AppError> {
    let count: Option<i64> = db
        .query(
            "RETURN array::len(SELECT VALUE id FROM document WHERE change_request = $change LIMIT 1)",
        )
        .bind(("change", change.clone()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(super::super::errors::internal("counting a change's documents"))?;
    Ok(count.unwrap_or(0) > 0)
}
