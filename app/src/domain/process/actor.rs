//! Who may act in a stage, answered from facts about the user and the
//! project. The server looks those facts up for every request; the browser
//! holds them already for the signed-in user, so both give the same answer.

use super::{ApprovalTier, Role};
use serde::{Deserialize, Serialize};

/// The user asking to act, as far as the process needs to know them.
/// When B acts on behalf of A, this describes A.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorContext {
    pub roles: Vec<Role>,
    pub is_member_of_applying_department: bool,
    /// The user is the vice president (分管校领导) of the applying department.
    pub supervises_applying_department: bool,
    pub is_project_group_member: bool,
    pub is_project_leader: bool,
    pub is_assigned_contractor: bool,
    pub is_invited_expert: bool,
}

impl ActorContext {
    fn holds(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Experts and contractors are the parties a project group oversees,
    /// so they never count as one of its members, whatever the record says.
    fn is_internal(&self) -> bool {
        !self.roles.iter().any(|role| role.is_external())
    }
}

/// A party named in the process table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Actor {
    /// Anyone holding this college-wide role.
    College(Role),
    /// A holder of this department role in the department that applied.
    ApplyingDepartment(Role),
    /// The vice president who supervises the applying department.
    SupervisingVicePresident,
    /// A member of this project's group (项目组), its leader included.
    ProjectGroup,
    /// This project's leader (项目负责人).
    ProjectLeader,
    /// The contractor (承建单位) chosen for this project.
    AssignedContractor,
    /// An expert invited to this project's feasibility review.
    InvitedExpert,
    /// Whoever the project's approval tier names (DESIGN §3).
    BudgetApprover,
}

pub(super) const DEPT_CLERK: Actor = Actor::ApplyingDepartment(Role::DeptClerk);
pub(super) const DEPT_HEAD: Actor = Actor::ApplyingDepartment(Role::DeptHead);
pub(super) const IT_DEVELOPER: Actor = Actor::College(Role::ItDeveloper);
pub(super) const IT_HEAD: Actor = Actor::College(Role::ItHead);
pub(super) const IT_CLERK: Actor = Actor::College(Role::ItClerk);
pub(super) const IT_SECURITY: Actor = Actor::College(Role::ItSecurity);
pub(super) const PROCUREMENT: Actor = Actor::College(Role::Procurement);
pub(super) const AUDIT: Actor = Actor::College(Role::Audit);
pub(super) const MEETING_SECRETARY: Actor = Actor::College(Role::MeetingSecretary);

impl Actor {
    /// The party that decides a budget of this tier: the applying
    /// department's own head, its supervising vice president, the
    /// president, or the secretary who records a meeting's decision.
    pub fn for_tier(tier: ApprovalTier) -> Actor {
        match tier.deciding_role() {
            Role::DeptHead => DEPT_HEAD,
            Role::VicePresident => Actor::SupervisingVicePresident,
            role => Actor::College(role),
        }
    }

    /// Whether `who` is this party. `tier` is the tier that must approve
    /// the budget now; only `BudgetApprover` looks at it.
    pub fn admits(self, who: &ActorContext, tier: Option<ApprovalTier>) -> bool {
        match self {
            Actor::College(role) => who.holds(role),
            Actor::ApplyingDepartment(role) => {
                who.holds(role) && who.is_member_of_applying_department
            }
            Actor::SupervisingVicePresident => {
                who.holds(Role::VicePresident) && who.supervises_applying_department
            }
            Actor::ProjectGroup => {
                (who.is_project_group_member || who.is_project_leader) && who.is_internal()
            }
            Actor::ProjectLeader => who.is_project_leader && who.is_internal(),
            Actor::AssignedContractor => who.holds(Role::Contractor) && who.is_assigned_contractor,
            Actor::InvitedExpert => who.holds(Role::Expert) && who.is_invited_expert,
            Actor::BudgetApprover => {
                tier.is_some_and(|tier| Actor::for_tier(tier).admits(who, None))
            }
        }
    }
}
