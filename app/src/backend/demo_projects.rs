//! The demo college's projects: one in every stage and every approval
//! tier, a rejected one and a finished one, so that every demo user's
//! inbox and board have something in them. Each is walked through the
//! process by the demo people themselves, through the same functions that
//! serve their requests, so its entries and timeline are real.

use super::{
    auth::session::Actor,
    db::Db,
    projects::{self, load_visible},
    users,
};
use crate::api::{AppError, SessionUser};
use crate::domain::process::{
    Decision, DecisionRequest, EntryDraft, EntryShape, HandoverItem, Leads, OutputKind,
    ProjectStatus, StageId, decisions_open_to, definition,
};
use crate::domain::{Amount, ApplicationDraft, CalendarDate};

/// A sample project: who applies, its name and budget, and how far it gets.
struct Sample {
    clerk: &'static str,
    name: &'static str,
    category: &'static str,
    budget_yuan: u64,
    until: Until,
}

enum Until {
    /// Left waiting at this stage.
    Stage(StageId),
    /// Rejected at this stage, with this opinion.
    Rejected(StageId, &'static str),
    /// Evaluated: the process is over.
    Finished,
}

const SAMPLES: &[Sample] = &[
    Sample {
        clerk: "jwc.clerk",
        name: "教学质量监测平台",
        category: "2-03",
        budget_yuan: 30_000,
        until: Until::Stage(StageId::Research),
    },
    Sample {
        clerk: "xsc.clerk",
        name: "学生资助管理系统升级",
        category: "1-07",
        budget_yuan: 120_000,
        until: Until::Stage(StageId::Initiation),
    },
    Sample {
        clerk: "jwc.clerk",
        name: "课程思政案例库",
        category: "2-04",
        budget_yuan: 45_000,
        until: Until::Stage(StageId::InitiationApproval),
    },
    Sample {
        clerk: "xsc.clerk",
        name: "宿舍管理服务平台",
        category: "1-06",
        budget_yuan: 300_000,
        until: Until::Stage(StageId::Feasibility),
    },
    Sample {
        clerk: "jwc.clerk",
        name: "实践教学管理系统",
        category: "2-05",
        budget_yuan: 160_000,
        until: Until::Stage(StageId::Registry),
    },
    Sample {
        clerk: "jwc.clerk",
        name: "排课系统优化",
        category: "2-03",
        budget_yuan: 38_000,
        until: Until::Stage(StageId::BudgetApproval),
    },
    Sample {
        clerk: "xsc.clerk",
        name: "学生证件照采集系统",
        category: "1-07",
        budget_yuan: 26_000,
        until: Until::Stage(StageId::BudgetApproval),
    },
    Sample {
        clerk: "jwc.clerk",
        name: "教学督导评价系统",
        category: "2-03",
        budget_yuan: 88_000,
        until: Until::Stage(StageId::BudgetApproval),
    },
    Sample {
        clerk: "xsc.clerk",
        name: "心理健康测评系统",
        category: "1-07",
        budget_yuan: 95_000,
        until: Until::Stage(StageId::BudgetApproval),
    },
    Sample {
        clerk: "jwc.clerk",
        name: "考务管理系统",
        category: "2-03",
        budget_yuan: 260_000,
        until: Until::Stage(StageId::BudgetApproval),
    },
    Sample {
        clerk: "xsc.clerk",
        name: "智慧学工一体化平台",
        category: "1-07",
        budget_yuan: 680_000,
        until: Until::Stage(StageId::BudgetApproval),
    },
    Sample {
        clerk: "jwc.clerk",
        name: "智慧教学综合平台",
        category: "2-04",
        budget_yuan: 5_200_000,
        until: Until::Stage(StageId::BudgetApproval),
    },
    Sample {
        clerk: "jwc.clerk",
        name: "教材管理系统",
        category: "2-03",
        budget_yuan: 28_000,
        until: Until::Stage(StageId::WorkingGroup),
    },
    Sample {
        clerk: "xsc.clerk",
        name: "迎新系统",
        category: "3-01",
        budget_yuan: 70_000,
        until: Until::Stage(StageId::Procurement),
    },
    Sample {
        clerk: "jwc.clerk",
        name: "毕业设计管理系统",
        category: "2-05",
        budget_yuan: 42_000,
        until: Until::Stage(StageId::Planning),
    },
    Sample {
        clerk: "xsc.clerk",
        name: "勤工助学管理系统",
        category: "1-07",
        budget_yuan: 48_000,
        until: Until::Stage(StageId::PlanReview),
    },
    Sample {
        clerk: "jwc.clerk",
        name: "学籍管理系统改造",
        category: "2-03",
        budget_yuan: 150_000,
        until: Until::Stage(StageId::Implementation),
    },
    Sample {
        clerk: "xsc.clerk",
        name: "宿舍管理系统",
        category: "1-07",
        budget_yuan: 35_000,
        until: Until::Stage(StageId::Implementation),
    },
    Sample {
        clerk: "xsc.clerk",
        name: "学生综合素质测评系统",
        category: "1-07",
        budget_yuan: 36_000,
        until: Until::Stage(StageId::Testing),
    },
    Sample {
        clerk: "jwc.clerk",
        name: "教师教学发展平台",
        category: "2-04",
        budget_yuan: 58_000,
        until: Until::Stage(StageId::SecurityTesting),
    },
    Sample {
        clerk: "xsc.clerk",
        name: "辅导员工作平台",
        category: "1-07",
        budget_yuan: 33_000,
        until: Until::Stage(StageId::Acceptance),
    },
    Sample {
        clerk: "jwc.clerk",
        name: "在线考试系统",
        category: "2-04",
        budget_yuan: 46_000,
        until: Until::Stage(StageId::Handover),
    },
    Sample {
        clerk: "xsc.clerk",
        name: "学生请销假系统",
        category: "1-07",
        budget_yuan: 18_000,
        until: Until::Stage(StageId::InUse),
    },
    Sample {
        clerk: "jwc.clerk",
        name: "成绩管理系统",
        category: "2-03",
        budget_yuan: 40_000,
        until: Until::Stage(StageId::Evaluation),
    },
    Sample {
        clerk: "jwc.clerk",
        name: "教学日历系统",
        category: "2-03",
        budget_yuan: 22_000,
        until: Until::Finished,
    },
    Sample {
        clerk: "xsc.clerk",
        name: "校园活动报名小程序",
        category: "1-06",
        budget_yuan: 25_000,
        until: Until::Rejected(
            StageId::InitiationApproval,
            "与学校现有“智慧学工一体化平台”功能重复，不予立项。",
        ),
    },
];

/// Walks the sample projects through the process.
pub async fn seed(db: &Db) -> Result<(), AppError> {
    let people = load_people(db).await?;
    for sample in SAMPLES {
        walk(db, &people, sample).await?;
    }
    tracing::info!(projects = SAMPLES.len(), "demo projects created");
    super::demo_changes::seed(db, &people).await
}

async fn load_people(db: &Db) -> Result<Vec<Actor>, AppError> {
    let all = users::list(db).await?;
    Ok(all
        .into_iter()
        .filter(|u| u.enabled)
        .map(|u| {
            Actor::without_session(SessionUser {
                id: u.id,
                user_name: u.user_name,
                display_name: u.display_name,
                roles: u.roles,
                department: u.department,
            })
        })
        .collect())
}

fn named<'a>(people: &'a [Actor], user_name: &str) -> Result<&'a Actor, AppError> {
    people
        .iter()
        .find(|p| p.user.user_name == user_name)
        .ok_or(AppError::NotFound)
}

async fn walk(db: &Db, people: &[Actor], sample: &Sample) -> Result<(), AppError> {
    let clerk = named(people, sample.clerk)?;
    let go_live = CalendarDate::new(2027, 9, 1).map_err(|_| AppError::Internal)?;
    let application = ApplicationDraft {
        name: sample.name.into(),
        category: sample.category.into(),
        connects_to_network: true,
        serves_beyond_unit: sample.budget_yuan >= 50_000,
        budget: sample.budget_yuan.to_string(),
        basis_business_need: true,
        basis_development_plan: true,
        basis_explanation:
            "落实学校“十四五”信息化建设规划，解决业务部门现有流程依赖纸质材料、数据分散的问题。"
                .into(),
        objectives: "实现业务全流程线上办理，数据统一管理，提高办事效率。".into(),
        scope_and_users: "面向全校师生及相关管理部门。".into(),
        expected_go_live: go_live.to_string(),
        contact_name: clerk.user.display_name.chars().take(2).collect(),
        contact_phone: "020-12345678".into(),
        ..ApplicationDraft::default()
    }
    .validate(projects::today()?)
    .map_err(|problems| {
        tracing::error!(?problems, "a demo application is invalid");
        AppError::Internal
    })?;
    let id = projects::start(db, clerk, &application).await?;

    let (target, rejection) = match sample.until {
        Until::Stage(stage) => (Some(stage), None),
        Until::Rejected(stage, opinion) => (Some(stage), Some(opinion)),
        Until::Finished => (None, None),
    };
    loop {
        let record = load_visible(db, clerk, &id).await?;
        let state = record.state()?;
        // The expert is invited even where the sample stops at the review,
        // so that the expert's inbox holds the opinion asked of them.
        if state.is_active() && state.stage == StageId::Feasibility && record.experts.is_empty() {
            let it_clerk = named(people, "it.clerk")?;
            let expert = named(people, "expert")?;
            projects::invite_experts(db, it_clerk, &id, &[expert.id().to_owned()]).await?;
            continue;
        }
        if state.status != ProjectStatus::Active
            || Some(state.stage) == target && rejection.is_none()
        {
            return Ok(());
        }
        if Some(state.stage) == target
            && let Some(opinion) = rejection
        {
            let request = DecisionRequest::new(state.stage, Decision::Reject).with_reason(opinion);
            decide_as_anyone(db, people, &id, &request).await?;
            return Ok(());
        }
        let missing = state.missing_outputs();
        if let Some(kind) = missing.first() {
            file_as_anyone(db, people, &id, *kind, sample).await?;
            continue;
        }
        let forward = definition(state.stage)
            .offers
            .iter()
            .find(|(_, leads)| *leads == Leads::Forward)
            .map(|(decision, _)| *decision)
            .ok_or(AppError::Internal)?;
        let opinion = match forward {
            Decision::Approve => "同意。",
            Decision::Pass => "通过。",
            _ => "",
        };
        let request = DecisionRequest::new(state.stage, forward).with_reason(opinion);
        decide_as_anyone(db, people, &id, &request).await?;
    }
}

/// Files `kind` as the first demo person the process lets file it.
async fn file_as_anyone(
    db: &Db,
    people: &[Actor],
    id: &str,
    kind: OutputKind,
    sample: &Sample,
) -> Result<(), AppError> {
    for person in people {
        let record = load_visible(db, person, id).await;
        let Ok(record) = record else { continue };
        let state = record.state()?;
        let who = record.context_for(&person.user);
        let tier = state.deciding_tier();
        if !kind.filed_by().iter().any(|actor| actor.admits(&who, tier)) {
            continue;
        }
        if kind == OutputKind::HandoverChecklistConfirmed {
            for item in HandoverItem::ALL {
                let draft = EntryDraft {
                    choice: item.id().to_owned(),
                    ..EntryDraft::default()
                };
                projects::file(db, person, id, kind, &draft).await?;
            }
            return Ok(());
        }
        let mut draft = sample_draft(people, kind, sample)?;
        if kind == OutputKind::MeetingRecord {
            let minutes = format!("%PDF-1.4\n% {} 会议纪要\n", sample.name).into_bytes();
            let stored = super::documents::store(db, person, id, "会议纪要.pdf", minutes).await?;
            draft.document = Some(stored.id);
        }
        return projects::file(db, person, id, kind, &draft).await;
    }
    tracing::error!(kind = kind.id(), "no demo person may file this output");
    Err(AppError::Internal)
}

async fn decide_as_anyone(
    db: &Db,
    people: &[Actor],
    id: &str,
    request: &DecisionRequest,
) -> Result<(), AppError> {
    for person in people {
        let Ok(record) = load_visible(db, person, id).await else {
            continue;
        };
        let state = record.state()?;
        let offered = decisions_open_to(&state, &record.context_for(&person.user));
        if offered.contains(&request.decision) {
            return projects::decide(db, person, id, record.version, request, None).await;
        }
    }
    tracing::error!(stage = %request.stage, "no demo person may take this decision");
    Err(AppError::Internal)
}

fn sample_draft(
    people: &[Actor],
    kind: OutputKind,
    sample: &Sample,
) -> Result<EntryDraft, AppError> {
    let id_of = |name: &str| named(people, name).map(|p| p.id().to_owned());
    let blank = EntryDraft::default();
    let today = super::projects::today()?.to_string();
    let contractor = if sample.clerk == "xsc.clerk" {
        "contractor2"
    } else {
        "contractor"
    };
    Ok(match kind.shape() {
        EntryShape::Report => EntryDraft {
            text: format!("{}：内容详见附件，已按要求完成。", sample.name),
            ..blank
        },
        EntryShape::ReportWithParticipants => EntryDraft {
            text: "系统功能、性能及文档符合合同约定，同意通过验收。".into(),
            people: vec![id_of("it.dev")?, id_of(sample.clerk)?, id_of(contractor)?],
            ..blank
        },
        EntryShape::Identifier => EntryDraft {
            short: format!("XXH-2026-{:03}", sample.name.chars().count() * 7 % 1000),
            ..blank
        },
        EntryShape::Amount => EntryDraft {
            amount: Amount::from_yuan(sample.budget_yuan).to_string(),
            ..blank
        },
        EntryShape::People => EntryDraft {
            people: vec![id_of("it.dev")?, id_of("control")?, id_of(sample.clerk)?],
            ..blank
        },
        EntryShape::Person => EntryDraft {
            people: vec![id_of("it.dev")?],
            ..blank
        },
        // Each department's systems are built by a different firm, so that
        // each contractor sees only their own projects.
        EntryShape::Contractor if sample.clerk == "xsc.clerk" => EntryDraft {
            short: "广州星辰科技有限公司".into(),
            people: vec![id_of("contractor2")?],
            ..blank
        },
        EntryShape::Contractor => EntryDraft {
            short: "广州蓝海软件有限公司".into(),
            people: vec![id_of("contractor")?],
            ..blank
        },
        EntryShape::Meeting => EntryDraft {
            short: if sample.budget_yuan >= 5_000_000 {
                "2026年第9次党委会".into()
            } else {
                "2026年第12次校长办公会".into()
            },
            date: today,
            choice: "3".into(),
            text: "会议研究，同意立项建设。".into(),
            ..blank
        },
        EntryShape::ProcurementMethod => EntryDraft {
            choice: if sample.budget_yuan >= 200_000 {
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
            short: sample.name.into(),
            date: today,
            ..blank
        },
        EntryShape::HandoverItem | EntryShape::None => return Err(AppError::Internal),
    })
}
