//! A project's timeline: its audit events, read back for the page.

use super::super::{db::Db, errors::internal};
use super::ProjectRecord;
use crate::api::{AppError, TimelineAction, TimelineEvent};
use crate::domain::Timestamp;
use crate::domain::process::{Decision, OutputKind, StageId};
use surrealdb::types::{Datetime, SurrealValue};

#[derive(SurrealValue)]
struct Row {
    seq: i64,
    at: Datetime,
    actor_name: String,
    roles: String,
    on_behalf_of: String,
    action: String,
    stage_before: String,
    stage_after: String,
    comment: String,
    details: String,
}

/// Every event about the project in the order they happened. Experts and
/// contractors (`shown_documents` is theirs) do not see the events of the
/// internal stages, nor uploads of documents they are not shown.
pub async fn events(
    db: &Db,
    record: &ProjectRecord,
    shown_documents: Option<&[String]>,
) -> Result<Vec<TimelineEvent>, AppError> {
    let rows: Vec<Row> = db
        .query(
            "SELECT seq, at, actor_name, roles, on_behalf_of, action, stage_before, stage_after,
                 comment, details
             FROM audit_event WHERE subject = $subject ORDER BY seq",
        )
        .bind(("subject", format!("project:{}", record.key())))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("reading a project's timeline"))?;
    let Some(shown) = shown_documents else {
        return Ok(rows.into_iter().map(event).collect());
    };
    Ok(rows
        .into_iter()
        .filter(|row| row.action != "document.upload" || shown.contains(&uploaded(row)))
        .map(event)
        .filter(|event| !is_internal(event))
        .collect())
}

/// The id of the document an upload event recorded.
fn uploaded(row: &Row) -> String {
    serde_json::from_str::<serde_json::Value>(&row.details)
        .ok()
        .and_then(|details| details.get("document")?.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn is_internal(event: &TimelineEvent) -> bool {
    let stage_internal = event.stage_before.is_some_and(StageId::is_internal);
    match &event.action {
        TimelineAction::Started => false,
        TimelineAction::ExpertsInvited
        | TimelineAction::PaymentRecorded
        | TimelineAction::AssetRegistered => true,
        TimelineAction::DocumentUploaded(_) => false,
        TimelineAction::Filed(kind) | TimelineAction::Corrected(kind) => kind.stage().is_internal(),
        _ => stage_internal,
    }
}

fn event(row: Row) -> TimelineEvent {
    let details: serde_json::Value = serde_json::from_str(&row.details).unwrap_or_default();
    let text = |key: &str| details.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    let kind = || text("kind").as_deref().and_then(OutputKind::parse);
    let action = match row.action.as_str() {
        "project.start" => TimelineAction::Started,
        "project.invite_experts" => TimelineAction::ExpertsInvited,
        "project.payment" => TimelineAction::PaymentRecorded,
        "project.asset" => TimelineAction::AssetRegistered,
        "document.upload" => TimelineAction::DocumentUploaded(text("name").unwrap_or_default()),
        "project.decide" => match text("decision").as_deref().and_then(Decision::parse) {
            Some(decision) => TimelineAction::Decided(decision),
            None => TimelineAction::Other(row.action.clone()),
        },
        "project.file" => kind().map_or(
            TimelineAction::Other(row.action.clone()),
            TimelineAction::Filed,
        ),
        "project.correct" => kind().map_or(
            TimelineAction::Other(row.action.clone()),
            TimelineAction::Corrected,
        ),
        other => TimelineAction::Other(other.to_owned()),
    };
    TimelineEvent {
        seq: row.seq,
        at: Timestamp(row.at.timestamp_millis()),
        actor_name: row.actor_name,
        roles: row
            .roles
            .split(',')
            .filter_map(|r| r.parse().ok())
            .collect(),
        on_behalf_of: (!row.on_behalf_of.is_empty())
            .then(|| text("on_behalf_of_name").unwrap_or(row.on_behalf_of)),
        action,
        stage_before: row.stage_before.parse().ok(),
        stage_after: row.stage_after.parse().ok(),
        comment: row.comment,
    }
}
