//! A change request as stored, and what the domain makes of it.

use super::super::{
    auth::session::Actor,
    authz,
    db::Db,
    errors::internal,
    ids::{is_valid_key, key_of},
    projects::{ProjectRecord, VIEWER, load_visible},
};
use crate::api::{AppError, ChangeSummary, DepartmentRef, SessionUser, SignoffView};
use crate::domain::change::{
    ChangeDecision, ChangeForm, ChangeNumber, ChangeOrigin, ChangeScope, ChangeState, ChangeStatus,
    ChangeStep, ChangeTarget, ChangeTrigger,
};
use crate::domain::process::ActorContext;
use crate::domain::{LocalMinute, Timestamp};
use surrealdb::types::{Datetime, RecordId, SurrealValue};

#[derive(Clone, Debug, SurrealValue)]
pub struct SignoffRow {
    pub step: String,
    pub decision: String,
    pub name: String,
    pub on_behalf_of_name: Option<String>,
    pub opinion: String,
    pub training: String,
    pub at: Datetime,
}

#[derive(Clone, Debug, SurrealValue)]
pub struct ChangeRow {
    pub id: RecordId,
    pub year: i64,
    pub sequence: i64,
    pub system: RecordId,
    pub project: RecordId,
    pub system_name: String,
    pub department: RecordId,
    pub department_code: String,
    pub department_name: String,
    pub applied_at: Datetime,
    pub execute_at: String,
    pub origin: String,
    pub scope: String,
    pub other_explanation: String,
    pub target: String,
    pub triggers: Vec<String>,
    pub reason: String,
    pub description: String,
    pub impact: String,
    pub step: String,
    pub status: String,
    pub version: i64,
    pub created_by_name: String,
    pub step_since: Datetime,
    pub signoffs: Vec<SignoffRow>,
    /// The department's supervising vice president and the contractor's
    /// accounts, for deciding who acts at each step.
    pub supervisor: Option<RecordId>,
    pub contractors: Vec<RecordId>,
}

/// Every field of `ChangeRow`, for SELECT.
pub const CHANGE_FIELDS: &str = "id, year, sequence, system, project, system_name, department, \
     department.code AS department_code, department.name AS department_name, applied_at, \
     execute_at, origin, scope, other_explanation, target, triggers, reason, description, \
     impact, step, status, version, created_by_name, step_since, signoffs, \
     department.supervisor AS supervisor, project.contractors ?? [] AS contractors";

/// Statements that bind `$visible` to the projects the actor may see, so
/// that change and system queries carry the project visibility rule; and
/// the condition to put on rows with a `project` field. Queries using it
/// find their own result at index 3.
pub fn visible_projects(roles: &[crate::domain::Role]) -> (String, &'static str) {
    let condition = authz::project_visibility(roles);
    if condition == "true" {
        // Everyone's projects: no need to list them.
        (format!("{}\nLET $visible = NONE;", VIEWER), "true")
    } else {
        (
            format!(
                "{}\nLET $visible = (SELECT VALUE id FROM project WHERE {condition});",
                VIEWER
            ),
            "$visible CONTAINS project",
        )
    }
}

/// One change request, with the project of its system, if the actor may
/// see that project; otherwise `NotFound`.
pub async fn load(
    db: &Db,
    actor: &Actor,
    id: &str,
) -> Result<(ChangeRow, ProjectRecord), AppError> {
    if !is_valid_key(id) {
        return Err(AppError::NotFound);
    }
    let row: Option<ChangeRow> = db
        .query(format!(
            "SELECT {CHANGE_FIELDS} FROM ONLY type::record('change_request', $id)"
        ))
        .bind(("id", id.to_owned()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("loading a change request"))?;
    let row = row.ok_or(AppError::NotFound)?;
    let project = load_visible(db, actor, &key_of(&row.project)).await?;
    Ok((row, project))
}

fn unknown(row: &ChangeRow, what: &str) -> AppError {
    tracing::error!(change = %key_of(&row.id), what, "change record holds an unknown value");
    AppError::Internal
}

impl ChangeRow {
    /// How the change flow sees `user` on this request.
    pub fn context_for(&self, user: &SessionUser) -> ActorContext {
        let me = RecordId::new("user", user.id.as_str());
        ActorContext {
            roles: user.roles.clone(),
            is_member_of_applying_department: user
                .department
                .as_ref()
                .is_some_and(|d| d.id == key_of(&self.department)),
            supervises_applying_department: self.supervisor.as_ref() == Some(&me),
            is_assigned_contractor: self.contractors.contains(&me),
            ..ActorContext::default()
        }
    }

    pub fn key(&self) -> String {
        key_of(&self.id)
    }

    pub fn number(&self) -> ChangeNumber {
        ChangeNumber {
            year: u16::try_from(self.year).unwrap_or_default(),
            sequence: u32::try_from(self.sequence).unwrap_or_default(),
        }
    }

    pub fn state(&self) -> Result<ChangeState, AppError> {
        Ok(ChangeState {
            step: ChangeStep::parse(&self.step).ok_or_else(|| unknown(self, &self.step))?,
            status: ChangeStatus::parse(&self.status).ok_or_else(|| unknown(self, &self.status))?,
        })
    }

    pub fn form(&self) -> Result<ChangeForm, AppError> {
        let triggers = self
            .triggers
            .iter()
            .map(|id| ChangeTrigger::parse(id).ok_or_else(|| unknown(self, id)))
            .collect::<Result<_, _>>()?;
        Ok(ChangeForm {
            system: key_of(&self.system),
            execute_at: LocalMinute::parse(&self.execute_at)
                .map_err(|_| unknown(self, &self.execute_at))?,
            origin: ChangeOrigin::parse(&self.origin).ok_or_else(|| unknown(self, &self.origin))?,
            scope: ChangeScope::parse(&self.scope).ok_or_else(|| unknown(self, &self.scope))?,
            other_explanation: self.other_explanation.clone(),
            target: ChangeTarget::parse(&self.target).ok_or_else(|| unknown(self, &self.target))?,
            triggers,
            reason: self.reason.clone(),
            description: self.description.clone(),
            impact: self.impact.clone(),
        })
    }

    pub fn summary(&self) -> Result<ChangeSummary, AppError> {
        Ok(ChangeSummary {
            id: self.key(),
            number: self.number(),
            system_id: key_of(&self.system),
            system_name: self.system_name.clone(),
            department: DepartmentRef {
                id: key_of(&self.department),
                code: self.department_code.clone(),
                name: self.department_name.clone(),
            },
            applied_at: Timestamp(self.applied_at.timestamp_millis()),
            execute_at: self.execute_at.clone(),
            state: self.state()?,
            version: self.version,
            since: Timestamp(self.step_since.timestamp_millis()),
        })
    }

    /// The sign-offs; `external` viewers see who decided, not what the
    /// college's internal reviews said.
    pub fn signoffs(&self, external: bool) -> Vec<SignoffView> {
        self.signoffs
            .iter()
            .filter_map(|row| {
                let step = ChangeStep::parse(&row.step)?;
                let internal = matches!(step, ChangeStep::Review | ChangeStep::Approval);
                let hide = external && internal;
                Some(SignoffView {
                    step,
                    decision: ChangeDecision::parse(&row.decision)?,
                    name: row.name.clone(),
                    on_behalf_of: row.on_behalf_of_name.clone(),
                    opinion: if hide {
                        String::new()
                    } else {
                        row.opinion.clone()
                    },
                    training: row.training.clone(),
                    at: Timestamp(row.at.timestamp_millis()),
                })
            })
            .collect()
    }
}
