//! The checks a form runs as it is filled in, and the server runs again on
//! what arrives. Each returns the first problem, named for its field.

use super::{DepartmentForm, NewUser, Problem, UserChanges};
use crate::domain::{
    DepartmentCode, DepartmentKind, DisplayName, Role, UserName, check_department_name,
    check_new_password,
};

/// A user's roles and department, checked against each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    pub department: Option<String>,
    pub roles: Vec<Role>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidNewUser {
    pub user_name: UserName,
    pub display_name: DisplayName,
    pub membership: Membership,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidUserChanges {
    pub display_name: DisplayName,
    pub membership: Membership,
    pub enabled: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidDepartment {
    pub code: DepartmentCode,
    pub name: String,
    pub kind: DepartmentKind,
    pub supervisor: Option<String>,
}

impl NewUser {
    pub fn validate(&self) -> Result<ValidNewUser, Problem> {
        let user_name = UserName::parse(&self.user_name).map_err(Problem::UserName)?;
        let display_name = DisplayName::parse(&self.display_name).map_err(Problem::DisplayName)?;
        let membership = membership(&self.department, &self.roles)?;
        check_new_password(&self.password, user_name.as_str()).map_err(Problem::NewPassword)?;
        Ok(ValidNewUser {
            user_name,
            display_name,
            membership,
        })
    }
}

impl UserChanges {
    pub fn validate(&self) -> Result<ValidUserChanges, Problem> {
        Ok(ValidUserChanges {
            display_name: DisplayName::parse(&self.display_name).map_err(Problem::DisplayName)?,
            membership: membership(&self.department, &self.roles)?,
            enabled: self.enabled,
        })
    }
}

impl DepartmentForm {
    pub fn validate(&self) -> Result<ValidDepartment, Problem> {
        let code = DepartmentCode::parse(&self.code).map_err(Problem::DepartmentCode)?;
        check_department_name(&self.name).map_err(Problem::DepartmentName)?;
        let kind = DepartmentKind::from_id(&self.kind).ok_or(Problem::UnknownDepartmentKind)?;
        Ok(ValidDepartment {
            code,
            name: self.name.trim().to_owned(),
            kind,
            supervisor: non_empty(&self.supervisor),
        })
    }
}

/// The two password fields of a form must agree before anything else.
pub fn check_password_pair(new: &str, repeated: &str, user_name: &str) -> Result<(), Problem> {
    check_new_password(new, user_name).map_err(Problem::NewPassword)?;
    if new != repeated {
        return Err(Problem::PasswordsDiffer);
    }
    Ok(())
}

fn membership(department: &str, role_ids: &[String]) -> Result<Membership, Problem> {
    let mut roles = Vec::with_capacity(role_ids.len());
    for id in role_ids {
        let role: Role = id.parse().map_err(|_| Problem::UnknownRole)?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    roles.sort();

    let department = non_empty(department);
    if department.is_none() && roles.iter().any(|r| r.needs_department()) {
        return Err(Problem::DepartmentRequiredForRole);
    }
    Ok(Membership { department, roles })
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{PasswordError, UserNameError};

    fn clerk() -> NewUser {
        NewUser {
            user_name: "li.clerk".into(),
            display_name: "李经办".into(),
            department: "jwc".into(),
            roles: vec!["dept_clerk".into()],
            password: "a long enough password".into(),
        }
    }

    #[test]
    fn a_complete_new_user_passes() {
        let valid = clerk().validate().expect("a complete form is valid");
        assert_eq!(valid.membership.roles, [Role::DeptClerk]);
        assert_eq!(valid.membership.department.as_deref(), Some("jwc"));
    }

    #[test]
    fn each_problem_of_a_new_user_is_named() {
        type Spoil = fn(&mut NewUser);
        let cases: Vec<(Spoil, Problem)> = vec![
            (
                |u| u.user_name = "x".into(),
                Problem::UserName(UserNameError::TooShort),
            ),
            (
                |u| u.display_name = " ".into(),
                Problem::DisplayName(crate::domain::DisplayNameError::Empty),
            ),
            (|u| u.roles = vec!["root".into()], Problem::UnknownRole),
            (
                |u| u.department = "".into(),
                Problem::DepartmentRequiredForRole,
            ),
            (
                |u| u.password = "short".into(),
                Problem::NewPassword(PasswordError::TooShort),
            ),
        ];
        for (spoil, problem) in cases {
            let mut user = clerk();
            spoil(&mut user);
            assert_eq!(user.validate(), Err(problem));
        }
    }

    #[test]
    fn college_roles_need_no_department_and_duplicates_collapse() {
        let mut user = clerk();
        user.department = String::new();
        user.roles = vec!["it_head".into(), "admin".into(), "it_head".into()];
        let valid = user.validate().expect("college roles stand alone");
        assert_eq!(valid.membership.roles, [Role::ItHead, Role::Admin]);
    }

    #[test]
    fn repeated_passwords_must_match() {
        assert_eq!(
            check_password_pair("a long password", "a long passw0rd", "li"),
            Err(Problem::PasswordsDiffer)
        );
        assert_eq!(
            check_password_pair("a long password", "a long password", "li"),
            Ok(())
        );
    }

    #[test]
    fn departments_need_a_known_kind() {
        let form = DepartmentForm {
            id: String::new(),
            code: "jwc".into(),
            name: "教务处".into(),
            kind: "kitchen".into(),
            supervisor: String::new(),
        };
        assert_eq!(form.validate(), Err(Problem::UnknownDepartmentKind));
    }
}
