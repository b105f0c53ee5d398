//! Which projects a user may see (DESIGN §6), as a condition every project
//! query carries: department roles see their department's projects, a
//! vice president those of the departments they supervise, college roles
//! and audit everything; and anyone assigned to a project (an invited
//! expert, the contractor's accounts, a group member or the leader) sees
//! that project. Experts, contractors and internal control see nothing
//! until they are assigned.

use crate::domain::{Role, RoleScope};

/// A SurrealQL condition on `project` rows, using the parameters `$me`
/// (the user's record) and `$my_department` (theirs, or NONE).
pub fn condition(roles: &[Role]) -> &'static str {
    let scopes: Vec<RoleScope> = roles.iter().map(|role| role.scope()).collect();
    let college = scopes.contains(&RoleScope::College);
    let own = scopes.contains(&RoleScope::OwnDepartment);
    let supervised = scopes.contains(&RoleScope::SupervisedDepartments);
    match (college, own, supervised) {
        (true, _, _) => "true",
        (false, true, true) => {
            "(department = $my_department OR department.supervisor = $me OR $me IN experts \
              OR $me IN contractors OR $me IN group_members OR leader = $me)"
        }
        (false, true, false) => {
            "(department = $my_department OR $me IN experts OR $me IN contractors \
              OR $me IN group_members OR leader = $me)"
        }
        (false, false, true) => {
            "(department.supervisor = $me OR $me IN experts OR $me IN contractors \
              OR $me IN group_members OR leader = $me)"
        }
        (false, false, false) => {
            "($me IN experts OR $me IN contractors OR $me IN group_members OR leader = $me)"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_sees_the_projects_its_scope_allows() {
        const ASSIGNED: &str = "$me IN experts OR $me IN contractors OR $me IN group_members";
        let cases = [
            (
                vec![Role::DeptClerk],
                Some("department = $my_department"),
                true,
            ),
            (
                vec![Role::DeptHead],
                Some("department = $my_department"),
                true,
            ),
            (
                vec![Role::VicePresident],
                Some("department.supervisor = $me"),
                true,
            ),
            (vec![Role::Audit], None, false),
            (vec![Role::ItClerk], None, false),
            (vec![Role::Expert], None, true),
            (vec![Role::Contractor], None, true),
            (vec![Role::InternalControl], None, true),
            (vec![], None, true),
            (vec![Role::DeptClerk, Role::Audit], None, false),
        ];
        for (roles, scope, assigned) in cases {
            let condition = condition(&roles);
            let everything = condition == "true";
            assert_eq!(everything, scope.is_none() && !assigned, "{roles:?}");
            if let Some(scope) = scope {
                assert!(condition.contains(scope), "{roles:?}: {condition}");
            }
            assert_eq!(
                condition.contains(ASSIGNED),
                assigned,
                "{roles:?}: {condition}"
            );
        }
    }
}
