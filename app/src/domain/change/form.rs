//! The change request form (信息系统变更申请表, the policy's attachment 2),
//! field for field, checked as it is typed and again on the server.

use super::super::{LocalMinute, MinuteError};
use serde::{Deserialize, Serialize};

/// Who asks for the change (the form's first row of ticks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeOrigin {
    /// 用户方变更
    User,
    /// 开发方变更
    Developer,
}

/// What the change does to the requirements (the second row), or 其他.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeScope {
    /// 需求增加
    Added,
    /// 需求修改
    Modified,
    /// 需求缩减
    Reduced,
    /// 其他, explained in words.
    Other,
}

/// Software, hardware or both (the policy's definition of 信息系统变更).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeTarget {
    Software,
    Hardware,
    Both,
}

/// What typically calls for a change, as the policy lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeTrigger {
    NewRegulation,
    NewFeature,
    SoftwareUpdate,
    HardwareUpgrade,
    NewUsers,
    NetworkExtension,
    NewRisk,
}

macro_rules! choice_ids {
    ($ty:ident { $($variant:ident => $id:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn id(self) -> &'static str {
                match self { $($ty::$variant => $id),+ }
            }

            pub fn parse(id: &str) -> Option<$ty> {
                $ty::ALL.iter().copied().find(|choice| choice.id() == id)
            }
        }
    };
}

choice_ids!(ChangeOrigin { User => "user", Developer => "developer" });
choice_ids!(ChangeScope {
    Added => "added",
    Modified => "modified",
    Reduced => "reduced",
    Other => "other",
});
choice_ids!(ChangeTarget { Software => "software", Hardware => "hardware", Both => "both" });
choice_ids!(ChangeTrigger {
    NewRegulation => "new_regulation",
    NewFeature => "new_feature",
    SoftwareUpdate => "software_update",
    HardwareUpgrade => "hardware_upgrade",
    NewUsers => "new_users",
    NetworkExtension => "network_extension",
    NewRisk => "new_risk",
});

/// The form as typed: choices as their ids, so a half-filled form can be
/// kept as a draft and sent as it stands.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeDraft {
    /// The system in the register the change applies to.
    pub system: String,
    pub execute_at: String,
    pub origin: String,
    pub scope: String,
    pub other_explanation: String,
    pub target: String,
    pub triggers: Vec<String>,
    pub reason: String,
    pub description: String,
    pub impact: String,
}

/// The form once every field has passed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeForm {
    pub system: String,
    pub execute_at: LocalMinute,
    pub origin: ChangeOrigin,
    pub scope: ChangeScope,
    /// Empty unless the scope is `Other`.
    pub other_explanation: String,
    pub target: ChangeTarget,
    pub triggers: Vec<ChangeTrigger>,
    pub reason: String,
    pub description: String,
    pub impact: String,
}

/// The form's long texts, each required.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeText {
    OtherExplanation,
    Reason,
    Description,
    Impact,
}

impl ChangeText {
    pub fn field(self) -> &'static str {
        match self {
            ChangeText::OtherExplanation => "other_explanation",
            ChangeText::Reason => "reason",
            ChangeText::Description => "description",
            ChangeText::Impact => "impact",
        }
    }
}

/// What is wrong with one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeProblem {
    SystemMissing,
    ExecuteAt(MinuteError),
    /// The change cannot be carried out before it is applied for.
    ExecuteBeforeApplication,
    OriginMissing,
    ScopeMissing,
    TargetMissing,
    TriggerUnknown,
    TextMissing(ChangeText),
    TextTooLong(ChangeText),
}

impl ChangeProblem {
    /// The field the message belongs beside.
    pub fn field(self) -> &'static str {
        match self {
            ChangeProblem::SystemMissing => "system",
            ChangeProblem::ExecuteAt(_) | ChangeProblem::ExecuteBeforeApplication => "execute_at",
            ChangeProblem::OriginMissing => "origin",
            ChangeProblem::ScopeMissing => "scope",
            ChangeProblem::TargetMissing => "target",
            ChangeProblem::TriggerUnknown => "triggers",
            ChangeProblem::TextMissing(text) | ChangeProblem::TextTooLong(text) => text.field(),
        }
    }
}

/// Longest text kept in one box of the form.
pub const CHANGE_TEXT_LIMIT: usize = 2_000;

impl ChangeDraft {
    /// Every problem of the form, in the order of its fields. `applied_at`
    /// is the moment of application: now, for a form being filled in.
    pub fn problems(&self, applied_at: LocalMinute) -> Vec<ChangeProblem> {
        self.validate(applied_at).err().unwrap_or_default()
    }

    pub fn validate(&self, applied_at: LocalMinute) -> Result<ChangeForm, Vec<ChangeProblem>> {
        let mut problems = Vec::new();
        let system = self.system.trim();
        if system.is_empty() {
            problems.push(ChangeProblem::SystemMissing);
        }
        let execute_at = match LocalMinute::parse(&self.execute_at) {
            Ok(at) if at < applied_at => {
                problems.push(ChangeProblem::ExecuteBeforeApplication);
                None
            }
            Ok(at) => Some(at),
            Err(error) => {
                problems.push(ChangeProblem::ExecuteAt(error));
                None
            }
        };
        let origin = ChangeOrigin::parse(&self.origin);
        if origin.is_none() {
            problems.push(ChangeProblem::OriginMissing);
        }
        let scope = ChangeScope::parse(&self.scope);
        if scope.is_none() {
            problems.push(ChangeProblem::ScopeMissing);
        }
        let other_explanation = if scope == Some(ChangeScope::Other) {
            text(
                &self.other_explanation,
                ChangeText::OtherExplanation,
                &mut problems,
            )
        } else {
            String::new()
        };
        let target = ChangeTarget::parse(&self.target);
        if target.is_none() {
            problems.push(ChangeProblem::TargetMissing);
        }
        let mut triggers = Vec::new();
        for id in &self.triggers {
            match ChangeTrigger::parse(id) {
                Some(trigger) => triggers.push(trigger),
                None => {
                    problems.push(ChangeProblem::TriggerUnknown);
                    break;
                }
            }
        }
        triggers.sort();
        triggers.dedup();
        let reason = text(&self.reason, ChangeText::Reason, &mut problems);
        let description = text(&self.description, ChangeText::Description, &mut problems);
        let impact = text(&self.impact, ChangeText::Impact, &mut problems);

        match (execute_at, origin, scope, target) {
            (Some(execute_at), Some(origin), Some(scope), Some(target)) if problems.is_empty() => {
                Ok(ChangeForm {
                    system: system.to_owned(),
                    execute_at,
                    origin,
                    scope,
                    other_explanation,
                    target,
                    triggers,
                    reason,
                    description,
                    impact,
                })
            }
            _ => Err(problems),
        }
    }
}

fn text(input: &str, which: ChangeText, problems: &mut Vec<ChangeProblem>) -> String {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        problems.push(ChangeProblem::TextMissing(which));
    } else if trimmed.chars().count() > CHANGE_TEXT_LIMIT {
        problems.push(ChangeProblem::TextTooLong(which));
    }
    trimmed.to_owned()
}

impl From<&ChangeForm> for ChangeDraft {
    /// The form back as typed, to open a returned request for editing.
    fn from(form: &ChangeForm) -> Self {
        ChangeDraft {
            system: form.system.clone(),
            execute_at: form.execute_at.to_input_value(),
            origin: form.origin.id().to_owned(),
            scope: form.scope.id().to_owned(),
            other_explanation: form.other_explanation.clone(),
            target: form.target.id().to_owned(),
            triggers: form.triggers.iter().map(|t| t.id().to_owned()).collect(),
            reason: form.reason.clone(),
            description: form.description.clone(),
            impact: form.impact.clone(),
        }
    }
}
