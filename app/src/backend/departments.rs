//! Departments and the vice president who supervises each.

use super::{
    audit::{self, By, Event},
    db::Db,
    errors::{internal, write_failed},
    ids::{is_valid_key, key_of, new_key},
};
use crate::api::{AppError, Conflict, Department, Problem, UserRef, ValidDepartment};
use crate::domain::{DepartmentKind, Role};
use serde_json::json;
use surrealdb::types::{RecordId, SurrealValue};

#[derive(SurrealValue)]
struct DepartmentRow {
    id: RecordId,
    code: String,
    name: String,
    kind: String,
    supervisor: Option<RecordId>,
    supervisor_name: Option<String>,
}

const FIELDS: &str = "id, code, name, kind, supervisor, supervisor.display_name AS supervisor_name";

impl DepartmentRow {
    fn into_department(self) -> Department {
        let supervisor = match (self.supervisor, self.supervisor_name) {
            (Some(id), Some(display_name)) => Some(UserRef {
                id: key_of(&id),
                display_name,
            }),
            _ => None,
        };
        Department {
            id: key_of(&self.id),
            code: self.code,
            name: self.name,
            kind: DepartmentKind::from_id(&self.kind).unwrap_or(DepartmentKind::Business),
            supervisor,
        }
    }
}

pub async fn list(db: &Db) -> Result<Vec<Department>, AppError> {
    let rows: Vec<DepartmentRow> = db
        .query(format!("SELECT {FIELDS} FROM department ORDER BY code"))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("listing departments"))?;
    Ok(rows
        .into_iter()
        .map(DepartmentRow::into_department)
        .collect())
}

pub async fn get(db: &Db, id: &str) -> Result<Department, AppError> {
    if !is_valid_key(id) {
        return Err(AppError::NotFound);
    }
    let row: Option<DepartmentRow> = db
        .query(format!(
            "SELECT {FIELDS} FROM ONLY type::record('department', $id)"
        ))
        .bind(("id", id.to_owned()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("loading a department"))?;
    row.map(DepartmentRow::into_department)
        .ok_or(AppError::NotFound)
}

/// Creates the department, or updates it when `id` is given. Returns its id.
#[tracing::instrument(skip(db, by, department), fields(code = %department.code))]
pub async fn save(
    db: &Db,
    by: By,
    id: Option<&str>,
    department: &ValidDepartment,
) -> Result<String, AppError> {
    if let Some(supervisor) = &department.supervisor {
        check_supervisor(db, supervisor).await?;
    }
    let key = match id {
        Some(id) if is_valid_key(id) => get(db, id).await?.id,
        Some(_) => return Err(AppError::NotFound),
        None => new_key(),
    };
    // UPSERT on the full record id: a create for a new key, an update for
    // an existing one, and the unique code index refuses duplicates.
    let change = "UPSERT type::record('department', $key) SET code = $code, name = $name, \
         kind = $kind, supervisor = IF $supervisor THEN type::record('user', $supervisor) END;";
    let event = Event::new(by, "department.save", format!("department:{key}")).details(&json!({
        "code": department.code.as_str(),
        "name": department.name,
        "kind": department.kind.id(),
        "supervisor": department.supervisor,
    }));
    let vars = [
        ("key", key.clone().into_value()),
        ("code", department.code.as_str().to_owned().into_value()),
        ("name", department.name.clone().into_value()),
        ("kind", department.kind.id().to_owned().into_value()),
        ("supervisor", department.supervisor.clone().into_value()),
    ];
    audit::commit(db, &event, change, &vars)
        .await
        .map_err(write_failed(
            "saving a department",
            Conflict::DepartmentCodeTaken,
        ))?;
    tracing::info!(department = %key, "department saved");
    Ok(key)
}

async fn check_supervisor(db: &Db, user: &str) -> Result<(), AppError> {
    if !is_valid_key(user) {
        return Err(Problem::SupervisorNotVicePresident.into());
    }
    // A missing user yields no roles; `Vec` reads the array itself, where
    // `Option<Vec<_>>` would read it as rows.
    let roles: Vec<String> = db
        .query("SELECT VALUE roles FROM ONLY type::record('user', $id)")
        .bind(("id", user.to_owned()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("checking a supervisor"))?;
    let is_vice_president = roles.iter().any(|r| r == Role::VicePresident.id());
    if is_vice_president {
        Ok(())
    } else {
        Err(Problem::SupervisorNotVicePresident.into())
    }
}
