//! The roles of DESIGN §1. A user may hold several; what each may see and
//! do is decided in `access` and enforced by the backend's authorization.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    DeptClerk,
    DeptHead,
    ItDeveloper,
    ItHead,
    ItClerk,
    ItSecurity,
    Procurement,
    Finance,
    Audit,
    InternalControl,
    VicePresident,
    President,
    MeetingSecretary,
    Expert,
    Contractor,
    Admin,
}

/// How far a role's view reaches, before any per-project assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleScope {
    /// Only the projects of the user's own department.
    OwnDepartment,
    /// The projects of the departments the user supervises.
    SupervisedDepartments,
    /// Every project in the college.
    College,
    /// Only projects the user has been assigned to or invited into.
    Assigned,
}

impl Role {
    pub const ALL: [Role; 16] = [
        Role::DeptClerk,
        Role::DeptHead,
        Role::ItDeveloper,
        Role::ItHead,
        Role::ItClerk,
        Role::ItSecurity,
        Role::Procurement,
        Role::Finance,
        Role::Audit,
        Role::InternalControl,
        Role::VicePresident,
        Role::President,
        Role::MeetingSecretary,
        Role::Expert,
        Role::Contractor,
        Role::Admin,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Role::DeptClerk => "dept_clerk",
            Role::DeptHead => "dept_head",
            Role::ItDeveloper => "it_developer",
            Role::ItHead => "it_head",
            Role::ItClerk => "it_clerk",
            Role::ItSecurity => "it_security",
            Role::Procurement => "procurement",
            Role::Finance => "finance",
            Role::Audit => "audit",
            Role::InternalControl => "internal_control",
            Role::VicePresident => "vice_president",
            Role::President => "president",
            Role::MeetingSecretary => "meeting_secretary",
            Role::Expert => "expert",
            Role::Contractor => "contractor",
            Role::Admin => "admin",
        }
    }

    pub fn scope(self) -> RoleScope {
        match self {
            Role::DeptClerk | Role::DeptHead => RoleScope::OwnDepartment,
            Role::VicePresident => RoleScope::SupervisedDepartments,
            Role::InternalControl | Role::Expert | Role::Contractor => RoleScope::Assigned,
            Role::ItDeveloper
            | Role::ItHead
            | Role::ItClerk
            | Role::ItSecurity
            | Role::Procurement
            | Role::Finance
            | Role::Audit
            | Role::President
            | Role::MeetingSecretary
            | Role::Admin => RoleScope::College,
        }
    }

    /// Roles that belong to a department and make no sense without one.
    pub fn needs_department(self) -> bool {
        self.scope() == RoleScope::OwnDepartment
    }

    /// People from outside the college: they never see internal opinions
    /// or budget decisions (DESIGN §6).
    pub fn is_external(self) -> bool {
        matches!(self, Role::Expert | Role::Contractor)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|role| role.id() == text)
            .ok_or_else(|| UnknownRole(text.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_id_parses_back_to_the_same_role() {
        for role in Role::ALL {
            assert_eq!(role.id().parse::<Role>(), Ok(role));
        }
    }

    #[test]
    fn role_ids_are_the_ones_the_design_names() {
        let ids: Vec<_> = Role::ALL.iter().map(|r| r.id()).collect();
        assert_eq!(ids.len(), 16);
        assert!(ids.contains(&"meeting_secretary"));
        assert!(ids.contains(&"internal_control"));
    }

    #[test]
    fn an_unknown_role_id_is_refused() {
        assert_eq!("root".parse::<Role>(), Err(UnknownRole("root".into())));
    }

    #[test]
    fn only_department_roles_need_a_department() {
        let needing: Vec<_> = Role::ALL
            .into_iter()
            .filter(|r| r.needs_department())
            .collect();
        assert_eq!(needing, [Role::DeptClerk, Role::DeptHead]);
    }

    #[test]
    fn experts_and_contractors_are_external() {
        let external: Vec<_> = Role::ALL.into_iter().filter(|r| r.is_external()).collect();
        assert_eq!(external, [Role::Expert, Role::Contractor]);
    }
}
