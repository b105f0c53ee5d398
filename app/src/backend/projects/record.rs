//! A project's record as stored, and what the process makes of it: its
//! state, and how it sees a given user.

use super::super::{authz, db::Db, errors::internal, ids::is_valid_key, ids::key_of};
use crate::api::{AppError, DepartmentRef, ProjectSummary, SessionUser};
use crate::backend::auth::session::Actor;
use crate::domain::process::{
    ActorContext, HandoverItem, OutputKind, ProjectState, ProjectStatus, StageId,
};
use crate::domain::{Amount, ApprovalTier, CategoryCode, ProjectClass, Role, Timestamp};
use surrealdb::types::{Datetime, RecordId, SurrealValue};

#[derive(Clone, Debug, SurrealValue)]
pub struct ProjectRecord {
    pub id: RecordId,
    pub name: String,
    pub department: RecordId,
    pub department_code: String,
    pub department_name: String,
    pub department_supervisor: Option<RecordId>,
    pub category: String,
    pub class: String,
    pub budget_fen: i64,
    pub stage: String,
    pub status: String,
    pub created_at: Datetime,
    pub process_version: String,
    pub version: i64,
    pub outputs: Vec<String>,
    pub final_budget_fen: Option<i64>,
    pub contract_fen: Option<i64>,
    pub approved_tier: Option<String>,
    pub handover: Vec<String>,
    pub experts: Vec<RecordId>,
    pub group_members: Vec<RecordId>,
    pub leader: Option<RecordId>,
    pub contractors: Vec<RecordId>,
    pub contractor_org: Option<String>,
    pub registry_number: Option<String>,
    pub stage_since: Datetime,
}

/// Every field of `ProjectRecord`, for SELECT.
pub const RECORD_FIELDS: &str = "id, name, department, department.code AS department_code, \
     department.name AS department_name, department.supervisor AS department_supervisor, \
     category, class, budget_fen, stage, status, created_at, process_version, version, \
     outputs, final_budget_fen, contract_fen, approved_tier, handover, experts, group_members, \
     leader, contractors, contractor_org, registry_number, stage_since";

/// The two statements before each project query that name the viewer for
/// the visibility condition; the query's own result is therefore at 2.
pub const VIEWER: &str = "LET $me = type::record('user', $me_key);
     LET $my_department = IF $department_key THEN type::record('department', $department_key) END;";

pub fn viewer_query<'a>(
    db: &'a Db,
    query: String,
    actor: &Actor,
) -> surrealdb::method::Query<'a, surrealdb::engine::any::Any> {
    let department = actor.user.department.as_ref().map(|d| d.id.clone());
    db.query(query)
        .bind(("me_key", actor.id().to_owned()))
        .bind(("department_key", department))
}

/// One project, if the actor may see it, or a principal who delegated
/// their decisions to the actor may; otherwise `NotFound`, as if it did
/// not exist.
pub async fn load_visible(db: &Db, actor: &Actor, id: &str) -> Result<ProjectRecord, AppError> {
    if !is_valid_key(id) {
        return Err(AppError::NotFound);
    }
    if let Some(record) = load_seen_by(db, actor, id).await? {
        return Ok(record);
    }
    for principal in super::people::principal_actors(db, actor).await? {
        if let Some(record) = load_seen_by(db, &principal, id).await? {
            return Ok(record);
        }
    }
    Err(AppError::NotFound)
}

/// One project, if this user's own place lets them see it.
async fn load_seen_by(db: &Db, actor: &Actor, id: &str) -> Result<Option<ProjectRecord>, AppError> {
    let query = format!(
        "{VIEWER} SELECT {RECORD_FIELDS} FROM project \
         WHERE id = type::record('project', $id) AND {}",
        authz::project_visibility(actor.roles())
    );
    let rows: Vec<ProjectRecord> = viewer_query(db, query, actor)
        .bind(("id", id.to_owned()))
        .await
        .and_then(|mut r| r.take(2))
        .map_err(internal("loading a project"))?;
    Ok(rows.into_iter().next())
}

fn fen(value: Option<i64>) -> Option<Amount> {
    value
        .and_then(|fen| u64::try_from(fen).ok())
        .map(Amount::from_fen)
}

impl ProjectRecord {
    pub fn key(&self) -> String {
        key_of(&self.id)
    }

    pub fn stage_id(&self) -> Result<StageId, AppError> {
        self.stage
            .parse()
            .map_err(internal("reading a project's stage"))
    }

    /// The process state the record holds. A value this build does not
    /// know means the record was written by something else: refuse to act.
    pub fn state(&self) -> Result<ProjectState, AppError> {
        let unknown = |what: &str| {
            tracing::error!(project = %self.key(), what, "project record holds an unknown value");
            AppError::Internal
        };
        let outputs = self
            .outputs
            .iter()
            .map(|id| OutputKind::parse(id).ok_or_else(|| unknown(id)))
            .collect::<Result<_, _>>()?;
        let handover = self
            .handover
            .iter()
            .map(|id| HandoverItem::parse(id).ok_or_else(|| unknown(id)))
            .collect::<Result<_, _>>()?;
        let approved_tier = match &self.approved_tier {
            Some(id) => Some(ApprovalTier::parse(id).ok_or_else(|| unknown(id))?),
            None => None,
        };
        Ok(ProjectState {
            process_version: self.process_version.clone(),
            stage: self.stage_id()?,
            status: status_of(&self.status),
            outputs,
            budget: fen(self.final_budget_fen),
            contract_amount: fen(self.contract_fen),
            approved_tier,
            handover,
        })
    }

    /// How the process sees `user` on this project.
    pub fn context_for(&self, user: &SessionUser) -> ActorContext {
        let me = RecordId::new("user", user.id.as_str());
        let department_key = key_of(&self.department);
        ActorContext {
            roles: user.roles.clone(),
            is_member_of_applying_department: user
                .department
                .as_ref()
                .is_some_and(|d| d.id == department_key),
            supervises_applying_department: self.department_supervisor.as_ref() == Some(&me),
            is_project_group_member: self.group_members.contains(&me),
            is_project_leader: self.leader.as_ref() == Some(&me),
            is_assigned_contractor: self.contractors.contains(&me),
            is_invited_expert: self.experts.contains(&me),
        }
    }

    /// Experts and contractors see the project, never its internal
    /// opinions or budget decisions (DESIGN §6).
    pub fn shown_as_external(roles: &[Role]) -> bool {
        !roles.is_empty() && roles.iter().all(|role| role.is_external())
    }

    pub fn summary(&self) -> Option<ProjectSummary> {
        self.summary_as(false)
    }

    /// The header as `actor` may see it: outsiders see the tier of the
    /// budget applied for (or of their contract), never the one the IT
    /// centre's final plan set.
    pub fn summary_for(&self, actor: &Actor) -> Option<ProjectSummary> {
        self.summary_as(Self::shown_as_external(actor.roles()))
    }

    fn summary_as(&self, external: bool) -> Option<ProjectSummary> {
        let budget = Amount::from_fen(u64::try_from(self.budget_fen).ok()?);
        let final_budget = if external {
            None
        } else {
            fen(self.final_budget_fen)
        };
        Some(ProjectSummary {
            id: self.key(),
            name: self.name.clone(),
            department: DepartmentRef {
                id: key_of(&self.department),
                code: self.department_code.clone(),
                name: self.department_name.clone(),
            },
            category: CategoryCode::parse(&self.category).ok()?,
            class: if self.class == "public_service" {
                ProjectClass::PublicService
            } else {
                ProjectClass::NonPublic
            },
            budget,
            tier: final_budget
                .max(fen(self.contract_fen))
                .map_or(ApprovalTier::for_amount(budget), ApprovalTier::for_amount),
            stage: self.stage.parse::<StageId>().ok()?,
            status: status_of(&self.status),
            created_at: Timestamp(self.created_at.timestamp_millis()),
        })
    }

    pub fn since(&self) -> Timestamp {
        Timestamp(self.stage_since.timestamp_millis())
    }
}

pub fn status_of(text: &str) -> ProjectStatus {
    match text {
        "rejected" => ProjectStatus::Rejected,
        "finished" => ProjectStatus::Finished,
        _ => ProjectStatus::Active,
    }
}

pub fn status_id(status: ProjectStatus) -> &'static str {
    match status {
        ProjectStatus::Active => "active",
        ProjectStatus::Rejected => "rejected",
        ProjectStatus::Finished => "finished",
    }
}
