//! Users: listing, creating, editing, disabling, and passwords.

use super::{
    audit::{self, By, Event},
    auth::password,
    db::Db,
    errors::{internal, write_failed},
    ids::{is_valid_key, key_of, new_key},
};
use crate::api::{
    AppError, Conflict, DepartmentRef, Membership, Problem, UserRef, UserSummary, ValidNewUser,
    ValidUserChanges,
};
use crate::domain::{Role, Timestamp};
use serde_json::json;
use surrealdb::types::{Datetime, RecordId, SurrealValue};

const SUMMARY_FIELDS: &str = "id, user_name, display_name, roles, enabled, last_sign_in, \
     department, department.code AS department_code, department.name AS department_name";

#[derive(SurrealValue)]
struct UserRow {
    id: RecordId,
    user_name: String,
    display_name: String,
    roles: Vec<String>,
    enabled: bool,
    last_sign_in: Option<Datetime>,
    department: Option<RecordId>,
    department_code: Option<String>,
    department_name: Option<String>,
}

impl From<UserRow> for UserSummary {
    fn from(row: UserRow) -> Self {
        let department = match (row.department, row.department_code, row.department_name) {
            (Some(id), Some(code), Some(name)) => Some(DepartmentRef {
                id: key_of(&id),
                code,
                name,
            }),
            _ => None,
        };
        UserSummary {
            id: key_of(&row.id),
            user_name: row.user_name,
            display_name: row.display_name,
            department,
            roles: row.roles.iter().filter_map(|r| r.parse().ok()).collect(),
            enabled: row.enabled,
            last_sign_in: row.last_sign_in.map(|t| Timestamp(t.timestamp_millis())),
        }
    }
}

pub async fn list(db: &Db) -> Result<Vec<UserSummary>, AppError> {
    let rows: Vec<UserRow> = db
        .query(format!(
            "SELECT {SUMMARY_FIELDS} FROM user ORDER BY user_name"
        ))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("listing users"))?;
    Ok(rows.into_iter().map(UserSummary::from).collect())
}

pub async fn get(db: &Db, id: &str) -> Result<UserSummary, AppError> {
    if !is_valid_key(id) {
        return Err(AppError::NotFound);
    }
    let row: Option<UserRow> = db
        .query(format!(
            "SELECT {SUMMARY_FIELDS} FROM ONLY type::record('user', $id)"
        ))
        .bind(("id", id.to_owned()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("loading a user"))?;
    row.map(UserSummary::from).ok_or(AppError::NotFound)
}

/// Users holding a role, for pickers such as a department's supervisor.
pub async fn with_role(db: &Db, role: Role) -> Result<Vec<UserRef>, AppError> {
    #[derive(SurrealValue)]
    struct Row {
        id: RecordId,
        display_name: String,
    }
    let rows: Vec<Row> = db
        .query("SELECT id, display_name FROM user WHERE $role IN roles AND enabled ORDER BY display_name")
        .bind(("role", role.id()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("listing users by role"))?;
    Ok(rows
        .into_iter()
        .map(|r| UserRef {
            id: key_of(&r.id),
            display_name: r.display_name,
        })
        .collect())
}

#[tracing::instrument(skip_all, fields(user_name = %user.user_name))]
pub async fn create(
    db: &Db,
    by: By,
    user: &ValidNewUser,
    password: String,
) -> Result<String, AppError> {
    check_department(db, &user.membership).await?;
    let hash = password::hash(password)
        .await
        .map_err(internal("hashing a password"))?;
    let key = new_key();

    let event = Event::new(by, "user.create", format!("user:{key}")).details(&json!({
        "user_name": user.user_name.as_str(),
        "display_name": user.display_name.as_str(),
        "roles": role_ids(&user.membership.roles),
        "department": user.membership.department,
    }));
    let change = "CREATE type::record('user', $key) SET user_name = $user_name, \
         display_name = $display_name, password_hash = $hash, roles = $roles, enabled = true, \
         department = IF $department THEN type::record('department', $department) END;";
    let vars = [
        ("key", key.clone().into_value()),
        ("user_name", user.user_name.as_str().to_owned().into_value()),
        (
            "display_name",
            user.display_name.as_str().to_owned().into_value(),
        ),
        ("hash", hash.as_str().to_owned().into_value()),
        ("roles", role_ids(&user.membership.roles).into_value()),
        (
            "department",
            user.membership.department.clone().into_value(),
        ),
    ];
    audit::commit(db, &event, change, &vars)
        .await
        .map_err(write_failed("creating a user", Conflict::UserNameTaken))?;
    tracing::info!(user = %key, "user created");
    Ok(key)
}

/// Applies an administrator's edit in one transaction. The college keeps
/// at least one enabled administrator, a department's supervisor keeps
/// the vice-president role, and disabling a user ends their sessions in
/// the same commit.
#[tracing::instrument(skip(db, by, changes))]
pub async fn update(
    db: &Db,
    by: By,
    actor_id: &str,
    id: &str,
    changes: &ValidUserChanges,
) -> Result<(), AppError> {
    let current = get(db, id).await?;
    let keeps = |role: Role| changes.enabled && changes.membership.roles.contains(&role);
    if id == actor_id && !changes.enabled {
        return Err(Problem::CannotDisableSelf.into());
    }
    if id == actor_id && current.roles.contains(&Role::Admin) && !keeps(Role::Admin) {
        return Err(Problem::CannotRevokeOwnAdmin.into());
    }
    check_department(db, &changes.membership).await?;

    let event = Event::new(by, "user.update", format!("user:{id}")).details(&json!({
        "display_name": changes.display_name.as_str(),
        "roles": role_ids(&changes.membership.roles),
        "department": changes.membership.department,
        "enabled": changes.enabled,
    }));
    let change = "LET $user = type::record('user', $id);
         LET $other_admins = array::len(SELECT VALUE id FROM user \
             WHERE id != $user AND enabled AND 'admin' IN roles);
         IF $drops_admin AND $other_admins = 0 { THROW 'last_admin' };
         LET $supervised = array::len(SELECT VALUE id FROM department WHERE supervisor = $user);
         IF $drops_vice_president AND $supervised > 0 { THROW 'still_supervises' };
         UPDATE $user SET display_name = $display_name, roles = $roles, enabled = $enabled, \
             department = IF $department THEN type::record('department', $department) END;
         IF !$enabled { DELETE session WHERE user = $user };";
    let drops = |role: Role| current.roles.contains(&role) && !keeps(role);
    let vars = [
        ("id", id.to_owned().into_value()),
        (
            "display_name",
            changes.display_name.as_str().to_owned().into_value(),
        ),
        ("roles", role_ids(&changes.membership.roles).into_value()),
        ("enabled", changes.enabled.into_value()),
        (
            "department",
            changes.membership.department.clone().into_value(),
        ),
        ("drops_admin", drops(Role::Admin).into_value()),
        (
            "drops_vice_president",
            drops(Role::VicePresident).into_value(),
        ),
    ];
    match audit::commit(db, &event, change, &vars).await {
        Ok(()) => {}
        Err(error) if thrown(&error, "last_admin") => return Err(Problem::LastAdmin.into()),
        Err(error) if thrown(&error, "still_supervises") => {
            return Err(Problem::StillSupervises.into());
        }
        Err(error) => return Err(write_failed("updating a user", Conflict::Stale)(error)),
    }
    tracing::info!(user = %id, enabled = changes.enabled, "user updated");
    Ok(())
}

/// Sets a new password and, in the same commit, ends every session of
/// the user.
#[tracing::instrument(skip(db, by, new_password))]
pub async fn set_password(db: &Db, by: By, id: &str, new_password: String) -> Result<(), AppError> {
    let hash = password::hash(new_password)
        .await
        .map_err(internal("hashing a password"))?;
    let event = Event::new(by, "user.password", format!("user:{id}"));
    let change = "UPDATE type::record('user', $id) SET password_hash = $hash;
         DELETE session WHERE user = type::record('user', $id);";
    let vars = [
        ("id", id.to_owned().into_value()),
        ("hash", hash.as_str().to_owned().into_value()),
    ];
    audit::commit(db, &event, change, &vars)
        .await
        .map_err(internal("setting a password"))?;
    tracing::info!(user = %id, "password changed");
    Ok(())
}

/// True when `password` is the user's current one.
pub async fn password_matches(db: &Db, id: &str, password: String) -> Result<bool, AppError> {
    let stored: Option<String> = db
        .query("SELECT VALUE password_hash FROM ONLY type::record('user', $id)")
        .bind(("id", id.to_owned()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("loading a password hash"))?;
    let stored = stored.map(password::PasswordHashString::from_stored);
    Ok(stored.is_some() && password::verify(stored, password).await)
}

async fn check_department(db: &Db, membership: &Membership) -> Result<(), AppError> {
    let Some(department) = &membership.department else {
        return Ok(());
    };
    if !is_valid_key(department) {
        return Err(Problem::UnknownDepartment.into());
    }
    let exists: Option<RecordId> = db
        .query("SELECT VALUE id FROM ONLY type::record('department', $id)")
        .bind(("id", department.clone()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("checking a department"))?;
    exists.map(|_| ()).ok_or(Problem::UnknownDepartment.into())
}

/// A `THROW` from the transaction with this tag.
fn thrown(error: &surrealdb::Error, tag: &str) -> bool {
    error.is_thrown() && error.message().contains(tag)
}

fn role_ids(roles: &[Role]) -> Vec<String> {
    roles.iter().map(|r| r.id().to_owned()).collect()
}
