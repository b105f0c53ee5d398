//! Who the load's sessions are: mostly department clerks, then the
//! people who decide, in proportions like a college's.

use crate::college::people::College;
use app::domain::Role;

#[derive(Clone, Debug)]
pub struct Cast {
    pub user_name: String,
    pub role: Role,
    /// The code of their department, for those who belong to one.
    pub department: Option<String>,
}

/// Fifty sessions' roles; larger casts repeat the pattern.
const PATTERN: [(Role, usize); 15] = [
    (Role::DeptClerk, 20),
    (Role::DeptHead, 6),
    (Role::VicePresident, 3),
    (Role::ItHead, 1),
    (Role::ItClerk, 3),
    (Role::ItDeveloper, 3),
    (Role::ItSecurity, 1),
    (Role::Procurement, 2),
    (Role::Finance, 2),
    (Role::Audit, 2),
    (Role::President, 1),
    (Role::MeetingSecretary, 1),
    (Role::Expert, 2),
    (Role::Contractor, 2),
    (Role::InternalControl, 1),
];

pub fn cast(college: &College, sessions: usize) -> Vec<Cast> {
    let roles: Vec<Role> = PATTERN
        .iter()
        .flat_map(|(role, count)| std::iter::repeat_n(*role, *count))
        .collect();
    let mut taken = std::collections::HashMap::<Role, usize>::new();
    (0..sessions)
        .map(|n| {
            let role = roles[n % roles.len()];
            let nth = taken.entry(role).or_default();
            let person = match role {
                // Clerks and heads of different departments.
                Role::DeptClerk => {
                    let department = college.business[*nth % college.business.len()];
                    college.clerks[&department]
                        [*nth / college.business.len() % college.clerks[&department].len()]
                }
                Role::DeptHead => college.head_of(college.business[*nth % college.business.len()]),
                _ => {
                    let holders = &college.by_role[&role];
                    holders[*nth % holders.len()]
                }
            };
            *nth += 1;
            let person = &college.people[person];
            Cast {
                user_name: person.user_name.clone(),
                role,
                department: person
                    .department
                    .map(|d| college.departments[d].code.clone()),
            }
        })
        .collect()
}
