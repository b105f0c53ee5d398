//! The names of roles, tiers and kinds in the interface language.

use crate::domain::{ApprovalTier, DepartmentKind, Role};
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
