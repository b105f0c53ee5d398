//! Projects: starting one from its application form, and finding those a
//! user may see.

use super::{
    audit::{self, By, Event},
    auth::session::Actor,
    authz,
    db::Db,
    errors::internal,
    ids::{is_valid_key, key_of, new_key},
};
use crate::api::{AppError, DepartmentRef, Problem, ProjectSummary};
use crate::domain::{
    Amount, Application, ApprovalTier, CategoryCode, ProjectClass, Timestamp,
    process::{PROCESS_VERSION, ProjectStatus, StageId},
};
use chrono::Utc;
use surrealdb::types::{Datetime, RecordId, SurrealValue, Value};

#[derive(SurrealValue)]
struct ProjectRow {
    id: RecordId,
    name: String,
    department: RecordId,
    department_code: String,
    department_name: String,
    category: String,
    class: String,
    budget_fen: i64,
    stage: String,
    status: String,
    created_at: Datetime,
}

const FIELDS: &str = "id, name, department, department.code AS department_code, \
     department.name AS department_name, category, class, budget_fen, stage, status, created_at";

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
         created_by = type::record('user', $me), created_at = time::now(), version = 1;";
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
        "{VIEWER} SELECT {FIELDS} FROM project WHERE {} ORDER BY created_at DESC LIMIT 500",
        authz::project_visibility(actor.roles())
    );
    let rows: Vec<ProjectRow> = viewer_query(db, query, actor)
        .await
        .and_then(|mut r| r.take(2))
        .map_err(internal("listing projects"))?;
    Ok(rows.into_iter().filter_map(summary).collect())
}

/// One project, if the actor may see it; otherwise as if it did not exist.
pub async fn get_visible(db: &Db, actor: &Actor, id: &str) -> Result<ProjectSummary, AppError> {
    if !is_valid_key(id) {
        return Err(AppError::NotFound);
    }
    let query = format!(
        "{VIEWER} SELECT {FIELDS} FROM project WHERE id = type::record('project', $id) AND {}",
        authz::project_visibility(actor.roles())
    );
    let rows: Vec<ProjectRow> = viewer_query(db, query, actor)
        .bind(("id", id.to_owned()))
        .await
        .and_then(|mut r| r.take(2))
        .map_err(internal("loading a project"))?;
    rows.into_iter().find_map(summary).ok_or(AppError::NotFound)
}

/// The two statements before each project query that name the viewer for
/// the visibility condition; the query's own result is therefore at 2.
const VIEWER: &str = "LET $me = type::record('user', $me_key);
     LET $my_department = IF $department_key THEN type::record('department', $department_key) END;";

fn viewer_query<'a>(
    db: &'a Db,
    query: String,
    actor: &Actor,
) -> surrealdb::method::Query<'a, surrealdb::engine::any::Any> {
    let department = actor.user.department.as_ref().map(|d| d.id.clone());
    db.query(query)
        .bind(("me_key", actor.id().to_owned()))
        .bind(("department_key", department))
}

fn summary(row: ProjectRow) -> Option<ProjectSummary> {
    let budget = Amount::from_fen(u64::try_from(row.budget_fen).ok()?);
    Some(ProjectSummary {
        id: key_of(&row.id),
        name: row.name,
        department: DepartmentRef {
            id: key_of(&row.department),
            code: row.department_code,
            name: row.department_name,
        },
        category: CategoryCode::parse(&row.category).ok()?,
        class: if row.class == "public_service" {
            ProjectClass::PublicService
        } else {
            ProjectClass::NonPublic
        },
        budget,
        tier: ApprovalTier::for_amount(budget),
        stage: row.stage.parse::<StageId>().ok()?,
        status: match row.status.as_str() {
            "rejected" => ProjectStatus::Rejected,
            "finished" => ProjectStatus::Finished,
            _ => ProjectStatus::Active,
        },
        created_at: Timestamp(row.created_at.timestamp_millis()),
    })
}

/// Today in Guangdong, for rules such as "go-live not in the past".
pub fn today() -> Result<crate::domain::CalendarDate, AppError> {
    let local = Timestamp(Utc::now().timestamp_millis()).to_local_date();
    crate::domain::CalendarDate::parse(&local).map_err(internal("reading today's date"))
}
