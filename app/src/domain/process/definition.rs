//! The process table: for each stage, who works in it, who decides it,
//! what it must produce and what it may decide. The rest of the module
//! only reads this table, so a revised policy is a revised table.

use super::actor::{
    AUDIT, DEPT_CLERK, DEPT_HEAD, IT_CLERK, IT_DEVELOPER, IT_HEAD, IT_SECURITY, MEETING_SECRETARY,
    PROCUREMENT,
};
use super::{Actor, Decision, Leads, OutputKind as Out, StageId};

#[derive(Debug)]
pub struct StageDefinition {
    pub stage: StageId,
    /// Everyone who takes part, and so finds the stage in their inbox.
    pub actors: &'static [Actor],
    /// Who may take the stage's decisions.
    pub deciders: &'static [Actor],
    /// What must be present before the stage moves forward. Budget
    /// approval also needs the meeting record when a meeting decides.
    pub required: &'static [Out],
    /// What the forward decision itself records, where the policy treats
    /// the decision as a document of its own.
    pub verdict: Option<Out>,
    /// The decisions offered here and where each leads.
    pub offers: &'static [(Decision, Leads)],
}

impl StageDefinition {
    pub fn leads(&self, decision: Decision) -> Option<Leads> {
        self.offers
            .iter()
            .find(|(offered, _)| *offered == decision)
            .map(|(_, leads)| *leads)
    }
}

pub fn definition(stage: StageId) -> &'static StageDefinition {
    &DEFINITIONS[stage.index()]
}

const GROUP: Actor = Actor::ProjectGroup;
const LEADER: Actor = Actor::ProjectLeader;
const CONTRACTOR: Actor = Actor::AssignedContractor;

const COMPLETE: &[(Decision, Leads)] = &[(Decision::Complete, Leads::Forward)];
const APPROVE_REJECT_OR_RETURN: &[(Decision, Leads)] = &[
    (Decision::Approve, Leads::Forward),
    (Decision::Reject, Leads::Rejection),
    (Decision::Return, Leads::BackToChosen),
];
const PASS_OR_FAIL_BACK_TO_IMPLEMENTATION: &[(Decision, Leads)] = &[
    (Decision::Pass, Leads::Forward),
    (Decision::Fail, Leads::BackTo(StageId::Implementation)),
];

static DEFINITIONS: [StageDefinition; 17] = [
    StageDefinition {
        stage: StageId::Research,
        actors: &[DEPT_CLERK],
        deciders: &[DEPT_CLERK],
        required: &[Out::ApplicationForm, Out::ConstructionPlanDocument],
        verdict: None,
        offers: COMPLETE,
    },
    StageDefinition {
        stage: StageId::Initiation,
        actors: &[IT_DEVELOPER],
        deciders: &[IT_DEVELOPER],
        required: &[Out::RevisedApplication, Out::InitiationDraft],
        verdict: None,
        offers: COMPLETE,
    },
    StageDefinition {
        stage: StageId::InitiationApproval,
        actors: &[IT_HEAD],
        deciders: &[IT_HEAD],
        required: &[],
        verdict: None,
        offers: APPROVE_REJECT_OR_RETURN,
    },
    StageDefinition {
        stage: StageId::Feasibility,
        actors: &[IT_CLERK, Actor::InvitedExpert],
        deciders: &[IT_CLERK],
        required: &[Out::ExpertOpinion],
        verdict: Some(Out::FeasibilityConclusion),
        offers: &[
            (Decision::Pass, Leads::Forward),
            (Decision::Fail, Leads::Rejection),
            (Decision::Revise, Leads::BackTo(StageId::Initiation)),
        ],
    },
    StageDefinition {
        stage: StageId::Registry,
        actors: &[IT_CLERK, GROUP],
        deciders: &[IT_CLERK],
        required: &[
            Out::RegistryNumber,
            Out::ProjectGroup,
            Out::FinalConstructionPlan,
            Out::BudgetAmount,
        ],
        verdict: None,
        offers: COMPLETE,
    },
    StageDefinition {
        stage: StageId::BudgetApproval,
        actors: &[DEPT_CLERK, Actor::BudgetApprover, MEETING_SECRETARY],
        deciders: &[Actor::BudgetApprover],
        required: &[],
        verdict: Some(Out::ApprovalDecision),
        offers: APPROVE_REJECT_OR_RETURN,
    },
    StageDefinition {
        stage: StageId::WorkingGroup,
        actors: &[IT_HEAD],
        deciders: &[IT_HEAD],
        required: &[Out::WorkingGroup, Out::ProjectLeader],
        verdict: None,
        offers: COMPLETE,
    },
    StageDefinition {
        stage: StageId::Procurement,
        actors: &[PROCUREMENT, DEPT_CLERK],
        deciders: &[PROCUREMENT],
        required: &[Out::ProcurementMethod, Out::ContractAmount, Out::Contractor],
        verdict: None,
        offers: COMPLETE,
    },
    StageDefinition {
        stage: StageId::Planning,
        actors: &[DEPT_CLERK, CONTRACTOR],
        deciders: &[DEPT_CLERK],
        required: &[Out::BusinessSolution, Out::ImplementationPlan],
        verdict: None,
        offers: COMPLETE,
    },
    StageDefinition {
        stage: StageId::PlanReview,
        actors: &[DEPT_CLERK, CONTRACTOR, GROUP],
        // The contractor takes part but does not pass its own plan.
        deciders: &[GROUP],
        required: &[Out::PlanReviewRecord],
        verdict: None,
        offers: &[
            (Decision::Pass, Leads::Forward),
            (Decision::Revise, Leads::BackTo(StageId::Planning)),
        ],
    },
    StageDefinition {
        stage: StageId::Implementation,
        actors: &[CONTRACTOR, DEPT_CLERK, GROUP],
        // Those who supervise the work declare it done, not the contractor.
        deciders: &[DEPT_CLERK, GROUP],
        required: &[Out::ProgressReport, Out::SupervisionRecord],
        verdict: None,
        offers: COMPLETE,
    },
    StageDefinition {
        stage: StageId::Testing,
        actors: &[GROUP, DEPT_CLERK],
        deciders: &[GROUP],
        required: &[Out::UserTestReport, Out::TrialRunRecord],
        verdict: None,
        offers: &[
            (Decision::Complete, Leads::Forward),
            (Decision::Fail, Leads::BackTo(StageId::Implementation)),
        ],
    },
    StageDefinition {
        stage: StageId::SecurityTesting,
        actors: &[IT_SECURITY],
        deciders: &[IT_SECURITY],
        required: &[Out::SecurityReport],
        verdict: None,
        offers: PASS_OR_FAIL_BACK_TO_IMPLEMENTATION,
    },
    StageDefinition {
        stage: StageId::Acceptance,
        actors: &[LEADER, DEPT_CLERK, DEPT_HEAD, GROUP, CONTRACTOR],
        deciders: &[LEADER],
        required: &[Out::AcceptanceReport],
        verdict: None,
        offers: PASS_OR_FAIL_BACK_TO_IMPLEMENTATION,
    },
    StageDefinition {
        stage: StageId::Handover,
        actors: &[DEPT_CLERK, IT_CLERK],
        // The receiving side confirms each item, so it closes the stage.
        deciders: &[IT_CLERK],
        required: &[Out::HandoverChecklistConfirmed],
        verdict: None,
        offers: COMPLETE,
    },
    StageDefinition {
        stage: StageId::InUse,
        actors: &[DEPT_CLERK],
        deciders: &[DEPT_CLERK],
        required: &[Out::SystemRegistered],
        verdict: None,
        offers: COMPLETE,
    },
    StageDefinition {
        stage: StageId::Evaluation,
        actors: &[AUDIT, IT_CLERK, DEPT_CLERK],
        deciders: &[AUDIT],
        required: &[Out::EvaluationReport, Out::EvaluationRating],
        verdict: None,
        offers: COMPLETE,
    },
];
