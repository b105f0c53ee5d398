//! Plain data that crosses between server and browser. Database rows are
//! converted into these in the backend; nothing secret is ever in them.

use crate::domain::{DepartmentKind, Role, Timestamp};
use serde::{Deserialize, Serialize};

/// The person signed in, as the interface needs to know them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: String,
    pub user_name: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub department: Option<DepartmentRef>,
}

impl SessionUser {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentRef {
    pub id: String,
    pub code: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRef {
    pub id: String,
    pub display_name: String,
}

/// A user as the administrator sees them in the list and the edit form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: String,
    pub user_name: String,
    pub display_name: String,
    pub department: Option<DepartmentRef>,
    pub roles: Vec<Role>,
    pub enabled: bool,
    pub last_sign_in: Option<Timestamp>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    pub id: String,
    pub code: String,
    pub name: String,
    pub kind: DepartmentKind,
    pub supervisor: Option<UserRef>,
}

/// What an administrator fills in to create a user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewUser {
    pub user_name: String,
    pub display_name: String,
    /// Department id; empty for college-wide roles.
    #[serde(default)]
    pub department: String,
    #[serde(default)]
    pub roles: Vec<String>,
    pub password: String,
}

/// What an administrator can change on an existing user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserChanges {
    pub id: String,
    pub display_name: String,
    #[serde(default)]
    pub department: String,
    #[serde(default)]
    pub roles: Vec<String>,
    pub enabled: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentForm {
    /// Empty when creating a department.
    #[serde(default)]
    pub id: String,
    pub code: String,
    pub name: String,
    pub kind: String,
    /// User id of the supervising vice president; empty for none.
    #[serde(default)]
    pub supervisor: String,
}

/// A project as lists and the project page's header show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectSummary {
    pub id: String,
    pub name: String,
    pub department: DepartmentRef,
    pub category: crate::domain::CategoryCode,
    pub class: crate::domain::ProjectClass,
    pub budget: crate::domain::Amount,
    pub tier: crate::domain::ApprovalTier,
    pub stage: crate::domain::process::StageId,
    pub status: crate::domain::process::ProjectStatus,
    pub created_at: Timestamp,
}
