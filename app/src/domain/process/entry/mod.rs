//! What a user types to file a stage's output: one flat draft for every
//! kind, so a half-filled form can be kept, and one check per kind of
//! output that turns it into a value the server stores. The browser runs
//! the same check while the form is filled in.

mod choices;
#[cfg(test)]
mod tests;

pub use choices::{HandoverItem, ProcurementMethod, Rating};

use super::{Filing, OutputKind};
use crate::domain::{Amount, AmountError, CalendarDate, DateError};
use serde::{Deserialize, Serialize};

/// Longest free text accepted in an output: a report summary, an opinion.
pub const TEXT_LIMIT: usize = 4000;
/// Longest short text: a registry number, an organisation, a meeting.
pub const SHORT_LIMIT: usize = 100;
/// Most people named in one list (a group, the participants).
pub const PEOPLE_LIMIT: usize = 40;

/// The form of an output as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryDraft {
    /// A report's summary, an opinion, the minutes' summary.
    #[serde(default)]
    pub text: String,
    /// A registry number, the contractor organisation, a meeting's name.
    #[serde(default)]
    pub short: String,
    #[serde(default)]
    pub amount: String,
    /// User ids: group members, participants, contractor accounts.
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub date: String,
    /// An agenda item number, a choice (method, rating, checklist item).
    #[serde(default)]
    pub choice: String,
    /// Id of an uploaded document that goes with the output.
    #[serde(default)]
    pub document: Option<String>,
}

/// How the form for an output looks, and which check it gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryShape {
    /// A report or opinion: a summary, and a document where there is one.
    Report,
    /// A report that names who took part (验收报告).
    ReportWithParticipants,
    /// A short identifier such as the registry number.
    Identifier,
    Amount,
    /// Internal people, one or more.
    People,
    /// One internal person.
    Person,
    /// The contractor organisation and its user accounts.
    Contractor,
    /// The deciding meeting: name, date, agenda item, minutes.
    Meeting,
    ProcurementMethod,
    Rating,
    /// One item of the handover checklist, confirmed received.
    HandoverItem,
    /// The system's entry in the register: its name and go-live date.
    Registration,
    /// Written by a decision; there is no form.
    None,
}

impl OutputKind {
    /// Outputs filed many times over, each entry standing beside the
    /// others: one opinion per expert, a report per period, one entry per
    /// handover item. Any other output has one current entry; filing it
    /// again replaces it.
    pub fn is_repeatable(self) -> bool {
        matches!(
            self,
            OutputKind::ExpertOpinion
                | OutputKind::ProgressReport
                | OutputKind::SupervisionRecord
                | OutputKind::HandoverChecklistConfirmed
        )
    }

    pub fn shape(self) -> EntryShape {
        use OutputKind as K;
        match self {
            K::RegistryNumber => EntryShape::Identifier,
            K::BudgetAmount | K::ContractAmount => EntryShape::Amount,
            K::ProjectGroup | K::WorkingGroup => EntryShape::People,
            K::ProjectLeader => EntryShape::Person,
            K::Contractor => EntryShape::Contractor,
            K::MeetingRecord => EntryShape::Meeting,
            K::ProcurementMethod => EntryShape::ProcurementMethod,
            K::EvaluationRating => EntryShape::Rating,
            K::HandoverChecklistConfirmed => EntryShape::HandoverItem,
            K::SystemRegistered => EntryShape::Registration,
            K::AcceptanceReport => EntryShape::ReportWithParticipants,
            K::FeasibilityConclusion | K::ApprovalDecision => EntryShape::None,
            _ => EntryShape::Report,
        }
    }
}

/// A checked output, as stored and shown on the project page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "shape", rename_all = "snake_case")]
pub enum EntryValue {
    Report {
        text: String,
        document: Option<String>,
    },
    ReportWithParticipants {
        text: String,
        participants: Vec<String>,
        document: Option<String>,
    },
    Identifier {
        value: String,
    },
    Amount {
        amount: Amount,
    },
    People {
        people: Vec<String>,
    },
    Person {
        person: String,
    },
    Contractor {
        organisation: String,
        accounts: Vec<String>,
    },
    Meeting {
        name: String,
        date: CalendarDate,
        item: String,
        minutes: String,
        document: Option<String>,
    },
    ProcurementMethod {
        method: ProcurementMethod,
    },
    Rating {
        rating: Rating,
    },
    HandoverItem {
        item: HandoverItem,
    },
    Registration {
        system_name: String,
        go_live: CalendarDate,
    },
}

impl EntryValue {
    /// What filing this value does to the project's state.
    pub fn filing(&self, kind: OutputKind) -> Filing {
        match (kind, self) {
            (OutputKind::BudgetAmount, EntryValue::Amount { amount }) => Filing::Budget(*amount),
            (OutputKind::ContractAmount, EntryValue::Amount { amount }) => {
                Filing::ContractAmount(*amount)
            }
            (_, EntryValue::HandoverItem { item }) => Filing::HandoverItem(*item),
            (kind, _) => Filing::Output(kind),
        }
    }

    /// Every user the value names, for checking they exist and may be named.
    pub fn people(&self) -> &[String] {
        match self {
            EntryValue::ReportWithParticipants { participants, .. } => participants,
            EntryValue::People { people } => people,
            EntryValue::Person { person } => std::slice::from_ref(person),
            EntryValue::Contractor { accounts, .. } => accounts,
            _ => &[],
        }
    }

    pub fn document(&self) -> Option<&str> {
        match self {
            EntryValue::Report { document, .. }
            | EntryValue::ReportWithParticipants { document, .. }
            | EntryValue::Meeting { document, .. } => document.as_deref(),
            _ => None,
        }
    }
}

/// The field of the output form a problem belongs beside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryField {
    Text,
    Short,
    Amount,
    People,
    Date,
    Choice,
    Document,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryProblem {
    Missing(EntryField),
    TooLong(EntryField),
    Amount(AmountError),
    AmountZero,
    Date(DateError),
    /// The same person named twice.
    PersonRepeated,
    TooManyPeople,
    UnknownChoice,
    /// The minutes or a report must have a summary or a document.
    NotFileable,
}

impl EntryProblem {
    pub fn field(self) -> EntryField {
        match self {
            EntryProblem::Missing(field) | EntryProblem::TooLong(field) => field,
            EntryProblem::Amount(_) | EntryProblem::AmountZero => EntryField::Amount,
            EntryProblem::Date(_) => EntryField::Date,
            EntryProblem::PersonRepeated | EntryProblem::TooManyPeople => EntryField::People,
            EntryProblem::UnknownChoice => EntryField::Choice,
            EntryProblem::NotFileable => EntryField::Text,
        }
    }
}

impl EntryDraft {
    /// Checks the draft as an output of `kind`.
    pub fn validate(&self, kind: OutputKind) -> Result<EntryValue, EntryProblem> {
        let document = self.document.clone().filter(|id| !id.trim().is_empty());
        match kind.shape() {
            EntryShape::Report => Ok(EntryValue::Report {
                text: text(&self.text, TEXT_LIMIT, EntryField::Text)?,
                document,
            }),
            EntryShape::ReportWithParticipants => Ok(EntryValue::ReportWithParticipants {
                text: text(&self.text, TEXT_LIMIT, EntryField::Text)?,
                participants: people(&self.people)?,
                document,
            }),
            EntryShape::Identifier => Ok(EntryValue::Identifier {
                value: text(&self.short, SHORT_LIMIT, EntryField::Short)?,
            }),
            EntryShape::Amount => {
                let amount = Amount::parse(&self.amount).map_err(EntryProblem::Amount)?;
                if amount.fen() == 0 {
                    return Err(EntryProblem::AmountZero);
                }
                Ok(EntryValue::Amount { amount })
            }
            EntryShape::People => Ok(EntryValue::People {
                people: people(&self.people)?,
            }),
            EntryShape::Person => match people(&self.people)?.as_slice() {
                [one] => Ok(EntryValue::Person {
                    person: one.clone(),
                }),
                _ => Err(EntryProblem::TooManyPeople),
            },
            EntryShape::Contractor => Ok(EntryValue::Contractor {
                organisation: text(&self.short, SHORT_LIMIT, EntryField::Short)?,
                accounts: people(&self.people)?,
            }),
            EntryShape::Meeting => Ok(EntryValue::Meeting {
                name: text(&self.short, SHORT_LIMIT, EntryField::Short)?,
                date: CalendarDate::parse(&self.date).map_err(EntryProblem::Date)?,
                item: text(&self.choice, SHORT_LIMIT, EntryField::Choice)?,
                minutes: text(&self.text, TEXT_LIMIT, EntryField::Text)?,
                // A collective decision is proved by the meeting's minutes
                // as issued, not only by their summary.
                document: Some(document.ok_or(EntryProblem::Missing(EntryField::Document))?),
            }),
            EntryShape::ProcurementMethod => Ok(EntryValue::ProcurementMethod {
                method: choice(&self.choice, ProcurementMethod::parse)?,
            }),
            EntryShape::Rating => Ok(EntryValue::Rating {
                rating: choice(&self.choice, Rating::parse)?,
            }),
            EntryShape::HandoverItem => Ok(EntryValue::HandoverItem {
                item: choice(&self.choice, HandoverItem::parse)?,
            }),
            EntryShape::Registration => Ok(EntryValue::Registration {
                system_name: text(&self.short, SHORT_LIMIT, EntryField::Short)?,
                go_live: CalendarDate::parse(&self.date).map_err(EntryProblem::Date)?,
            }),
            EntryShape::None => Err(EntryProblem::NotFileable),
        }
    }
}

fn text(input: &str, limit: usize, field: EntryField) -> Result<String, EntryProblem> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        Err(EntryProblem::Missing(field))
    } else if trimmed.chars().count() > limit {
        Err(EntryProblem::TooLong(field))
    } else {
        Ok(trimmed.to_owned())
    }
}

fn people(ids: &[String]) -> Result<Vec<String>, EntryProblem> {
    let ids: Vec<String> = ids
        .iter()
        .map(|id| id.trim().to_owned())
        .filter(|id| !id.is_empty())
        .collect();
    if ids.is_empty() {
        return Err(EntryProblem::Missing(EntryField::People));
    }
    if ids.len() > PEOPLE_LIMIT {
        return Err(EntryProblem::TooManyPeople);
    }
    let mut seen = std::collections::BTreeSet::new();
    if !ids.iter().all(|id| seen.insert(id.as_str())) {
        return Err(EntryProblem::PersonRepeated);
    }
    Ok(ids)
}

fn choice<T>(input: &str, parse: fn(&str) -> Option<T>) -> Result<T, EntryProblem> {
    if input.trim().is_empty() {
        return Err(EntryProblem::Missing(EntryField::Choice));
    }
    parse(input.trim()).ok_or(EntryProblem::UnknownChoice)
}
