//! Filing a stage's outputs, correcting a completed stage, inviting the
//! experts of the feasibility review, and reading the entries back.

use super::super::{
    audit::{self, By, Event},
    auth::session::Actor,
    db::Db,
    errors::internal,
    ids::{is_valid_key, key_of, new_key},
};
use super::{ProjectRecord, decide::state_values, load_visible, people::check_eligible};
use crate::api::{AppError, Conflict, EntryView, PeoplePool, Problem};
use crate::domain::Timestamp;
use crate::domain::process::{self, EntryDraft, EntryShape, EntryValue, OutputKind, ProjectState};
use surrealdb::types::{Datetime, RecordId, SurrealValue, Value};

/// How often a filing is retried when another change to the project got
/// in between reading and writing it.
const ATTEMPTS: usize = 3;
/// Longest reason accepted for a correction.
pub const REASON_LIMIT: usize = 500;

/// Files an output of the project's current stage.
#[tracing::instrument(skip_all, fields(user = %actor.id(), project = %id, kind = kind.id()))]
pub async fn file(
    db: &Db,
    actor: &Actor,
    id: &str,
    kind: OutputKind,
    draft: &EntryDraft,
) -> Result<(), AppError> {
    let value = draft.validate(kind).map_err(Problem::Entry)?;
    check_people(db, kind, &value).await?;
    for attempt in 1..=ATTEMPTS {
        let record = load_visible(db, actor, id).await?;
        check_document(db, &record, &value).await?;
        let state = record.state()?;
        let next = process::file(&state, &record.context_for(&actor.user), value.filing(kind))
            .inspect_err(|refusal| tracing::info!(%refusal, "filing refused"))?;
        let written = write(db, actor, &record, kind, &value, Write::Filing(&next)).await;
        match written {
            Err(AppError::Conflict(Conflict::Stale)) if attempt < ATTEMPTS => continue,
            other => return other,
        }
    }
    Err(AppError::Conflict(Conflict::Stale))
}

/// Adds a corrected revision of an output of a completed stage, beside the
/// entry it corrects.
#[tracing::instrument(skip_all, fields(user = %actor.id(), project = %id, entry = %entry_id))]
pub async fn correct(
    db: &Db,
    actor: &Actor,
    id: &str,
    entry_id: &str,
    draft: &EntryDraft,
    reason: &str,
) -> Result<(), AppError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Problem::ReasonMissing.into());
    }
    if reason.chars().count() > REASON_LIMIT {
        return Err(Problem::ReasonTooLong.into());
    }
    let record = load_visible(db, actor, id).await?;
    let kind = entry_kind(db, &record, entry_id).await?;
    if kind.shape() == EntryShape::HandoverItem {
        return Err(process::Refusal::NotFileable(kind).into());
    }
    let value = draft.validate(kind).map_err(Problem::Entry)?;
    check_people(db, kind, &value).await?;
    check_document(db, &record, &value).await?;
    let state = record.state()?;
    process::may_correct(&state, &record.context_for(&actor.user), kind)
        .inspect_err(|refusal| tracing::info!(%refusal, "correction refused"))?;
    let correction = Write::Correction {
        state: &state,
        entry: entry_id,
        reason,
    };
    write(db, actor, &record, kind, &value, correction).await
}

/// Invites experts to the feasibility review; they then see the project
/// and file their opinions.
#[tracing::instrument(skip_all, fields(user = %actor.id(), project = %id))]
pub async fn invite_experts(
    db: &Db,
    actor: &Actor,
    id: &str,
    experts: &[String],
) -> Result<(), AppError> {
    let draft = EntryDraft {
        people: experts.to_vec(),
        ..EntryDraft::default()
    };
    // The same list rules as any group a form names.
    let EntryValue::People { people } = draft
        .validate(OutputKind::ProjectGroup)
        .map_err(Problem::Entry)?
    else {
        return Err(AppError::BadRequest);
    };
    check_eligible(db, &people, PeoplePool::Experts).await?;
    let record = load_visible(db, actor, id).await?;
    let state = record.state()?;
    process::may_invite_experts(&state, &record.context_for(&actor.user))?;
    let event = Event::new(
        By::actor(actor),
        "project.invite_experts",
        format!("project:{}", record.key()),
    )
    .details(&serde_json::json!({ "experts": people }));
    let records: Vec<RecordId> = people
        .iter()
        .map(|p| RecordId::new("user", p.as_str()))
        .collect();
    let change = "LET $project = type::record('project', $key);
         IF (SELECT VALUE version FROM ONLY $project) != $seen { THROW 'project_stale' };
         UPDATE $project SET experts = array::union(experts, $experts), version = $seen + 1,
             updated_at = time::now();";
    let vars: [(&'static str, Value); 3] = [
        ("key", record.key().into_value()),
        ("seen", record.version.into_value()),
        ("experts", records.into_value()),
    ];
    audit::commit(db, &event, change, &vars)
        .await
        .map_err(stale_or_internal("inviting experts"))
}

enum Write<'a> {
    /// A filing at the current stage, which may change the project's state.
    Filing(&'a ProjectState),
    /// A correction: the state stays, the corrected entry is superseded.
    Correction {
        state: &'a ProjectState,
        entry: &'a str,
        reason: &'a str,
    },
}

/// The entry, the state it leads to, the assignments it makes, and the
/// audit event, in one transaction guarded by the project's version.
async fn write(
    db: &Db,
    actor: &Actor,
    record: &ProjectRecord,
    kind: OutputKind,
    value: &EntryValue,
    write: Write<'_>,
) -> Result<(), AppError> {
    let (state, replaces, reason, action) = match write {
        Write::Filing(next) => (next, None, None, "project.file"),
        Write::Correction {
            state,
            entry,
            reason,
        } => (
            state,
            Some(entry.to_owned()),
            Some(reason.to_owned()),
            "project.correct",
        ),
    };
    let entry_key = new_key();
    let stage = kind.stage();
    let mut event = Event::new(
        By::actor(actor),
        action,
        format!("project:{}", record.key()),
    );
    event.stage_before = record.stage.clone();
    event.stage_after = state.stage.id().to_owned();
    event.comment = reason.clone().unwrap_or_default();
    let event = event.details(&serde_json::json!({
        "kind": kind.id(), "entry": entry_key, "replaces": replaces
    }));
    let json = serde_json::to_string(value).map_err(internal("encoding an entry"))?;
    let people: Vec<RecordId> = value
        .people()
        .iter()
        .map(|p| RecordId::new("user", p.as_str()))
        .collect();

    let change = format!(
        "LET $project = type::record('project', $key);
         IF (SELECT VALUE version FROM ONLY $project) != $seen {{ THROW 'project_stale' }};
         {supersede}
         LET $revision = array::len(SELECT VALUE id FROM project_entry
             WHERE project = $project AND kind = $kind) + 1;
         CREATE type::record('project_entry', $entry_key) SET project = $project, kind = $kind,
             stage = $entry_stage, revision = $revision, value = $value, people = $people,
             filed_by = type::record('user', $me), filed_by_name = $me_name,
             filed_at = time::now(), current = true, correction_reason = $reason;
         UPDATE $project SET stage = $stage, status = $status, outputs = $outputs,
             final_budget_fen = $final_budget, contract_fen = $contract,
             approved_tier = $approved_tier, handover = $handover, version = $seen + 1,
             updated_at = time::now();
         {assign}",
        supersede = supersede_clause(kind, replaces.is_some()),
        assign = assignment_clause(kind),
    );
    let mut vars: Vec<(&'static str, Value)> = vec![
        ("key", record.key().into_value()),
        ("seen", record.version.into_value()),
        ("kind", kind.id().to_owned().into_value()),
        ("entry_stage", stage.id().to_owned().into_value()),
        ("entry_key", entry_key.into_value()),
        ("replaces", replaces.unwrap_or_default().into_value()),
        ("value", json.into_value()),
        ("people", people.into_value()),
        ("me", actor.id().to_owned().into_value()),
        ("me_name", actor.user.display_name.clone().into_value()),
        ("reason", reason.into_value()),
    ];
    vars.extend(state_values(state)?);
    vars.extend(assignment_values(value));
    audit::commit(db, &event, &change, &vars)
        .await
        .map_err(stale_or_internal("filing an output"))?;
    tracing::info!(kind = kind.id(), "output filed");
    Ok(())
}

/// Which earlier entries the new one supersedes: the corrected entry, or
/// the current entry of an output that has only one.
fn supersede_clause(kind: OutputKind, correcting: bool) -> &'static str {
    if correcting {
        "UPDATE type::record('project_entry', $replaces) SET current = false;"
    } else if kind.is_repeatable() {
        ""
    } else {
        "UPDATE project_entry SET current = false
             WHERE project = $project AND kind = $kind AND current = true;"
    }
}

/// The project's assignments follow from its current entries: the group,
/// the leader, the contractor, the registry number, the register entry.
fn assignment_clause(kind: OutputKind) -> &'static str {
    match kind {
        OutputKind::ProjectGroup | OutputKind::WorkingGroup => {
            "UPDATE $project SET group_members = array::distinct(array::flatten(
                 SELECT VALUE people FROM project_entry WHERE project = $project AND current
                     AND ['project_group', 'working_group'] CONTAINS kind));"
        }
        OutputKind::ProjectLeader => "UPDATE $project SET leader = $people[0];",
        OutputKind::Contractor => {
            "UPDATE $project SET contractors = $people, contractor_org = $organisation;"
        }
        OutputKind::RegistryNumber => "UPDATE $project SET registry_number = $identifier;",
        OutputKind::SystemRegistered => {
            "UPSERT type::record('system', $key) SET project = $project, name = $system_name,
                 department = $project.department, category = $project.category,
                 class = $project.class, contractor_org = $project.contractor_org,
                 go_live = $go_live, registered_at = time::now();"
        }
        _ => "",
    }
}

fn assignment_values(value: &EntryValue) -> Vec<(&'static str, Value)> {
    match value {
        EntryValue::Contractor { organisation, .. } => {
            vec![("organisation", organisation.clone().into_value())]
        }
        EntryValue::Identifier { value } => vec![("identifier", value.clone().into_value())],
        EntryValue::Registration {
            system_name,
            go_live,
        } => vec![
            ("system_name", system_name.clone().into_value()),
            ("go_live", go_live.to_string().into_value()),
        ],
        _ => Vec::new(),
    }
}

pub(super) fn stale_or_internal(doing: &'static str) -> impl FnOnce(surrealdb::Error) -> AppError {
    move |error| {
        let lost_race = error.is_thrown() && error.message().contains("project_stale");
        if lost_race || crate::backend::db::is_unique_violation(&error) {
            tracing::info!(%error, "lost a race while {doing}");
            AppError::Conflict(Conflict::Stale)
        } else {
            internal(doing)(error)
        }
    }
}

/// The pool each list of people is drawn from.
async fn check_people(db: &Db, kind: OutputKind, value: &EntryValue) -> Result<(), AppError> {
    let pool = match kind {
        OutputKind::Contractor => PeoplePool::Contractors,
        // Acceptance brings in the contractor's people as well.
        OutputKind::AcceptanceReport => PeoplePool::Anyone,
        _ => PeoplePool::Staff,
    };
    if value.people().is_empty() {
        return Ok(());
    }
    check_eligible(db, value.people(), pool).await
}

/// A document named by an entry must have been uploaded to this project.
async fn check_document(
    db: &Db,
    record: &ProjectRecord,
    value: &EntryValue,
) -> Result<(), AppError> {
    let Some(document) = value.document() else {
        return Ok(());
    };
    if !is_valid_key(document) {
        return Err(Problem::UnknownDocument.into());
    }
    let project: Option<RecordId> = db
        .query("SELECT VALUE project FROM ONLY type::record('document', $id)")
        .bind(("id", document.to_owned()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("checking a document"))?;
    if project.as_ref() == Some(&record.id) {
        Ok(())
    } else {
        Err(Problem::UnknownDocument.into())
    }
}

async fn entry_kind(
    db: &Db,
    record: &ProjectRecord,
    entry_id: &str,
) -> Result<OutputKind, AppError> {
    if !is_valid_key(entry_id) {
        return Err(AppError::NotFound);
    }
    #[derive(SurrealValue)]
    struct Row {
        project: RecordId,
        kind: String,
        current: bool,
    }
    let row: Option<Row> = db
        .query("SELECT project, kind, current FROM ONLY type::record('project_entry', $id)")
        .bind(("id", entry_id.to_owned()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("loading an entry"))?;
    match row {
        Some(row) if row.project == record.id && row.current => {
            OutputKind::parse(&row.kind).ok_or(AppError::NotFound)
        }
        Some(row) if row.project == record.id => Err(AppError::Conflict(Conflict::Stale)),
        _ => Err(AppError::NotFound),
    }
}

#[derive(SurrealValue)]
struct EntryRow {
    id: RecordId,
    kind: String,
    revision: i64,
    value: String,
    filed_by: RecordId,
    filed_by_name: String,
    filed_at: Datetime,
    current: bool,
    correction_reason: Option<String>,
}

/// The project's entries in the order filed, as far as the actor may see
/// them: experts and contractors see none of the internal stages, except
/// an expert's own opinions.
pub async fn list(
    db: &Db,
    record: &ProjectRecord,
    actor: &Actor,
    external: bool,
) -> Result<Vec<EntryView>, AppError> {
    let rows: Vec<EntryRow> = db
        .query(
            "SELECT id, kind, revision, value, filed_by, filed_by_name, filed_at, current,
                 correction_reason
             FROM project_entry WHERE project = $project ORDER BY filed_at, revision",
        )
        .bind(("project", record.id.clone()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("listing a project's entries"))?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let kind = OutputKind::parse(&row.kind)?;
            let own = key_of(&row.filed_by) == actor.id();
            if external && kind.stage().is_internal() && !own {
                return None;
            }
            let value = serde_json::from_str(&row.value)
                .inspect_err(|error| tracing::error!(%error, "unreadable entry value"))
                .ok()?;
            Some(EntryView {
                id: key_of(&row.id),
                kind,
                revision: row.revision,
                value,
                filed_by: row.filed_by_name,
                filed_at: Timestamp(row.filed_at.timestamp_millis()),
                current: row.current,
                correction_reason: row.correction_reason,
            })
        })
        .collect())
}
