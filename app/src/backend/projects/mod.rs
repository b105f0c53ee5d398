//! Projects: starting one, finding those a user may see, and the work of
//! their stages.

mod board;
mod decide;
mod entries;
mod inbox;
mod ledger;
mod people;
mod record;
mod timeline;

pub use board::{board, ledger};
pub use decide::{OPINION_LIMIT, decide};
pub use entries::{correct, file, invite_experts};
pub use inbox::inbox;
pub use ledger::{record_payment, register_asset};
pub use people::{acting_as, candidates, principal_actors, principals_for};
pub use record::{ProjectRecord, VIEWER, load_visible, viewer_query};

use super::{
    audit::{self, By, Event},
    auth::session::Actor,
    authz,
    db::Db,
    errors::internal,
    ids::new_key,
};
use crate::api::{AppError, Problem, ProjectDetail, ProjectSummary};
use crate::domain::{
    Application, ProjectClass, Timestamp,
    process::{PROCESS_VERSION, StageId},
};
use chrono::Utc;
use record::RECORD_FIELDS;
use surrealdb::types::{SurrealValue, Value};

/// Starts a project at research in the actor's department.
#[tracing::instrument(skip_all, fields(user = %actor.id()))]
pub async fn start(db: &Db, actor: &Actor, application: &Application) -> Result<String, AppError> {
    let department = actor
        .user
        .department
        .as_ref()
        .ok_or(Problem::DepartmentRequiredForRole)?;
    let key = new_key();
    let class = match application.class {
        ProjectClass::PublicService => "public_service",
        ProjectClass::NonPublic => "non_public",
    };
    let budget = i64::try_from(application.budget.fen()).map_err(|_| AppError::BadRequest)?;
    let form = serde_json::to_string(application).map_err(internal("encoding an application"))?;

    let event = Event {
        stage_after: StageId::Research.id().to_owned(),
        ..Event::new(By::actor(actor), "project.start", format!("project:{key}"))
    }
    .details(&serde_json::json!({ "name": application.name, "budget_fen": budget }));
    let change = "CREATE type::record('project', $key) SET name = $name, \
         department = type::record('department', $department), category = $category, \
         class = $class, budget_fen = $budget, application = $application, \
         process_version = $version, stage = $stage, status = 'active', \
         created_by = type::record('user', $me), created_at = time::now(), version = 1, \
         outputs = ['application_form'], stage_since = time::now(), updated_at = time::now();";
    let vars: [(&'static str, Value); 10] = [
        ("key", key.clone().into_value()),
        ("name", application.name.clone().into_value()),
        ("department", department.id.clone().into_value()),
        ("category", application.category.to_string().into_value()),
        ("class", class.to_owned().into_value()),
        ("budget", budget.into_value()),
        ("application", form.into_value()),
        ("version", PROCESS_VERSION.to_owned().into_value()),
        ("stage", StageId::Research.id().to_owned().into_value()),
        ("me", actor.id().to_owned().into_value()),
    ];
    audit::commit(db, &event, change, &vars)
        .await
        .map_err(internal("starting a project"))?;
    tracing::info!(project = %key, "project started");
    Ok(key)
}

/// The projects the actor may see, newest first.
pub async fn list_visible(db: &Db, actor: &Actor) -> Result<Vec<ProjectSummary>, AppError> {
    let query = format!(
        "{VIEWER} SELECT {RECORD_FIELDS} FROM project WHERE {} ORDER BY created_at DESC LIMIT 500",
        authz::project_visibility(actor.roles())
    );
    let rows: Vec<ProjectRecord> = viewer_query(db, query, actor)
        .await
        .and_then(|mut r| r.take(2))
        .map_err(internal("listing projects"))?;
    Ok(rows.iter().filter_map(|r| r.summary_for(actor)).collect())
}

/// One project's header, if the actor may see it.
pub async fn get_visible(db: &Db, actor: &Actor, id: &str) -> Result<ProjectSummary, AppError> {
    let record = load_visible(db, actor, id).await?;
    record
        .summary_for(actor)
        .ok_or_else(|| internal("reading a project")("malformed record"))
}

/// Everything the project page shows, as far as the actor may see it.
pub async fn detail(db: &Db, actor: &Actor, id: &str) -> Result<ProjectDetail, AppError> {
    let record = load_visible(db, actor, id).await?;
    let summary = record
        .summary_for(actor)
        .ok_or_else(|| internal("reading a project")("malformed record"))?;
    let external = ProjectRecord::shown_as_external(actor.roles());
    let entries = entries::list(db, &record, actor, external).await?;
    let documents = super::documents::visible(db, actor, &record, &entries).await?;
    let shown_documents: Option<Vec<String>> =
        external.then(|| documents.iter().map(|d| d.id.clone()).collect());
    let timeline = timeline::events(db, &record, shown_documents.as_deref()).await?;
    let on_behalf = people::principals_for(db, actor, &record).await?;
    let application = if external {
        None
    } else {
        application_of(db, &record).await?
    };
    let (payments, asset) = if external {
        (Vec::new(), None)
    } else {
        ledger::read(db, &record).await?
    };
    let mut names = people::names(db, &record, &entries).await?;
    if external {
        // Outsiders learn nothing of who else reviewed the project.
        let experts: Vec<String> = record.experts.iter().map(super::ids::key_of).collect();
        names.retain(|id, _| !experts.contains(id) || id == actor.id());
    }
    let refs = |ids: &[surrealdb::types::RecordId]| -> Vec<crate::api::UserRef> {
        ids.iter()
            .filter_map(|id| names.get(&super::ids::key_of(id)).cloned())
            .collect()
    };
    Ok(ProjectDetail {
        version: record.version,
        state: if external {
            record.state()?.as_seen_from_outside()
        } else {
            record.state()?
        },
        me: record.context_for(&actor.user),
        on_behalf,
        stage_since: record.since(),
        registry_number: record.registry_number.clone().filter(|_| !external),
        contractor_org: record.contractor_org.clone(),
        leader: record
            .leader
            .as_ref()
            .and_then(|id| names.get(&super::ids::key_of(id)).cloned()),
        group: refs(&record.group_members),
        experts: if external {
            Vec::new()
        } else {
            refs(&record.experts)
        },
        contractors: refs(&record.contractors),
        people: names.values().cloned().collect(),
        application,
        entries,
        documents,
        payments,
        asset,
        timeline,
        summary,
    })
}

/// The application form a project began with, kept whole as submitted.
async fn application_of(
    db: &Db,
    record: &ProjectRecord,
) -> Result<Option<crate::domain::Application>, AppError> {
    let stored: Option<String> = db
        .query("SELECT VALUE application FROM ONLY $project")
        .bind(("project", record.id.clone()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("reading an application form"))?;
    Ok(stored.and_then(|json| {
        serde_json::from_str(&json)
            .inspect_err(|error| {
                tracing::error!(project = %record.key(), %error, "stored application unreadable");
            })
            .ok()
    }))
}

/// The entries of a project as `actor` is shown them.
pub async fn entries_seen_by(
    db: &Db,
    record: &ProjectRecord,
    actor: &Actor,
) -> Result<Vec<crate::api::EntryView>, AppError> {
    let external = ProjectRecord::shown_as_external(actor.roles());
    entries::list(db, record, actor, external).await
}

/// Today in Guangdong, for rules such as "go-live not in the past".
pub fn today() -> Result<crate::domain::CalendarDate, AppError> {
    let local = now().to_local_date();
    crate::domain::CalendarDate::parse(&local).map_err(internal("reading today's date"))
}

pub fn now() -> Timestamp {
    Timestamp(Utc::now().timestamp_millis())
}
