//! Which projects a user may see (DESIGN §6), as a condition every project
//! query carries: department roles see their department's projects, a
//! vice president those of the departments they supervise, college roles
//! and audit everything; people assigned to projects (experts, contractors,
//! internal control) see only those, and none until they are assigned.

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
            "(department = $my_department \
              OR department.supervisor = $me)"
        }
        (false, true, false) => "department = $my_department",
        (false, false, true) => "department.supervisor = $me",
        (false, false, false) => "false",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_sees_the_projects_its_scope_allows() {
        let cases = [
            (vec![Role::DeptClerk], "department = $my_department"),
            (vec![Role::DeptHead], "department = $my_department"),
            (vec![Role::VicePresident], "department.supervisor = $me"),
            (vec![Role::Audit], "true"),
            (vec![Role::ItClerk], "true"),
            (vec![Role::Expert], "false"),
            (vec![Role::Contractor], "false"),
            (vec![Role::InternalControl], "false"),
            (vec![], "false"),
            (vec![Role::DeptClerk, Role::Audit], "true"),
        ];
        for (roles, expected) in cases {
            assert_eq!(condition(&roles), expected, "{roles:?}");
        }
    }
}
