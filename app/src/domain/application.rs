//! The project application form (项目申报表) that a business department
//! fills in at research: checked field by field as it is typed, and again
//! on the server, by the same code.

use super::{Amount, AmountError, ApprovalTier, CalendarDate, CategoryCode, DateError};
use serde::{Deserialize, Serialize};

#[cfg(test)]
mod tests;

/// The form as typed: every field a string or a tick, so a half-filled
/// form can be kept as a draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationDraft {
    pub name: String,
    pub category: String,
    /// 是否接入互联网（含校园网）
    pub connects_to_network: bool,
    /// 用户范围是否超出建设单位或科研项目团队
    pub serves_beyond_unit: bool,
    pub budget: String,
    /// The policy's inputs (2.2): what the need rests on.
    pub basis_higher_requirements: bool,
    pub basis_development_plan: bool,
    pub basis_business_need: bool,
    pub basis_explanation: String,
    pub objectives: String,
    pub scope_and_users: String,
    pub expected_go_live: String,
    pub contact_name: String,
    pub contact_phone: String,
}

/// The two kinds of project of the policy (2.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectClass {
    /// 公共服务和业务管理信息系统: on the internet or campus network, and
    /// serving users beyond its own unit or research team.
    PublicService,
    /// 非公共服务和业务管理信息系统: teaching and research software,
    /// single-machine software, C/S software inside the campus network.
    NonPublic,
}

impl ProjectClass {
    /// Both conditions of the definition must hold for a public-service
    /// system; either one missing makes it non-public.
    pub fn from_answers(connects_to_network: bool, serves_beyond_unit: bool) -> Self {
        if connects_to_network && serves_beyond_unit {
            ProjectClass::PublicService
        } else {
            ProjectClass::NonPublic
        }
    }
}

/// The form once every field has passed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub name: String,
    pub category: CategoryCode,
    pub class: ProjectClass,
    pub budget: Amount,
    pub basis: Vec<Basis>,
    pub basis_explanation: String,
    pub objectives: String,
    pub scope_and_users: String,
    pub expected_go_live: CalendarDate,
    pub contact_name: String,
    pub contact_phone: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    HigherRequirements,
    DevelopmentPlan,
    BusinessNeed,
}

/// What is wrong with one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApplicationProblem {
    NameMissing,
    NameTooLong,
    CategoryMissing,
    CategoryUnknown,
    Budget(AmountError),
    BudgetZero,
    BasisMissing,
    TextMissing(LongField),
    TextTooLong(LongField),
    GoLive(DateError),
    GoLiveInPast,
    ContactMissing,
    PhoneInvalid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LongField {
    BasisExplanation,
    Objectives,
    ScopeAndUsers,
}

impl ApplicationProblem {
    /// The field the message belongs beside.
    pub fn field(self) -> &'static str {
        match self {
            ApplicationProblem::NameMissing | ApplicationProblem::NameTooLong => "name",
            ApplicationProblem::CategoryMissing | ApplicationProblem::CategoryUnknown => "category",
            ApplicationProblem::Budget(_) | ApplicationProblem::BudgetZero => "budget",
            ApplicationProblem::BasisMissing => "basis",
            ApplicationProblem::TextMissing(field) | ApplicationProblem::TextTooLong(field) => {
                match field {
                    LongField::BasisExplanation => "basis_explanation",
                    LongField::Objectives => "objectives",
                    LongField::ScopeAndUsers => "scope_and_users",
                }
            }
            ApplicationProblem::GoLive(_) | ApplicationProblem::GoLiveInPast => "expected_go_live",
            ApplicationProblem::ContactMissing => "contact_name",
            ApplicationProblem::PhoneInvalid => "contact_phone",
        }
    }
}

const NAME_MAX: usize = 60;
const TEXT_MAX: usize = 2_000;

impl ApplicationDraft {
    /// Every problem of the form, in the order of its fields, so the form
    /// can mark them all at once; `today` rules out a go-live in the past.
    pub fn problems(&self, today: CalendarDate) -> Vec<ApplicationProblem> {
        match self.validate(today) {
            Ok(_) => Vec::new(),
            Err(problems) => problems,
        }
    }

    pub fn validate(&self, today: CalendarDate) -> Result<Application, Vec<ApplicationProblem>> {
        let mut problems = Vec::new();
        let mut note = |result: Result<(), ApplicationProblem>| {
            if let Err(problem) = result {
                problems.push(problem);
            }
        };

        let name = self.name.trim();
        note(check_name(name));
        let category = CategoryCode::parse(&self.category);
        note(match (self.category.trim().is_empty(), &category) {
            (true, _) => Err(ApplicationProblem::CategoryMissing),
            (false, Err(_)) => Err(ApplicationProblem::CategoryUnknown),
            (false, Ok(_)) => Ok(()),
        });
        let budget = Amount::parse(&self.budget);
        note(match budget {
            Err(error) => Err(ApplicationProblem::Budget(error)),
            Ok(amount) if amount == Amount::ZERO => Err(ApplicationProblem::BudgetZero),
            Ok(_) => Ok(()),
        });
        let basis = self.basis();
        note(if basis.is_empty() {
            Err(ApplicationProblem::BasisMissing)
        } else {
            Ok(())
        });
        note(check_text(
            &self.basis_explanation,
            LongField::BasisExplanation,
        ));
        note(check_text(&self.objectives, LongField::Objectives));
        note(check_text(&self.scope_and_users, LongField::ScopeAndUsers));
        let go_live = CalendarDate::parse(&self.expected_go_live);
        note(match go_live {
            Err(error) => Err(ApplicationProblem::GoLive(error)),
            Ok(date) if date < today => Err(ApplicationProblem::GoLiveInPast),
            Ok(_) => Ok(()),
        });
        note(if self.contact_name.trim().is_empty() {
            Err(ApplicationProblem::ContactMissing)
        } else {
            Ok(())
        });
        note(check_phone(&self.contact_phone));

        match (category, budget, go_live) {
            (Ok(category), Ok(budget), Ok(expected_go_live)) if problems.is_empty() => {
                Ok(Application {
                    name: name.to_owned(),
                    category,
                    class: ProjectClass::from_answers(
                        self.connects_to_network,
                        self.serves_beyond_unit,
                    ),
                    budget,
                    basis,
                    basis_explanation: self.basis_explanation.trim().to_owned(),
                    objectives: self.objectives.trim().to_owned(),
                    scope_and_users: self.scope_and_users.trim().to_owned(),
                    expected_go_live,
                    contact_name: self.contact_name.trim().to_owned(),
                    contact_phone: self.contact_phone.trim().to_owned(),
                })
            }
            _ => Err(problems),
        }
    }

    /// Who will approve the budget as typed so far, for the hint beside
    /// the amount.
    pub fn approval_tier(&self) -> Option<ApprovalTier> {
        Amount::parse(&self.budget)
            .ok()
            .map(ApprovalTier::for_amount)
    }

    pub fn class(&self) -> ProjectClass {
        ProjectClass::from_answers(self.connects_to_network, self.serves_beyond_unit)
    }

    fn basis(&self) -> Vec<Basis> {
        [
            (self.basis_higher_requirements, Basis::HigherRequirements),
            (self.basis_development_plan, Basis::DevelopmentPlan),
            (self.basis_business_need, Basis::BusinessNeed),
        ]
        .into_iter()
        .filter_map(|(ticked, basis)| ticked.then_some(basis))
        .collect()
    }
}

fn check_name(name: &str) -> Result<(), ApplicationProblem> {
    if name.is_empty() {
        Err(ApplicationProblem::NameMissing)
    } else if name.chars().count() > NAME_MAX || name.chars().any(char::is_control) {
        Err(ApplicationProblem::NameTooLong)
    } else {
        Ok(())
    }
}

fn check_text(text: &str, field: LongField) -> Result<(), ApplicationProblem> {
    let text = text.trim();
    if text.is_empty() {
        Err(ApplicationProblem::TextMissing(field))
    } else if text.chars().count() > TEXT_MAX {
        Err(ApplicationProblem::TextTooLong(field))
    } else {
        Ok(())
    }
}

/// Mainland mobiles, landlines with area codes and extensions: digits with
/// the usual separators, 7 to 20 characters.
fn check_phone(phone: &str) -> Result<(), ApplicationProblem> {
    let phone = phone.trim();
    let allowed = |c: char| c.is_ascii_digit() || " -+()转".contains(c);
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if (7..=20).contains(&phone.chars().count()) && phone.chars().all(allowed) && digits >= 7 {
        Ok(())
    } else {
        Err(ApplicationProblem::PhoneInvalid)
    }
}
