//! The names of roles, tiers and kinds in the interface language.

use crate::domain::process::{Actor, Decision, OutputKind, Phase, ProjectStatus, StageId};
use crate::domain::{ApprovalTier, DepartmentKind, ProjectClass, Role};
use crate::i18n::Locale;

pub fn role_name(t: Locale, role: Role) -> &'static str {
    match role {
        Role::DeptClerk => t.role_dept_clerk(),
        Role::DeptHead => t.role_dept_head(),
        Role::ItDeveloper => t.role_it_developer(),
        Role::ItHead => t.role_it_head(),
        Role::ItClerk => t.role_it_clerk(),
        Role::ItSecurity => t.role_it_security(),
        Role::Procurement => t.role_procurement(),
        Role::Finance => t.role_finance(),
        Role::Audit => t.role_audit(),
        Role::InternalControl => t.role_internal_control(),
        Role::VicePresident => t.role_vice_president(),
        Role::President => t.role_president(),
        Role::MeetingSecretary => t.role_meeting_secretary(),
        Role::Expert => t.role_expert(),
        Role::Contractor => t.role_contractor(),
        Role::Admin => t.role_admin(),
    }
}

pub fn tier_name(t: Locale, tier: ApprovalTier) -> &'static str {
    match tier {
        ApprovalTier::DepartmentHead => t.tier_department_head(),
        ApprovalTier::VicePresident => t.tier_vice_president(),
        ApprovalTier::President => t.tier_president(),
        ApprovalTier::PresidentsOfficeMeeting => t.tier_presidents_office_meeting(),
        ApprovalTier::PartyCommittee => t.tier_party_committee(),
    }
}

pub fn department_kind_name(t: Locale, kind: DepartmentKind) -> &'static str {
    match kind {
        DepartmentKind::Business => t.department_kind_business(),
        DepartmentKind::ItCentre => t.department_kind_it_centre(),
        DepartmentKind::Finance => t.department_kind_finance(),
        DepartmentKind::Procurement => t.department_kind_procurement(),
        DepartmentKind::Audit => t.department_kind_audit(),
        DepartmentKind::Leadership => t.department_kind_leadership(),
    }
}

pub fn output_name(t: Locale, kind: OutputKind) -> &'static str {
    use OutputKind as K;
    match kind {
        K::ApplicationForm => t.output_application_form(),
        K::ConstructionPlanDocument => t.output_construction_plan_document(),
        K::RevisedApplication => t.output_revised_application(),
        K::InitiationDraft => t.output_initiation_draft(),
        K::ExpertOpinion => t.output_expert_opinion(),
        K::FeasibilityConclusion => t.output_feasibility_conclusion(),
        K::RegistryNumber => t.output_registry_number(),
        K::ProjectGroup => t.output_project_group(),
        K::FinalConstructionPlan => t.output_final_construction_plan(),
        K::BudgetAmount => t.output_budget_amount(),
        K::MeetingRecord => t.output_meeting_record(),
        K::ApprovalDecision => t.output_approval_decision(),
        K::WorkingGroup => t.output_working_group(),
        K::ProjectLeader => t.output_project_leader(),
        K::ProcurementMethod => t.output_procurement_method(),
        K::ContractAmount => t.output_contract_amount(),
        K::Contractor => t.output_contractor(),
        K::BusinessSolution => t.output_business_solution(),
        K::ImplementationPlan => t.output_implementation_plan(),
        K::PlanReviewRecord => t.output_plan_review_record(),
        K::ProgressReport => t.output_progress_report(),
        K::SupervisionRecord => t.output_supervision_record(),
        K::UserTestReport => t.output_user_test_report(),
        K::TrialRunRecord => t.output_trial_run_record(),
        K::SecurityReport => t.output_security_report(),
        K::AcceptanceReport => t.output_acceptance_report(),
        K::HandoverChecklistConfirmed => t.output_handover_checklist(),
        K::SystemRegistered => t.output_system_registered(),
        K::EvaluationReport => t.output_evaluation_report(),
        K::EvaluationRating => t.output_evaluation_rating(),
    }
}

pub fn decision_name(t: Locale, decision: Decision) -> &'static str {
    match decision {
        Decision::Complete => t.decision_complete(),
        Decision::Approve => t.decision_approve(),
        Decision::Reject => t.decision_reject(),
        Decision::Return => t.decision_return(),
        Decision::Pass => t.decision_pass(),
        Decision::Fail => t.decision_fail(),
        Decision::Revise => t.decision_revise(),
    }
}

pub fn phase_name(t: Locale, phase: Phase) -> &'static str {
    match phase {
        Phase::Initiation => t.phase_initiation(),
        Phase::Approval => t.phase_approval(),
        Phase::Procurement => t.phase_procurement(),
        Phase::Implementation => t.phase_implementation(),
        Phase::Acceptance => t.phase_acceptance(),
        Phase::OperationAndEvaluation => t.phase_operation(),
    }
}

/// Whom a stage waits on, in words.
pub fn actor_name(t: Locale, actor: Actor) -> String {
    match actor {
        Actor::College(role) => role_name(t, role).to_owned(),
        Actor::ApplyingDepartment(role) => t.actor_applying_department(role_name(t, role)),
        Actor::SupervisingVicePresident => t.actor_supervising_vp().to_owned(),
        Actor::ProjectGroup => t.actor_project_group().to_owned(),
        Actor::ProjectLeader => t.actor_project_leader().to_owned(),
        Actor::AssignedContractor => t.actor_contractor().to_owned(),
        Actor::InvitedExpert => t.actor_expert().to_owned(),
        Actor::BudgetApprover => t.actor_budget_approver().to_owned(),
    }
}

/// The stage, or how the project ended.
pub fn stage_text(t: Locale, stage: StageId, status: ProjectStatus) -> String {
    match status {
        ProjectStatus::Active => stage.name(t.lang()).to_owned(),
        ProjectStatus::Rejected => t.projects_rejected_at(stage.name(t.lang())),
        ProjectStatus::Finished => t.projects_status_finished().to_owned(),
    }
}

pub fn class_name(t: Locale, class: ProjectClass) -> &'static str {
    match class {
        ProjectClass::PublicService => t.projects_class_public(),
        ProjectClass::NonPublic => t.projects_class_non_public(),
    }
}
