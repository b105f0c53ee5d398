//! One synthetic project, walked through the process by the rules of
//! `app::domain::process` itself: every output is filed by someone the
//! process lets file it and every decision is taken by its decider, so
//! the records are states the application can go on working with.

use super::drafts::sample_value;
use super::people::College;
use super::rows::{DocumentRow, EntryRow, ProjectRow, SystemRow, at, id};
use app::backend::audit::{By, Event};
use app::backend::ids::new_key;
use app::domain::process::{
    self, Actor, ActorContext, Decision, DecisionRequest, EntryValue, HandoverItem, Leads,
    OutputKind, ProjectState, ProjectStatus, Refusal, StageId, definition,
};
use app::domain::{Amount, Application, Role};
use rand::{Rng, rngs::StdRng};

/// Where a project's walk ends.
#[derive(Clone, Copy, Debug)]
pub enum Goal {
    /// Waiting at this stage; `ready` when its outputs are all filed, so
    /// that the stage's forward decision can be taken.
    At { stage: StageId, ready: bool },
    /// Rejected at this stage.
    Rejected(StageId),
    /// Evaluated.
    Finished,
}

pub struct Plan {
    pub department: usize,
    pub application: Application,
    pub goal: Goal,
    pub created_ms: i64,
    /// Before this moment every event of the walk has happened.
    pub until_ms: i64,
}

/// Everything a walk writes.
pub struct Walked {
    pub project: ProjectRow,
    pub entries: Vec<EntryRow>,
    pub documents: Vec<DocumentRow>,
    pub system: Option<SystemRow>,
    /// Audit events with the moment each happened; sealed into the chain
    /// later, in time order across all projects.
    pub events: Vec<(i64, Event)>,
    pub state: ProjectState,
}

/// The one small file every synthetic document shares.
pub const DOCUMENT_BYTES: &[u8] = b"%PDF-1.4\n% ISFlow synthetic document\n%%EOF\n";

#[derive(Debug, thiserror::Error)]
pub enum WalkError {
    #[error("the process refused a step of the walk at {stage}: {refusal}")]
    Refused { stage: StageId, refusal: Refusal },
    #[error("nobody in the college may {0}")]
    Nobody(String),
}

struct Walker<'a> {
    college: &'a College,
    plan: &'a Plan,
    rng: &'a mut StdRng,
    key: String,
    clerk: usize,
    now: i64,
    step_ms: i64,
    version: i64,
    state: ProjectState,
    stage_since: i64,
    experts: Vec<usize>,
    group: Vec<usize>,
    working_group: Vec<usize>,
    leader: Option<usize>,
    contractors: Vec<usize>,
    contractor_org: Option<String>,
    registry_number: Option<String>,
    system: Option<SystemRow>,
    entries: Vec<EntryRow>,
    documents: Vec<DocumentRow>,
    events: Vec<(i64, Event)>,
}

pub fn walk(college: &College, plan: &Plan, rng: &mut StdRng) -> Result<Walked, WalkError> {
    let clerk = college.clerk_of(plan.department, rng);
    // About three events per stage; the walk's steps share the time
    // between the project's start and the end of its history.
    let stages = match plan.goal {
        Goal::At { stage, .. } | Goal::Rejected(stage) => stage.index() + 1,
        Goal::Finished => StageId::ALL.len(),
    };
    let step_ms = ((plan.until_ms - plan.created_ms) / (stages as i64 * 4)).max(60_000);
    let mut walker = Walker {
        college,
        plan,
        rng,
        key: new_key(),
        clerk,
        now: plan.created_ms,
        step_ms,
        version: 1,
        state: ProjectState::start(),
        stage_since: plan.created_ms,
        experts: Vec::new(),
        group: Vec::new(),
        working_group: Vec::new(),
        leader: None,
        contractors: Vec::new(),
        contractor_org: None,
        registry_number: None,
        system: None,
        entries: Vec::new(),
        documents: Vec::new(),
        events: Vec::new(),
    };
    walker.start();
    walker.run()?;
    Ok(walker.finish())
}

impl Walker<'_> {
    fn start(&mut self) {
        let application = &self.plan.application;
        let mut event = Event::new(self.by(self.clerk), "project.start", self.subject());
        event.stage_after = StageId::Research.id().to_owned();
        let event = event.details(&serde_json::json!({
            "name": application.name, "budget_fen": application.budget.fen(),
        }));
        self.events.push((self.now, event));
    }

    fn run(&mut self) -> Result<(), WalkError> {
        while self.state.is_active() {
            let stage = self.state.stage;
            if stage == StageId::Feasibility && self.experts.is_empty() {
                self.invite_experts();
            }
            match self.plan.goal {
                Goal::At { stage: goal, ready } if goal == stage => {
                    if ready {
                        self.file_missing()?;
                    }
                    return Ok(());
                }
                Goal::Rejected(goal) if goal == stage => {
                    if stage == StageId::BudgetApproval {
                        // A meeting rejects on its record too.
                        self.file_missing()?;
                    }
                    return self.reject();
                }
                _ => {}
            }
            self.file_missing()?;
            self.decide_forward()?;
        }
        Ok(())
    }

    fn tick(&mut self) -> i64 {
        let spread = self.rng.random_range(self.step_ms / 2..=self.step_ms);
        self.now = (self.now + spread).min(self.plan.until_ms);
        self.now
    }

    fn subject(&self) -> String {
        format!("project:{}", self.key)
    }

    fn by(&self, person: usize) -> By {
        self.college.people[person].by()
    }

    /// How the process sees `person` on this project.
    fn context(&self, person: usize) -> ActorContext {
        let p = &self.college.people[person];
        let department = self.plan.department;
        ActorContext {
            roles: p.roles.clone(),
            is_member_of_applying_department: p.department == Some(department),
            supervises_applying_department: self.college.supervisor_of(department) == person,
            is_project_group_member: self.group.contains(&person)
                || self.working_group.contains(&person),
            is_project_leader: self.leader == Some(person),
            is_assigned_contractor: self.contractors.contains(&person),
            is_invited_expert: self.experts.contains(&person),
        }
    }

    /// Someone who is `actor` on this project, if anyone is yet.
    fn someone(&mut self, actor: Actor) -> Option<usize> {
        let department = self.plan.department;
        match actor {
            Actor::College(role) => Some(self.college.any(role, self.rng)),
            Actor::ApplyingDepartment(Role::DeptHead) => Some(self.college.head_of(department)),
            Actor::ApplyingDepartment(_) => Some(self.clerk),
            Actor::SupervisingVicePresident => Some(self.college.supervisor_of(department)),
            Actor::ProjectGroup => self.group.first().copied(),
            Actor::ProjectLeader => self.leader,
            Actor::AssignedContractor => self.contractors.first().copied(),
            Actor::InvitedExpert => self.experts.first().copied(),
            Actor::BudgetApprover => {
                let tier = self.state.deciding_tier()?;
                self.someone(Actor::for_tier(tier))
            }
        }
    }

    fn first_of(&mut self, actors: &[Actor], what: &str) -> Result<usize, WalkError> {
        actors
            .iter()
            .find_map(|actor| self.someone(*actor))
            .ok_or_else(|| WalkError::Nobody(what.to_owned()))
    }

    fn refused(&self, refusal: Refusal) -> WalkError {
        WalkError::Refused {
            stage: self.state.stage,
            refusal,
        }
    }

    fn invite_experts(&mut self) {
        let count = self.rng.random_range(1..=2);
        let mut experts = Vec::new();
        while experts.len() < count {
            let expert = self.college.any(Role::Expert, self.rng);
            if !experts.contains(&expert) {
                experts.push(expert);
            }
        }
        let it_clerk = self.college.any(Role::ItClerk, self.rng);
        let keys: Vec<&str> = experts
            .iter()
            .map(|e| self.college.people[*e].key.as_str())
            .collect();
        let event = Event::new(self.by(it_clerk), "project.invite_experts", self.subject())
            .details(&serde_json::json!({ "experts": keys }));
        let when = self.tick();
        self.events.push((when, event));
        self.experts = experts;
        self.version += 1;
    }

    fn file_missing(&mut self) -> Result<(), WalkError> {
        for kind in self.state.missing_outputs() {
            if kind == OutputKind::HandoverChecklistConfirmed {
                for item in HandoverItem::ALL {
                    self.file(kind, EntryValue::HandoverItem { item: *item })?;
                }
                continue;
            }
            let document = self.upload_for(kind);
            let value = sample_value(self.college, self.plan, kind, &self.people(), document)
                .map_err(|problem| WalkError::Nobody(format!("file {kind:?}: {problem:?}")))?;
            self.file(kind, value)?;
        }
        Ok(())
    }

    /// The people a sample value may name, by place.
    fn people(&mut self) -> super::drafts::Named {
        super::drafts::Named {
            clerk: self.clerk,
            staff: vec![
                self.college.any(Role::ItDeveloper, self.rng),
                self.college.any(Role::InternalControl, self.rng),
                self.clerk,
            ],
            leader: self.college.any(Role::ItDeveloper, self.rng),
            firm: self.rng.random_range(0..self.college.firms.len()),
            contractors: self.contractors.clone(),
        }
    }

    /// Reports carry their document a quarter of the time; the minutes of
    /// a meeting always do.
    fn upload_for(&mut self, kind: OutputKind) -> Option<String> {
        use app::domain::process::EntryShape;
        let with_document = match kind.shape() {
            EntryShape::Meeting => true,
            EntryShape::Report | EntryShape::ReportWithParticipants => self.rng.random_bool(0.25),
            _ => false,
        };
        if !with_document {
            return None;
        }
        let uploader = self
            .first_of(kind.filed_by(), "upload")
            .unwrap_or(self.clerk);
        let key = new_key();
        let name = format!("{}.pdf", kind.id());
        let sha256 = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(DOCUMENT_BYTES));
        let when = self.tick();
        let person = &self.college.people[uploader];
        self.documents.push(DocumentRow {
            id: id("document", &key),
            project: id("project", &self.key),
            name: name.clone(),
            content_type: "application/pdf".into(),
            size: DOCUMENT_BYTES.len() as i64,
            sha256: sha256.clone(),
            uploaded_by: id("user", &person.key),
            uploaded_by_name: person.display_name.clone(),
            uploaded_at: at(when),
        });
        let event = Event::new(self.by(uploader), "document.upload", self.subject()).details(
            &serde_json::json!({
                "document": key, "name": name, "sha256": sha256, "size": DOCUMENT_BYTES.len()
            }),
        );
        self.events.push((when, event));
        Some(key)
    }

    fn file(&mut self, kind: OutputKind, value: EntryValue) -> Result<(), WalkError> {
        let filer = self.filer(kind)?;
        let next = process::file(&self.state, &self.context(filer), value.filing(kind))
            .map_err(|refusal| self.refused(refusal))?;
        let when = self.tick();
        let entry_key = new_key();
        let revision = 1 + self.entries.iter().filter(|e| e.kind == kind.id()).count() as i64;
        let person = &self.college.people[filer];
        let people = value.people().iter().map(|p| id("user", p)).collect();
        self.entries.push(EntryRow {
            id: id("project_entry", &entry_key),
            project: id("project", &self.key),
            kind: kind.id().to_owned(),
            stage: kind.stage().id().to_owned(),
            revision,
            value: serde_json::to_string(&value).unwrap_or_default(),
            filed_by: id("user", &person.key),
            filed_by_name: person.display_name.clone(),
            filed_at: at(when),
            current: true,
            people,
        });
        let mut event = Event::new(self.by(filer), "project.file", self.subject());
        event.stage_before = self.state.stage.id().to_owned();
        event.stage_after = next.stage.id().to_owned();
        let event = event.details(&serde_json::json!({
            "kind": kind.id(), "entry": entry_key, "replaces": null
        }));
        self.events.push((when, event));
        self.assign(kind, &value, when);
        self.state = next;
        self.version += 1;
        Ok(())
    }

    /// Whoever files `kind`: the first party of its list this project has.
    fn filer(&mut self, kind: OutputKind) -> Result<usize, WalkError> {
        for actor in kind.filed_by() {
            if let Some(person) = self.someone(*actor)
                && actor.admits(&self.context(person), self.state.deciding_tier())
            {
                return Ok(person);
            }
        }
        Err(WalkError::Nobody(format!("file {kind:?}")))
    }

    /// The assignments an entry makes, as the backend derives them.
    fn assign(&mut self, kind: OutputKind, value: &EntryValue, when: i64) {
        let index_of = |key: &String| self.college.people.iter().position(|p| &p.key == key);
        match (kind, value) {
            (OutputKind::ProjectGroup, EntryValue::People { people }) => {
                self.group = people.iter().filter_map(index_of).collect();
            }
            (OutputKind::WorkingGroup, EntryValue::People { people }) => {
                self.working_group = people.iter().filter_map(index_of).collect();
            }
            (OutputKind::ProjectLeader, EntryValue::Person { person }) => {
                self.leader = index_of(person);
            }
            (
                OutputKind::Contractor,
                EntryValue::Contractor {
                    organisation,
                    accounts,
                },
            ) => {
                self.contractors = accounts.iter().filter_map(index_of).collect();
                self.contractor_org = Some(organisation.clone());
            }
            (OutputKind::RegistryNumber, EntryValue::Identifier { value }) => {
                self.registry_number = Some(value.clone());
            }
            (
                OutputKind::SystemRegistered,
                EntryValue::Registration {
                    system_name,
                    go_live,
                },
            ) => {
                let application = &self.plan.application;
                self.system = Some(SystemRow {
                    id: id("system", &self.key),
                    project: id("project", &self.key),
                    name: system_name.clone(),
                    department: id(
                        "department",
                        &self.college.departments[self.plan.department].key,
                    ),
                    category: application.category.to_string(),
                    class: class_id(application.class).to_owned(),
                    contractor_org: self.contractor_org.clone(),
                    go_live: go_live.to_string(),
                    registered_at: at(when),
                });
            }
            _ => {}
        }
    }

    fn decide_forward(&mut self) -> Result<(), WalkError> {
        let stage = self.state.stage;
        let decision = definition(stage)
            .offers
            .iter()
            .find(|(_, leads)| *leads == Leads::Forward)
            .map(|(decision, _)| *decision)
            .ok_or_else(|| self.refused(Refusal::DecisionNotOffered))?;
        let opinion = match decision {
            Decision::Approve => "同意。",
            Decision::Pass => "通过。",
            _ => "",
        };
        self.decide(DecisionRequest::new(stage, decision).with_reason(opinion))
    }

    fn reject(&mut self) -> Result<(), WalkError> {
        let stage = self.state.stage;
        let decision = definition(stage)
            .offers
            .iter()
            .find(|(_, leads)| *leads == Leads::Rejection)
            .map(|(decision, _)| *decision)
            .ok_or_else(|| self.refused(Refusal::DecisionNotOffered))?;
        self.decide(DecisionRequest::new(stage, decision).with_reason("经研究，暂不予立项。"))
    }

    fn decide(&mut self, request: DecisionRequest) -> Result<(), WalkError> {
        let deciders = definition(self.state.stage).deciders;
        let decider = self.decider(deciders)?;
        let next = process::decide(&self.state, &self.context(decider), &request)
            .map_err(|refusal| self.refused(refusal))?;
        let when = self.tick();
        let mut event = Event::new(self.by(decider), "project.decide", self.subject());
        event.stage_before = self.state.stage.id().to_owned();
        event.stage_after = next.stage.id().to_owned();
        event.comment = request.reason.clone();
        let event = event.details(&serde_json::json!({
            "decision": request.decision.id(),
            "return_to": null,
            "status": status_id(next.status),
            "version": self.version + 1,
            "on_behalf_of_name": null,
        }));
        self.events.push((when, event));
        if next.stage != self.state.stage || next.status != self.state.status {
            self.stage_since = when;
        }
        self.state = next;
        self.version += 1;
        Ok(())
    }

    fn decider(&mut self, deciders: &[Actor]) -> Result<usize, WalkError> {
        let tier = self.state.deciding_tier();
        for actor in deciders {
            if let Some(person) = self.someone(*actor)
                && actor.admits(&self.context(person), tier)
            {
                return Ok(person);
            }
        }
        Err(WalkError::Nobody(format!("decide at {}", self.state.stage)))
    }

    fn finish(self) -> Walked {
        let application = &self.plan.application;
        let department = &self.college.departments[self.plan.department];
        let fen = |amount: Option<Amount>| amount.map(|a| a.fen() as i64);
        let people = |list: &[usize]| -> Vec<_> {
            list.iter()
                .map(|p| id("user", &self.college.people[*p].key))
                .collect()
        };
        let mut members = self.group.clone();
        members.extend(
            self.working_group
                .iter()
                .filter(|p| !self.group.contains(p)),
        );
        let project = ProjectRow {
            id: id("project", &self.key),
            name: application.name.clone(),
            department: id("department", &department.key),
            category: application.category.to_string(),
            class: class_id(application.class).to_owned(),
            budget_fen: application.budget.fen() as i64,
            application: serde_json::to_string(application).unwrap_or_default(),
            process_version: self.state.process_version.clone(),
            stage: self.state.stage.id().to_owned(),
            status: status_id(self.state.status).to_owned(),
            created_by: id("user", &self.college.people[self.clerk].key),
            created_at: at(self.plan.created_ms),
            version: self.version,
            outputs: self
                .state
                .outputs
                .iter()
                .map(|k| k.id().to_owned())
                .collect(),
            final_budget_fen: fen(self.state.budget),
            contract_fen: fen(self.state.contract_amount),
            approved_tier: self.state.approved_tier.map(|t| t.id().to_owned()),
            handover: self
                .state
                .handover
                .iter()
                .map(|h| h.id().to_owned())
                .collect(),
            experts: people(&self.experts),
            group_members: people(&members),
            leader: self.leader.map(|p| id("user", &self.college.people[p].key)),
            contractors: people(&self.contractors),
            contractor_org: self.contractor_org.clone(),
            registry_number: self.registry_number.clone(),
            stage_since: at(self.stage_since),
            updated_at: at(self.now),
        };
        Walked {
            project,
            entries: self.entries,
            documents: self.documents,
            system: self.system,
            events: self.events,
            state: self.state,
        }
    }
}

pub fn class_id(class: app::domain::ProjectClass) -> &'static str {
    match class {
        app::domain::ProjectClass::PublicService => "public_service",
        app::domain::ProjectClass::NonPublic => "non_public",
    }
}

fn status_id(status: ProjectStatus) -> &'static str {
    match status {
        ProjectStatus::Active => "active",
        ProjectStatus::Rejected => "rejected",
        ProjectStatus::Finished => "finished",
    }
}
