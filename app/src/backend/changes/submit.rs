//! Applying for a change: the clerk's form becomes a numbered request
//! waiting on the department head, or a returned request goes back to
//! them corrected.

use super::super::{
    audit::{self, By, Event},
    auth::session::Actor,
    db::Db,
    errors::internal,
    ids::{is_valid_key, key_of, new_key},
    projects::{self, load_visible},
};
use super::record::{ChangeRow, load};
use crate::api::{AppError, ChangeSubmitted, Conflict, Problem};
use crate::domain::LocalMinute;
use crate::domain::change::{
    ChangeDraft, ChangeForm, ChangeNumber, ChangeRefusal, ChangeStep, may_act,
};
use surrealdb::types::{RecordId, SurrealValue, Value};

/// The form's fields as query parameters, for both writes.
fn form_values(form: &ChangeForm) -> Vec<(&'static str, Value)> {
    let triggers: Vec<String> = form.triggers.iter().map(|t| t.id().to_owned()).collect();
    vec![
        ("execute_at", form.execute_at.to_string().into_value()),
        ("origin", form.origin.id().to_owned().into_value()),
        ("scope", form.scope.id().to_owned().into_value()),
        ("other", form.other_explanation.clone().into_value()),
        ("target", form.target.id().to_owned().into_value()),
        ("triggers", triggers.into_value()),
        ("reason", form.reason.clone().into_value()),
        ("description", form.description.clone().into_value()),
        ("impact", form.impact.clone().into_value()),
    ]
}

const FORM_FIELDS: &str = "execute_at = $execute_at, origin = $origin, scope = $scope, \
     other_explanation = $other, target = $target, triggers = $triggers, reason = $reason, \
     description = $description, impact = $impact";

/// The clerk's submission as the first sign-off of the trail.
const SUBMITTED: &str = "{ step: 'draft', decision: 'submit', user: type::record('user', $me), \
     name: $me_name, on_behalf_of_name: NONE, opinion: '', training: '', at: time::now() }";

fn first_problem(problems: Vec<crate::domain::change::ChangeProblem>) -> AppError {
    problems
        .into_iter()
        .next()
        .map(|problem| Problem::Change(problem).into())
        .unwrap_or(AppError::BadRequest)
}

#[derive(SurrealValue)]
struct SystemRow {
    project: RecordId,
    name: String,
    department: RecordId,
}

/// A new request from the form; the number is given out in the same
/// transaction that creates it, so two requests never share one.
#[tracing::instrument(skip_all, fields(user = %actor.id()))]
pub async fn submit(
    db: &Db,
    actor: &Actor,
    draft: &ChangeDraft,
) -> Result<ChangeSubmitted, AppError> {
    let now = projects::now();
    let form = draft
        .validate(LocalMinute::from(now))
        .map_err(first_problem)?;
    if !is_valid_key(&form.system) {
        return Err(AppError::NotFound);
    }
    let system: Option<SystemRow> = db
        .query("SELECT project, name, department FROM ONLY type::record('system', $id)")
        .bind(("id", form.system.clone()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("loading a system"))?;
    let system = system.ok_or(AppError::NotFound)?;
    let project = load_visible(db, actor, &key_of(&system.project)).await?;
    if !may_act(ChangeStep::Draft, &project.context_for(&actor.user)) {
        tracing::info!("change request by someone outside the system's department refused");
        return Err(ChangeRefusal::NotYourStep.into());
    }

    let key = new_key();
    let year = now.local_year();
    let mut event = Event::new(
        By::actor(actor),
        "change.submit",
        format!("change_request:{key}"),
    );
    event.stage_after = ChangeStep::HeadSignature.id().to_owned();
    let event = event.details(&serde_json::json!({
        "system": form.system, "year": year, "execute_at": form.execute_at.to_string(),
    }));
    let change = format!(
        "LET $sequence = (UPSERT type::record('change_counter', $year)
             SET last = (last ?? 0) + 1 RETURN VALUE last)[0];
         CREATE type::record('change_request', $key) SET year = $year, sequence = $sequence,
             number = string::concat('BG-', <string>$year, '-',
                 IF $sequence < 10000 THEN string::slice(<string>(10000 + $sequence), 1)
                 ELSE <string>$sequence END),
             system = type::record('system', $system), project = $project,
             system_name = $system_name, department = $department, applied_at = time::now(),
             {FORM_FIELDS}, step = 'head_signature', status = 'open', version = 1,
             created_by = type::record('user', $me), created_by_name = $me_name,
             step_since = time::now(), updated_at = time::now(), signoffs = [{SUBMITTED}];"
    );
    let mut vars: Vec<(&'static str, Value)> = vec![
        ("key", key.clone().into_value()),
        ("year", year.into_value()),
        ("system", form.system.clone().into_value()),
        ("project", system.project.into_value()),
        ("system_name", system.name.into_value()),
        ("department", system.department.into_value()),
        ("me", actor.id().to_owned().into_value()),
        ("me_name", actor.user.display_name.clone().into_value()),
    ];
    vars.extend(form_values(&form));
    audit::commit(db, &event, &change, &vars)
        .await
        .map_err(internal("submitting a change request"))?;

    let sequence: Option<i64> = db
        .query("SELECT VALUE sequence FROM ONLY type::record('change_request', $key)")
        .bind(("key", key.clone()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("reading a change request's number"))?;
    let number = ChangeNumber {
        year: u16::try_from(year).unwrap_or_default(),
        sequence: sequence
            .and_then(|s| u32::try_from(s).ok())
            .unwrap_or_default(),
    };
    tracing::info!(change = %key, %number, "change request submitted");
    Ok(ChangeSubmitted { id: key, number })
}

/// A returned request, corrected by the clerk and handed to the
/// department head again. The system and the application time stay.
#[tracing::instrument(skip_all, fields(user = %actor.id(), change = %id))]
pub async fn resubmit(
    db: &Db,
    actor: &Actor,
    id: &str,
    seen_version: i64,
    draft: &ChangeDraft,
) -> Result<ChangeSubmitted, AppError> {
    let (row, project) = load(db, actor, id).await?;
    if row.version != seen_version {
        return Err(AppError::Conflict(Conflict::Stale));
    }
    let state = row.state()?;
    if !state.status.is_open() {
        return Err(ChangeRefusal::Closed.into());
    }
    if state.step != ChangeStep::Draft {
        return Err(ChangeRefusal::StepNotCurrent {
            current: state.step,
        }
        .into());
    }
    if !may_act(ChangeStep::Draft, &project.context_for(&actor.user)) {
        return Err(ChangeRefusal::NotYourStep.into());
    }
    let applied_at = LocalMinute::from(crate::domain::Timestamp(row.applied_at.timestamp_millis()));
    let draft = ChangeDraft {
        system: key_of(&row.system),
        ..draft.clone()
    };
    let form = draft.validate(applied_at).map_err(first_problem)?;
    write_resubmission(db, actor, &row, &form).await?;
    Ok(ChangeSubmitted {
        id: row.key(),
        number: row.number(),
    })
}

async fn write_resubmission(
    db: &Db,
    actor: &Actor,
    row: &ChangeRow,
    form: &ChangeForm,
) -> Result<(), AppError> {
    let mut event = Event::new(
        By::actor(actor),
        "change.resubmit",
        format!("change_request:{}", row.key()),
    );
    event.stage_before = ChangeStep::Draft.id().to_owned();
    event.stage_after = ChangeStep::HeadSignature.id().to_owned();
    let event = event.details(&serde_json::json!({ "version": row.version + 1 }));
    let change = format!(
        "LET $change = type::record('change_request', $key);
         IF (SELECT VALUE version FROM ONLY $change) != $seen {{ THROW 'change_stale' }};
         UPDATE $change SET {FORM_FIELDS}, step = 'head_signature', version = $seen + 1,
             step_since = time::now(), updated_at = time::now(), signoffs += {SUBMITTED};"
    );
    let mut vars: Vec<(&'static str, Value)> = vec![
        ("key", row.key().into_value()),
        ("seen", row.version.into_value()),
        ("me", actor.id().to_owned().into_value()),
        ("me_name", actor.user.display_name.clone().into_value()),
    ];
    vars.extend(form_values(form));
    audit::commit(db, &event, &change, &vars)
        .await
        .map_err(super::stale_or_internal("resubmitting a change request"))
}
