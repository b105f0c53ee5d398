//! The people a project names: their names for the page, who may be named
//! in a form, and who a user acts as when a principal delegated to them.

use super::super::{
    auth::session::Actor,
    db::Db,
    errors::internal,
    ids::{is_valid_key, key_of},
    users,
};
use super::ProjectRecord;
use crate::api::{AppError, EntryView, PeoplePool, Principal, Problem, SessionUser, UserRef};
use crate::domain::process::ActorContext;
use std::collections::BTreeMap;
use surrealdb::types::{RecordId, SurrealValue};

#[derive(SurrealValue)]
struct NameRow {
    id: RecordId,
    display_name: String,
}

fn user_ref(row: NameRow) -> UserRef {
    UserRef {
        id: key_of(&row.id),
        display_name: row.display_name,
    }
}

/// The condition a pool's members meet, on `user` rows.
fn pool_condition(pool: PeoplePool) -> &'static str {
    match pool {
        PeoplePool::Staff => "enabled AND !(roles CONTAINSANY ['expert', 'contractor'])",
        PeoplePool::Contractors => "enabled AND 'contractor' IN roles",
        PeoplePool::Experts => "enabled AND 'expert' IN roles",
        PeoplePool::Anyone => "enabled",
    }
}

/// Everyone a form may name from a pool, by name.
pub async fn candidates(db: &Db, pool: PeoplePool) -> Result<Vec<UserRef>, AppError> {
    let rows: Vec<NameRow> = db
        .query(format!(
            "SELECT id, display_name FROM user WHERE {} ORDER BY display_name LIMIT 2000",
            pool_condition(pool)
        ))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("listing people"))?;
    Ok(rows.into_iter().map(user_ref).collect())
}

/// Refuses a list naming anyone outside the pool: unknown, disabled, or
/// without the role.
pub async fn check_eligible(db: &Db, ids: &[String], pool: PeoplePool) -> Result<(), AppError> {
    if !ids.iter().all(|id| is_valid_key(id)) {
        return Err(Problem::PersonNotEligible.into());
    }
    let records: Vec<RecordId> = ids
        .iter()
        .map(|id| RecordId::new("user", id.as_str()))
        .collect();
    let found: Option<usize> = db
        .query(format!(
            "count(SELECT id FROM $ids WHERE {})",
            pool_condition(pool)
        ))
        .bind(("ids", records))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("checking people named"))?;
    if found == Some(ids.len()) {
        Ok(())
    } else {
        Err(Problem::PersonNotEligible.into())
    }
}

/// Names of everyone the project and its entries mention, by user id.
pub async fn names(
    db: &Db,
    record: &ProjectRecord,
    entries: &[EntryView],
) -> Result<BTreeMap<String, UserRef>, AppError> {
    let mut ids: Vec<RecordId> = record
        .experts
        .iter()
        .chain(&record.group_members)
        .chain(&record.contractors)
        .chain(&record.leader)
        .cloned()
        .collect();
    for entry in entries {
        ids.extend(
            entry
                .value
                .people()
                .iter()
                .filter(|id| is_valid_key(id))
                .map(|id| RecordId::new("user", id.as_str())),
        );
    }
    ids.sort_by_key(key_of);
    ids.dedup();
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let rows: Vec<NameRow> = db
        .query("SELECT id, display_name FROM $ids")
        .bind(("ids", ids))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("naming project people"))?;
    Ok(rows
        .into_iter()
        .map(user_ref)
        .map(|user| (user.id.clone(), user))
        .collect())
}

/// Who the process sees when `actor` acts: themselves, or a principal
/// whose decisions are delegated to them today.
pub struct Acting {
    pub context: ActorContext,
    pub principal_id: Option<String>,
    pub principal_name: Option<String>,
}

pub async fn acting_as(
    db: &Db,
    actor: &Actor,
    record: &ProjectRecord,
    on_behalf_of: Option<&str>,
) -> Result<Acting, AppError> {
    let Some(principal) = on_behalf_of.filter(|id| !id.is_empty()) else {
        return Ok(Acting {
            context: record.context_for(&actor.user),
            principal_id: None,
            principal_name: None,
        });
    };
    let delegated = super::super::delegations::principals_of(db, actor.id()).await?;
    if !delegated.iter().any(|id| id == principal) {
        tracing::warn!(principal, "acting on behalf without a delegation refused");
        return Err(AppError::Forbidden);
    }
    let user = session_user(db, principal).await?;
    Ok(Acting {
        context: record.context_for(&user),
        principal_id: Some(user.id.clone()),
        principal_name: Some(user.display_name),
    })
}

/// The principals delegated to `actor` today, as the process sees each on
/// this project.
pub async fn principals_for(
    db: &Db,
    actor: &Actor,
    record: &ProjectRecord,
) -> Result<Vec<Principal>, AppError> {
    let mut principals = Vec::new();
    for principal in principal_actors(db, actor).await? {
        let user = principal.user;
        principals.push(Principal {
            context: record.context_for(&user),
            user: UserRef {
                id: user.id,
                display_name: user.display_name,
            },
        });
    }
    Ok(principals)
}

/// The users whose decisions are delegated to `actor` today, each as the
/// backend sees a user acting: a delegate sees and acts on what their
/// principal may, for as long as the delegation runs.
pub async fn principal_actors(db: &Db, actor: &Actor) -> Result<Vec<Actor>, AppError> {
    let mut principals = Vec::new();
    for id in super::super::delegations::principals_of(db, actor.id()).await? {
        principals.push(Actor::without_session(session_user(db, &id).await?));
    }
    Ok(principals)
}

async fn session_user(db: &Db, id: &str) -> Result<SessionUser, AppError> {
    let user = users::get(db, id).await?;
    if !user.enabled {
        return Err(AppError::Forbidden);
    }
    Ok(SessionUser {
        id: user.id,
        user_name: user.user_name,
        display_name: user.display_name,
        roles: user.roles,
        department: user.department,
    })
}
