//! Taking a stage's decision: the process answers, and the change is
//! applied only to the version of the project the decider saw, in one
//! transaction with its audit event.

use super::super::{
    audit::{self, By, Event},
    auth::session::Actor,
    db::Db,
    errors::internal,
};
use super::{
    ProjectRecord, load_visible,
    people::{Acting, acting_as},
    record::status_id,
};
use crate::api::{AppError, Conflict};
use crate::domain::process::{self, DecisionRequest, OutputKind, ProjectState};
use surrealdb::types::{SurrealValue, Value};

/// Longest opinion kept with a decision.
pub const OPINION_LIMIT: usize = 2000;

#[tracing::instrument(skip_all, fields(user = %actor.id(), project = %id, decision = request.decision.id()))]
pub async fn decide(
    db: &Db,
    actor: &Actor,
    id: &str,
    seen_version: i64,
    request: &DecisionRequest,
    on_behalf_of: Option<&str>,
) -> Result<(), AppError> {
    if request.reason.chars().count() > OPINION_LIMIT {
        return Err(crate::api::Problem::ReasonTooLong.into());
    }
    let record = load_visible(db, actor, id).await?;
    if record.version != seen_version {
        return Err(AppError::Conflict(Conflict::Stale));
    }
    let state = record.state()?;
    let acting = acting_as(db, actor, &record, on_behalf_of).await?;
    let next = process::decide(&state, &acting.context, request).inspect_err(|refusal| {
        tracing::info!(%refusal, "decision refused");
    })?;
    let request = DecisionRequest {
        reason: request.reason.trim().to_owned(),
        ..request.clone()
    };
    apply(db, actor, &acting, &record, &state, &next, &request).await
}

/// The write of an accepted decision: compare-and-set on the version, the
/// new state, the entries a return reopens, and the audit event.
async fn apply(
    db: &Db,
    actor: &Actor,
    acting: &Acting,
    record: &ProjectRecord,
    before: &ProjectState,
    after: &ProjectState,
    request: &DecisionRequest,
) -> Result<(), AppError> {
    let reopened: Vec<String> = OutputKind::ALL
        .into_iter()
        .filter(|kind| before.has_output(*kind) && !after.has_output(*kind))
        .map(|kind| kind.id().to_owned())
        .collect();
    let moved = before.stage != after.stage || before.status != after.status;
    let mut event = Event::new(
        By::actor(actor),
        "project.decide",
        format!("project:{}", record.key()),
    );
    event.stage_before = before.stage.id().to_owned();
    event.stage_after = after.stage.id().to_owned();
    event.comment = request.reason.clone();
    event.on_behalf_of = acting.principal_id.clone().unwrap_or_default();
    let event = event.details(&serde_json::json!({
        "decision": request.decision.id(),
        "return_to": request.return_to.map(|stage| stage.id()),
        "status": status_id(after.status),
        "version": record.version + 1,
        "on_behalf_of_name": acting.principal_name,
    }));

    let change = "LET $project = type::record('project', $key);
         IF (SELECT VALUE version FROM ONLY $project) != $seen { THROW 'project_stale' };
         UPDATE $project SET stage = $stage, status = $status, outputs = $outputs,
             final_budget_fen = $final_budget, contract_fen = $contract,
             approved_tier = $approved_tier, handover = $handover, version = $seen + 1,
             stage_since = IF $moved THEN time::now() ELSE stage_since END,
             updated_at = time::now();
         UPDATE project_entry SET current = false
             WHERE project = $project AND current = true AND $reopened CONTAINS kind;
         IF $reopened CONTAINS 'contractor' {
             UPDATE $project SET contractors = [], contractor_org = NONE;
         };
         IF $reopened CONTAINS 'project_leader' { UPDATE $project SET leader = NONE; };
         IF $reopened CONTAINS 'registry_number' { UPDATE $project SET registry_number = NONE; };
         IF $reopened CONTAINSANY ['project_group', 'working_group'] {
             UPDATE $project SET group_members = array::distinct(array::flatten(
                 SELECT VALUE people FROM project_entry WHERE project = $project AND current
                     AND ['project_group', 'working_group'] CONTAINS kind));
         };";
    // The people a reopened stage assigned lose their place with it: a
    // contractor whose contract is redone no longer sees the project.
    // `$reopened CONTAINS kind` rather than `kind IN $reopened`: SurrealDB
    // 3.3.5 answers the latter wrongly through the (project, kind) index
    // when the list holds more than one value.
    let state_vars = state_values(after)?;
    let mut vars: Vec<(&'static str, Value)> = vec![
        ("key", record.key().into_value()),
        ("seen", record.version.into_value()),
        ("moved", moved.into_value()),
        ("reopened", reopened.into_value()),
    ];
    vars.extend(state_vars);
    audit::commit(db, &event, change, &vars)
        .await
        .map_err(|error| {
            if error.is_thrown() && error.message().contains("project_stale") {
                tracing::info!("decision lost a race for the project");
                AppError::Conflict(Conflict::Stale)
            } else {
                internal("applying a decision")(error)
            }
        })?;
    tracing::info!(stage = %after.stage, "decision applied");
    Ok(())
}

/// The state's fields as query parameters, for every write that changes it.
pub fn state_values(state: &ProjectState) -> Result<Vec<(&'static str, Value)>, AppError> {
    let fen = |amount: Option<crate::domain::Amount>| -> Result<Option<i64>, AppError> {
        amount
            .map(|a| i64::try_from(a.fen()).map_err(|_| AppError::BadRequest))
            .transpose()
    };
    let outputs: Vec<String> = state.outputs.iter().map(|k| k.id().to_owned()).collect();
    let handover: Vec<String> = state.handover.iter().map(|i| i.id().to_owned()).collect();
    Ok(vec![
        ("stage", state.stage.id().to_owned().into_value()),
        ("status", status_id(state.status).to_owned().into_value()),
        ("outputs", outputs.into_value()),
        ("final_budget", fen(state.budget)?.into_value()),
        ("contract", fen(state.contract_amount)?.into_value()),
        (
            "approved_tier",
            state.approved_tier.map(|t| t.id().to_owned()).into_value(),
        ),
        ("handover", handover.into_value()),
    ])
}
