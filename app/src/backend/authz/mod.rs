//! The one place that answers "may this user do this to this record", and
//! which projects a user may see at all.
//! Every server function asks here before it touches data; refusals are
//! logged with who asked for what.

mod project_visibility;

pub use project_visibility::condition as project_visibility;

use super::auth::session::Actor;
use crate::api::AppError;
use crate::domain::{Capability, Role, has_capability};

/// Something a user wants to do, with the record it concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    ListUsers,
    CreateUser,
    /// Edit, disable, grant or revoke roles of, or reset the password of,
    /// the user with this id.
    EditUser(&'a str),
    ListDepartments,
    EditDepartments,
    ReadReference,
    /// Change the password of the user with this id.
    ChangePassword(&'a str),
    /// Start a project (research stage) for one's own department.
    StartProject,
    /// File outputs and take decisions on projects. Which ones, at which
    /// stage, the process decides (`domain::process`); this only keeps
    /// out those who never work on projects at all.
    WorkOnProjects,
    /// List college staff, experts and contractors for a form's pickers.
    ListPeople,
    /// Delegate one's decisions to another user for a time.
    Delegate,
    /// Apply for a change to a system of one's own department.
    RequestChange,
}

/// The pure rule, apart from logging, so that it can be tested as a table.
pub fn permits(user_id: &str, roles: &[Role], action: Action<'_>) -> bool {
    match action {
        Action::ListUsers | Action::CreateUser | Action::EditUser(_) => {
            has_capability(roles, Capability::ManageUsers)
        }
        Action::ListDepartments | Action::EditDepartments => {
            has_capability(roles, Capability::ManageDepartments)
        }
        Action::ReadReference => has_capability(roles, Capability::ReadReference),
        // Only one's own: an administrator resets others' passwords
        // through `EditUser`, which leaves a different trace.
        Action::ChangePassword(target) => {
            target == user_id && has_capability(roles, Capability::ChangeOwnPassword)
        }
        Action::StartProject | Action::RequestChange => roles.contains(&Role::DeptClerk),
        // The administrator runs the system and takes no project decisions.
        Action::WorkOnProjects => has_capability(roles, Capability::WorkOnProjects),
        // People from outside the college do not browse its staff.
        Action::ListPeople => roles.iter().any(|role| !role.is_external()),
        // Anyone inside the college who may work on projects; what the
        // delegate can then do is whatever the process lets the principal do.
        Action::Delegate => roles
            .iter()
            .any(|role| !role.is_external() && *role != Role::Admin),
    }
}

pub fn authorize(actor: &Actor, action: Action<'_>) -> Result<(), AppError> {
    if permits(actor.id(), actor.roles(), action) {
        Ok(())
    } else {
        tracing::warn!(user = %actor.user.user_name, ?action, "authorization refused");
        Err(AppError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ME: &str = "me";
    const OTHER: &str = "other";

    fn actions() -> Vec<Action<'static>> {
        vec![
            Action::ListUsers,
            Action::CreateUser,
            Action::EditUser(OTHER),
            Action::ListDepartments,
            Action::EditDepartments,
            Action::ReadReference,
            Action::ChangePassword(ME),
            Action::ChangePassword(OTHER),
            Action::StartProject,
            Action::WorkOnProjects,
            Action::ListPeople,
            Action::Delegate,
            Action::RequestChange,
        ]
    }

    /// What each role may do, action by action in the order of `actions`.
    fn expected(role: Role) -> [bool; 13] {
        let admin = role == Role::Admin;
        let clerk = role == Role::DeptClerk;
        let external = matches!(role, Role::Expert | Role::Contractor);
        [
            admin,
            admin,
            admin,
            admin,
            admin,
            true,
            true,
            false,
            clerk,
            !admin,
            !external,
            !admin && !external,
            clerk,
        ]
    }

    #[test]
    fn every_role_is_allowed_exactly_what_the_table_says() {
        for role in Role::ALL {
            let allowed: Vec<bool> = actions()
                .into_iter()
                .map(|action| permits(ME, &[role], action))
                .collect();
            assert_eq!(allowed, expected(role), "role {role}");
        }
    }

    #[test]
    fn nobody_changes_another_users_password_through_the_own_password_form() {
        let everything = Role::ALL;
        assert!(!permits(ME, &everything, Action::ChangePassword(OTHER)));
    }

    #[test]
    fn a_user_without_roles_may_only_read_and_change_their_password() {
        let allowed: Vec<bool> = actions().into_iter().map(|a| permits(ME, &[], a)).collect();
        assert_eq!(
            allowed,
            [
                false, false, false, false, false, true, true, false, false, false, false, false,
                false
            ]
        );
    }
}
