//! What a synthetic project files for each output: a draft as a user
//! would type it, checked by the same `EntryDraft::validate` the server
//! runs on every filing.

use super::people::College;
use super::walk::Plan;
use app::domain::process::{EntryDraft, EntryProblem, EntryShape, EntryValue, OutputKind};
use app::domain::{ApprovalTier, Timestamp};

/// The people a value may name, chosen by the walk.
pub struct Named {
    pub clerk: usize,
    /// Internal staff for a group: a developer, internal control, the clerk.
    pub staff: Vec<usize>,
    pub leader: usize,
    /// The firm that wins the contract, by index into `College::firms`.
    pub firm: usize,
    pub contractors: Vec<usize>,
}

pub fn sample_value(
    college: &College,
    plan: &Plan,
    kind: OutputKind,
    named: &Named,
    document: Option<String>,
) -> Result<EntryValue, EntryProblem> {
    let key = |person: &usize| college.people[*person].key.clone();
    let application = &plan.application;
    let day = Timestamp(plan.until_ms).to_local_date();
    let blank = EntryDraft {
        document,
        ..EntryDraft::default()
    };
    let draft = match kind.shape() {
        EntryShape::Report => EntryDraft {
            text: format!(
                "{}：{}，内容详见附件。",
                application.name,
                report_title(kind)
            ),
            ..blank
        },
        EntryShape::ReportWithParticipants => {
            let mut people: Vec<String> = named.staff.iter().map(key).collect();
            people.extend(named.contractors.iter().map(key));
            people.dedup();
            EntryDraft {
                text: "系统功能、性能及文档符合合同约定，同意通过验收。".into(),
                people,
                ..blank
            }
        }
        EntryShape::Identifier => EntryDraft {
            short: format!("XXH-{}-{}", &day[..4], &key(&named.clerk)[..6]),
            ..blank
        },
        EntryShape::Amount => EntryDraft {
            amount: application.budget.to_string(),
            ..blank
        },
        EntryShape::People => {
            let mut people: Vec<String> = named.staff.iter().map(key).collect();
            people.sort();
            people.dedup();
            EntryDraft { people, ..blank }
        }
        EntryShape::Person => EntryDraft {
            people: vec![key(&named.leader)],
            ..blank
        },
        EntryShape::Contractor => {
            let firm = &college.firms[named.firm];
            EntryDraft {
                short: firm.name.clone(),
                people: firm.accounts.iter().take(2).map(key).collect(),
                ..blank
            }
        }
        EntryShape::Meeting => {
            let party =
                ApprovalTier::for_amount(application.budget) == ApprovalTier::PartyCommittee;
            EntryDraft {
                short: if party {
                    format!("{}年第9次党委会", &day[..4])
                } else {
                    format!("{}年第12次校长办公会", &day[..4])
                },
                date: day.clone(),
                choice: "3".into(),
                text: "会议研究，同意立项建设。".into(),
                ..blank
            }
        }
        EntryShape::ProcurementMethod => EntryDraft {
            choice: if application.budget.fen() >= 20_000_000 {
                "open_tender"
            } else {
                "in_house"
            }
            .into(),
            ..blank
        },
        EntryShape::Rating => EntryDraft {
            choice: "good".into(),
            ..blank
        },
        EntryShape::Registration => EntryDraft {
            short: application.name.clone(),
            date: day,
            ..blank
        },
        EntryShape::HandoverItem | EntryShape::None => return Err(EntryProblem::NotFileable),
    };
    draft.validate(kind)
}

fn report_title(kind: OutputKind) -> &'static str {
    match kind {
        OutputKind::ConstructionPlanDocument => "信息化项目建设方案书",
        OutputKind::ExpertOpinion => "专家论证意见",
        OutputKind::ProgressReport => "项目进度报告",
        OutputKind::SupervisionRecord => "监督检查记录",
        OutputKind::UserTestReport => "用户测试报告",
        OutputKind::SecurityReport => "安全检测报告",
        OutputKind::EvaluationReport => "项目评价报告",
        _ => "已按要求完成",
    }
}
