//! The register of information systems (信息系统名录): every system put
//! into use, as far as the viewer may see its project.

use super::super::{
    auth::session::Actor,
    db::Db,
    documents,
    errors::internal,
    ids::{is_valid_key, key_of},
    projects::{load_visible, viewer_query},
};
use super::record::{CHANGE_FIELDS, ChangeRow, visible_projects};
use crate::api::{AppError, DepartmentRef, SystemDetail, SystemFilter, SystemSummary};
use crate::domain::change::{ChangeStep, may_act};
use crate::domain::{CategoryClass, CategoryCode, ProjectClass};
use surrealdb::types::{RecordId, SurrealValue};

/// Most systems the register lists at once; filters narrow it further.
const REGISTER_LIMIT: usize = 2000;

#[derive(SurrealValue)]
struct SystemRow {
    id: RecordId,
    name: String,
    category: String,
    class: String,
    department: RecordId,
    department_code: String,
    department_name: String,
    contractor_org: Option<String>,
    go_live: String,
    open_changes: i64,
}

const SYSTEM_FIELDS: &str = "id, name, category, class, department, \
     department.code AS department_code, department.name AS department_name, contractor_org, \
     go_live, count(SELECT id FROM change_request WHERE system = $parent.id AND status = 'open') \
     AS open_changes";

impl SystemRow {
    fn summary(self) -> Option<SystemSummary> {
        Some(SystemSummary {
            id: key_of(&self.id),
            name: self.name,
            category: CategoryCode::parse(&self.category).ok()?,
            class: if self.class == "public_service" {
                ProjectClass::PublicService
            } else {
                ProjectClass::NonPublic
            },
            department: DepartmentRef {
                id: key_of(&self.department),
                code: self.department_code,
                name: self.department_name,
            },
            contractor_org: self.contractor_org,
            go_live: self.go_live,
            open_changes: u32::try_from(self.open_changes).unwrap_or_default(),
        })
    }
}

/// The visible systems that pass the filter, by name.
pub async fn register(
    db: &Db,
    actor: &Actor,
    filter: &SystemFilter,
) -> Result<Vec<SystemSummary>, AppError> {
    let (prelude, visible) = visible_projects(actor.roles());
    let mut conditions = vec![visible.to_owned()];
    let text = filter.text.trim().to_lowercase();
    if !text.is_empty() {
        conditions.push(
            "(string::contains(string::lowercase(name), $text) \
              OR string::contains(string::lowercase(contractor_org ?? ''), $text))"
                .into(),
        );
    }
    if !filter.department.is_empty() {
        conditions.push("department = type::record('department', $department)".into());
    }
    let category = filter.category.trim();
    let class_number = category.parse::<u8>().ok();
    if let Some(number) = class_number {
        // A class: every category code that starts with its number.
        if CategoryClass::ALL.iter().any(|c| c.number() == number) {
            conditions.push("string::starts_with(category, $category_prefix)".into());
        }
    } else if !category.is_empty() {
        conditions.push("category = $category".into());
    }
    if !filter.class.is_empty() {
        conditions.push("class = $class".into());
    }
    let query = format!(
        "{prelude}
         SELECT {SYSTEM_FIELDS} FROM system WHERE {} ORDER BY name LIMIT {REGISTER_LIMIT}",
        conditions.join(" AND ")
    );
    let rows: Vec<SystemRow> = viewer_query(db, query, actor)
        .bind(("text", text))
        .bind(("department", filter.department.clone()))
        .bind((
            "category_prefix",
            class_number.map(|n| format!("{n}-")).unwrap_or_default(),
        ))
        .bind(("category", category.to_owned()))
        .bind(("class", filter.class.clone()))
        .await
        .and_then(|mut r| r.take(3))
        .map_err(internal("listing the register"))?;
    Ok(rows.into_iter().filter_map(SystemRow::summary).collect())
}

/// A system's page, if the viewer may see its project.
pub async fn system_detail(db: &Db, actor: &Actor, id: &str) -> Result<SystemDetail, AppError> {
    if !is_valid_key(id) {
        return Err(AppError::NotFound);
    }
    // The system's key is its project's.
    let project = load_visible(db, actor, id).await?;
    let row: Option<SystemRow> = db
        .query(format!(
            "SELECT {SYSTEM_FIELDS} FROM ONLY type::record('system', $id)"
        ))
        .bind(("id", id.to_owned()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("loading a system"))?;
    let system = row.and_then(SystemRow::summary).ok_or(AppError::NotFound)?;
    let changes: Vec<ChangeRow> = db
        .query(format!(
            "SELECT {CHANGE_FIELDS} FROM change_request
             WHERE system = type::record('system', $id) ORDER BY year DESC, sequence DESC"
        ))
        .bind(("id", id.to_owned()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("listing a system's changes"))?;
    let external = super::super::projects::ProjectRecord::shown_as_external(actor.roles());
    let documents = if external {
        Vec::new()
    } else {
        documents::list(db, &project.id).await?
    };
    Ok(SystemDetail {
        may_request_change: may_act(ChangeStep::Draft, &project.context_for(&actor.user)),
        project: project
            .summary_for(actor)
            .ok_or_else(|| internal("reading a project")("malformed record"))?,
        changes: changes
            .iter()
            .map(ChangeRow::summary)
            .collect::<Result<_, _>>()?,
        documents,
        system,
    })
}
