//! What each role may do outside any particular project: the capability
//! table the backend's authorization consults and the navigation mirrors.

use super::Role;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Capability {
    /// Create, edit and disable users; grant and revoke roles.
    ManageUsers,
    /// Create and edit departments and their supervising vice president.
    ManageDepartments,
    /// Read the reference lists: catalogue, approval tiers, departments.
    ReadReference,
    /// Change one's own password.
    ChangeOwnPassword,
    /// Take part in projects: an inbox, the board. Every role but the
    /// administrator's, who runs the system and decides nothing in it.
    WorkOnProjects,
}

impl Capability {
    pub const ALL: [Capability; 5] = [
        Capability::ManageUsers,
        Capability::ManageDepartments,
        Capability::ReadReference,
        Capability::ChangeOwnPassword,
        Capability::WorkOnProjects,
    ];

    /// The roles that grant this capability; `None` means every signed-in
    /// user has it whatever their roles.
    fn granted_by(self) -> Option<&'static [Role]> {
        match self {
            Capability::ManageUsers | Capability::ManageDepartments => Some(&[Role::Admin]),
            Capability::ReadReference | Capability::ChangeOwnPassword => None,
            Capability::WorkOnProjects => Some(&PROJECT_ROLES),
        }
    }
}

/// Every role that takes part in projects: all but the administrator's.
const PROJECT_ROLES: [Role; 15] = [
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
];

pub fn has_capability(roles: &[Role], capability: Capability) -> bool {
    match capability.granted_by() {
        None => true,
        Some(granting) => roles.iter().any(|role| granting.contains(role)),
    }
}

/// The places a user's navigation offers, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NavItem {
    Home,
    Inbox,
    Board,
    Projects,
    Systems,
    Changes,
    Reference,
    Users,
    Departments,
    Account,
}

pub fn nav_items(roles: &[Role]) -> Vec<NavItem> {
    let wanted = [
        (NavItem::Home, Capability::ReadReference),
        (NavItem::Inbox, Capability::WorkOnProjects),
        (NavItem::Board, Capability::WorkOnProjects),
        (NavItem::Projects, Capability::ReadReference),
        (NavItem::Systems, Capability::ReadReference),
        (NavItem::Changes, Capability::WorkOnProjects),
        (NavItem::Reference, Capability::ReadReference),
        (NavItem::Users, Capability::ManageUsers),
        (NavItem::Departments, Capability::ManageDepartments),
        (NavItem::Account, Capability::ChangeOwnPassword),
    ];
    wanted
        .into_iter()
        .filter(|(_, capability)| has_capability(roles, *capability))
        .map(|(item, _)| item)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_administrators_manage_users_and_departments() {
        for role in Role::ALL {
            let expected = role == Role::Admin;
            assert_eq!(
                has_capability(&[role], Capability::ManageUsers),
                expected,
                "{role}"
            );
            assert_eq!(
                has_capability(&[role], Capability::ManageDepartments),
                expected,
                "{role}"
            );
        }
    }

    #[test]
    fn everyone_but_the_administrator_works_on_projects() {
        for role in Role::ALL {
            let expected = role != Role::Admin;
            assert_eq!(
                has_capability(&[role], Capability::WorkOnProjects),
                expected,
                "{role}"
            );
        }
    }

    #[test]
    fn everyone_signed_in_reads_reference_and_changes_their_password() {
        for role in Role::ALL {
            assert!(has_capability(&[role], Capability::ReadReference));
            assert!(has_capability(&[role], Capability::ChangeOwnPassword));
        }
        assert!(has_capability(&[], Capability::ChangeOwnPassword));
    }

    #[test]
    fn a_second_role_adds_to_what_the_first_allows() {
        assert!(has_capability(
            &[Role::ItHead, Role::Admin],
            Capability::ManageUsers
        ));
    }

    #[test]
    fn navigation_follows_the_capabilities() {
        let admin = nav_items(&[Role::Admin]);
        assert!(admin.contains(&NavItem::Users) && admin.contains(&NavItem::Departments));
        let clerk = nav_items(&[Role::DeptClerk]);
        assert_eq!(
            clerk,
            [
                NavItem::Home,
                NavItem::Inbox,
                NavItem::Board,
                NavItem::Projects,
                NavItem::Systems,
                NavItem::Changes,
                NavItem::Reference,
                NavItem::Account
            ]
        );
    }
}
