//! What the stages produce (DESIGN §2, last column). Each output belongs to
//! exactly one stage; the process table says which of them it requires.

use super::actor::{
    AUDIT, DEPT_CLERK, IT_CLERK, IT_DEVELOPER, IT_HEAD, IT_SECURITY, MEETING_SECRETARY, PROCUREMENT,
};
use super::{Actor, StageId, definition};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputKind {
    /// 项目申报表, with its basis: higher-level requirements, the college's
    /// IT development plan, the department's business needs.
    ApplicationForm,
    /// 信息化项目建设方案书 as the department first drafts it.
    ConstructionPlanDocument,
    RevisedApplication,
    InitiationDraft,
    /// One per invited expert; at least one is required.
    ExpertOpinion,
    FeasibilityConclusion,
    RegistryNumber,
    /// 项目组: department, internal control, IT centre and others.
    ProjectGroup,
    /// The construction plan as the project group finalised it.
    FinalConstructionPlan,
    /// The final plan's budget, which names the approval tier.
    BudgetAmount,
    /// Name, date, item number and minutes of the deciding meeting.
    MeetingRecord,
    ApprovalDecision,
    WorkingGroup,
    ProjectLeader,
    ProcurementMethod,
    ContractAmount,
    Contractor,
    /// 业务解决方案
    BusinessSolution,
    /// 项目总体实施方案
    ImplementationPlan,
    PlanReviewRecord,
    ProgressReport,
    SupervisionRecord,
    /// 用户测试报告
    UserTestReport,
    TrialRunRecord,
    /// 安全检测报告
    SecurityReport,
    /// 验收报告, with its participants.
    AcceptanceReport,
    /// Documents, source code and user manual, each confirmed received.
    HandoverChecklistConfirmed,
    /// The system has entered the register of information systems.
    SystemRegistered,
    EvaluationReport,
    EvaluationRating,
}

impl OutputKind {
    pub const ALL: [OutputKind; 30] = [
        OutputKind::ApplicationForm,
        OutputKind::ConstructionPlanDocument,
        OutputKind::RevisedApplication,
        OutputKind::InitiationDraft,
        OutputKind::ExpertOpinion,
        OutputKind::FeasibilityConclusion,
        OutputKind::RegistryNumber,
        OutputKind::ProjectGroup,
        OutputKind::FinalConstructionPlan,
        OutputKind::BudgetAmount,
        OutputKind::MeetingRecord,
        OutputKind::ApprovalDecision,
        OutputKind::WorkingGroup,
        OutputKind::ProjectLeader,
        OutputKind::ProcurementMethod,
        OutputKind::ContractAmount,
        OutputKind::Contractor,
        OutputKind::BusinessSolution,
        OutputKind::ImplementationPlan,
        OutputKind::PlanReviewRecord,
        OutputKind::ProgressReport,
        OutputKind::SupervisionRecord,
        OutputKind::UserTestReport,
        OutputKind::TrialRunRecord,
        OutputKind::SecurityReport,
        OutputKind::AcceptanceReport,
        OutputKind::HandoverChecklistConfirmed,
        OutputKind::SystemRegistered,
        OutputKind::EvaluationReport,
        OutputKind::EvaluationRating,
    ];

    pub fn id(self) -> &'static str {
        match self {
            OutputKind::ApplicationForm => "application_form",
            OutputKind::ConstructionPlanDocument => "construction_plan_document",
            OutputKind::RevisedApplication => "revised_application",
            OutputKind::InitiationDraft => "initiation_draft",
            OutputKind::ExpertOpinion => "expert_opinion",
            OutputKind::FeasibilityConclusion => "feasibility_conclusion",
            OutputKind::RegistryNumber => "registry_number",
            OutputKind::ProjectGroup => "project_group",
            OutputKind::FinalConstructionPlan => "final_construction_plan",
            OutputKind::BudgetAmount => "budget_amount",
            OutputKind::MeetingRecord => "meeting_record",
            OutputKind::ApprovalDecision => "approval_decision",
            OutputKind::WorkingGroup => "working_group",
            OutputKind::ProjectLeader => "project_leader",
            OutputKind::ProcurementMethod => "procurement_method",
            OutputKind::ContractAmount => "contract_amount",
            OutputKind::Contractor => "contractor",
            OutputKind::BusinessSolution => "business_solution",
            OutputKind::ImplementationPlan => "implementation_plan",
            OutputKind::PlanReviewRecord => "plan_review_record",
            OutputKind::ProgressReport => "progress_report",
            OutputKind::SupervisionRecord => "supervision_record",
            OutputKind::UserTestReport => "user_test_report",
            OutputKind::TrialRunRecord => "trial_run_record",
            OutputKind::SecurityReport => "security_report",
            OutputKind::AcceptanceReport => "acceptance_report",
            OutputKind::HandoverChecklistConfirmed => "handover_checklist_confirmed",
            OutputKind::SystemRegistered => "system_registered",
            OutputKind::EvaluationReport => "evaluation_report",
            OutputKind::EvaluationRating => "evaluation_rating",
        }
    }

    pub fn parse(id: &str) -> Option<Self> {
        OutputKind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    pub fn stage(self) -> StageId {
        match self {
            OutputKind::ApplicationForm | OutputKind::ConstructionPlanDocument => StageId::Research,
            OutputKind::RevisedApplication | OutputKind::InitiationDraft => StageId::Initiation,
            OutputKind::ExpertOpinion | OutputKind::FeasibilityConclusion => StageId::Feasibility,
            OutputKind::RegistryNumber
            | OutputKind::ProjectGroup
            | OutputKind::FinalConstructionPlan
            | OutputKind::BudgetAmount => StageId::Registry,
            OutputKind::MeetingRecord | OutputKind::ApprovalDecision => StageId::BudgetApproval,
            OutputKind::WorkingGroup | OutputKind::ProjectLeader => StageId::WorkingGroup,
            OutputKind::ProcurementMethod | OutputKind::ContractAmount | OutputKind::Contractor => {
                StageId::Procurement
            }
            OutputKind::BusinessSolution | OutputKind::ImplementationPlan => StageId::Planning,
            OutputKind::PlanReviewRecord => StageId::PlanReview,
            OutputKind::ProgressReport | OutputKind::SupervisionRecord => StageId::Implementation,
            OutputKind::UserTestReport | OutputKind::TrialRunRecord => StageId::Testing,
            OutputKind::SecurityReport => StageId::SecurityTesting,
            OutputKind::AcceptanceReport => StageId::Acceptance,
            OutputKind::HandoverChecklistConfirmed => StageId::Handover,
            OutputKind::SystemRegistered => StageId::InUse,
            OutputKind::EvaluationReport | OutputKind::EvaluationRating => StageId::Evaluation,
        }
    }

    /// Who writes this output. Outputs written by a decision have nobody.
    pub fn filed_by(self) -> &'static [Actor] {
        match self {
            OutputKind::ApplicationForm | OutputKind::ConstructionPlanDocument => &[DEPT_CLERK],
            OutputKind::RevisedApplication | OutputKind::InitiationDraft => &[IT_DEVELOPER],
            // The clerk enters an opinion an expert gave on paper.
            OutputKind::ExpertOpinion => &[Actor::InvitedExpert, IT_CLERK],
            OutputKind::RegistryNumber | OutputKind::ProjectGroup | OutputKind::BudgetAmount => {
                &[IT_CLERK]
            }
            OutputKind::FinalConstructionPlan => &[IT_CLERK, Actor::ProjectGroup],
            OutputKind::MeetingRecord => &[MEETING_SECRETARY],
            OutputKind::WorkingGroup | OutputKind::ProjectLeader => &[IT_HEAD],
            OutputKind::ProcurementMethod | OutputKind::ContractAmount | OutputKind::Contractor => {
                &[PROCUREMENT]
            }
            OutputKind::BusinessSolution | OutputKind::ImplementationPlan => {
                &[Actor::AssignedContractor, DEPT_CLERK]
            }
            OutputKind::PlanReviewRecord => &[Actor::ProjectGroup, DEPT_CLERK],
            OutputKind::ProgressReport => &[Actor::AssignedContractor],
            OutputKind::SupervisionRecord
            | OutputKind::UserTestReport
            | OutputKind::TrialRunRecord => &[DEPT_CLERK, Actor::ProjectGroup],
            OutputKind::SecurityReport => &[IT_SECURITY],
            // The clerk prepares the acceptance; the leader runs it.
            OutputKind::AcceptanceReport => &[Actor::ProjectLeader, DEPT_CLERK],
            OutputKind::HandoverChecklistConfirmed => &[IT_CLERK],
            OutputKind::SystemRegistered => &[DEPT_CLERK],
            OutputKind::EvaluationReport => &[AUDIT, IT_CLERK],
            OutputKind::EvaluationRating => &[AUDIT],
            OutputKind::FeasibilityConclusion | OutputKind::ApprovalDecision => &[],
        }
    }

    /// Amounts are typed into a form and kept as values on the project,
    /// because the approval tier is computed from them.
    pub fn is_amount(self) -> bool {
        matches!(self, OutputKind::BudgetAmount | OutputKind::ContractAmount)
    }

    /// Recorded by the decision that moves its stage forward, never filed.
    pub fn is_written_by_decision(self) -> bool {
        definition(self.stage()).verdict == Some(self)
    }
}
