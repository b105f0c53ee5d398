//! Users: listing, creating, editing, disabling, and passwords.

use super::{
    auth::password,
    db::{Db, root_cause},
    errors::{internal, write_failed},
    ids::{is_valid_key, key_of},
};
use crate::api::{
    AppError, Conflict, DepartmentRef, Membership, Problem, UserRef, UserSummary, ValidNewUser,
    ValidUserChanges,
};
use crate::domain::{Role, Timestamp};
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

#[tracing::instrument(skip(db, user, password), fields(user_name = %user.user_name))]
pub async fn create(db: &Db, user: &ValidNewUser, password: String) -> Result<String, AppError> {
    check_department(db, &user.membership).await?;
    let hash = password::hash(password)
        .await
        .map_err(internal("hashing a password"))?;

    let id: Option<RecordId> = db
        .query(
            "CREATE ONLY user SET user_name = $user_name, display_name = $display_name, \
                 password_hash = $hash, roles = $roles, enabled = true, \
                 department = IF $department THEN type::record('department', $department) END \
             RETURN VALUE id",
        )
        .bind(("user_name", user.user_name.as_str().to_owned()))
        .bind(("display_name", user.display_name.as_str().to_owned()))
        .bind(("hash", hash.as_str().to_owned()))
        .bind(("roles", role_ids(&user.membership.roles)))
        .bind(("department", user.membership.department.clone()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(write_failed("creating a user", Conflict::UserNameTaken))?;
    let id = id.map(|id| key_of(&id)).ok_or(AppError::Internal)?;
    tracing::info!(user = %id, "user created");
    Ok(id)
}

/// Applies an administrator's edit in one transaction. The college keeps
/// at least one enabled administrator, a department's supervisor keeps
/// the vice-president role, and disabling a user ends their sessions in
/// the same commit.
#[tracing::instrument(skip(db, changes))]
pub async fn update(
    db: &Db,
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

    let response = db
        .query(
            "BEGIN TRANSACTION;
             LET $user = type::record('user', $id);
             LET $other_admins = array::len(SELECT VALUE id FROM user \
                 WHERE id != $user AND enabled AND 'admin' IN roles);
             IF $drops_admin AND $other_admins = 0 { THROW 'last_admin' };
             LET $supervised = array::len(SELECT VALUE id FROM department WHERE supervisor = $user);
             IF $drops_vice_president AND $supervised > 0 { THROW 'still_supervises' };
             UPDATE $user SET display_name = $display_name, roles = $roles, enabled = $enabled, \
                 department = IF $department THEN type::record('department', $department) END;
             IF !$enabled { DELETE session WHERE user = $user };
             COMMIT TRANSACTION;",
        )
        .bind(("id", id.to_owned()))
        .bind(("display_name", changes.display_name.as_str().to_owned()))
        .bind(("roles", role_ids(&changes.membership.roles)))
        .bind(("enabled", changes.enabled))
        .bind(("department", changes.membership.department.clone()))
        .bind((
            "drops_admin",
            current.roles.contains(&Role::Admin) && !keeps(Role::Admin),
        ))
        .bind((
            "drops_vice_president",
            current.roles.contains(&Role::VicePresident) && !keeps(Role::VicePresident),
        ))
        .await
        .and_then(root_cause);
    match response {
        Ok(_) => {}
        Err(error) if thrown(&error, "last_admin") => return Err(Problem::LastAdmin.into()),
        Err(error) if thrown(&error, "still_supervises") => {
            return Err(Problem::StillSupervises.into());
        }
        Err(error) => return Err(write_failed("updating a user", Conflict::Stale)(error)),
    }
    tracing::info!(user = %id, enabled = changes.enabled, roles = ?changes.membership.roles, "user updated");
    Ok(())
}

/// Sets a new password and, in the same commit, ends every session of
/// the user.
#[tracing::instrument(skip(db, new_password))]
pub async fn set_password(db: &Db, id: &str, new_password: String) -> Result<(), AppError> {
    let hash = password::hash(new_password)
        .await
        .map_err(internal("hashing a password"))?;
    db.query(
        "BEGIN TRANSACTION;
         UPDATE type::record('user', $id) SET password_hash = $hash;
         DELETE session WHERE user = type::record('user', $id);
         COMMIT TRANSACTION;",
    )
    .bind(("id", id.to_owned()))
    .bind(("hash", hash.as_str().to_owned()))
    .await
    .and_then(root_cause)
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
