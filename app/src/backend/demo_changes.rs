//! Change requests of the demo college, at different steps, so that each
//! party of the change flow finds one waiting and a registered one can be
//! printed. Made through the same backend functions a user's actions call.

use super::{auth::session::Actor, changes, db::Db, documents, errors::internal, ids::key_of};
use crate::api::AppError;
use crate::domain::change::{ChangeDecision, ChangeDecisionRequest, ChangeDraft, ChangeStep};
use surrealdb::types::RecordId;

struct Sample {
    system: &'static str,
    reason: &'static str,
    description: &'static str,
    /// The step the request is left at; `None` takes it to registration.
    until: Option<ChangeStep>,
}

const SAMPLES: &[Sample] = &[
    Sample {
        system: "成绩管理系统",
        reason: "教务处新规定要求学生可在线申请成绩复核。",
        description: "增加成绩复核申请、审核与结果通知功能。",
        until: Some(ChangeStep::HeadSignature),
    },
    Sample {
        system: "成绩管理系统",
        reason: "补考成绩录入口径调整。",
        description: "补考成绩单独录入并在成绩单中注明。",
        until: Some(ChangeStep::Approval),
    },
    Sample {
        system: "教学日历系统",
        reason: "校历调整后需要支持调课批量导入。",
        description: "增加调课记录的 Excel 批量导入。",
        until: Some(ChangeStep::Execution),
    },
    Sample {
        system: "教学日历系统",
        reason: "节假日安排需与学校办公系统同步。",
        description: "增加节假日数据接口，每日自动同步。",
        until: None,
    },
];

/// Who takes each step's decision in the demo, and what they write.
fn party(step: ChangeStep) -> (&'static str, ChangeDecision, &'static str) {
    match step {
        ChangeStep::Draft => ("jwc.clerk", ChangeDecision::Submit, ""),
        ChangeStep::HeadSignature => ("jwc.head", ChangeDecision::Approve, "同意变更。"),
        ChangeStep::Review => (
            "it.head",
            ChangeDecision::Approve,
            "同意，实施前做好数据备份。",
        ),
        ChangeStep::Approval => ("vp.wang", ChangeDecision::Approve, "同意实施。"),
        ChangeStep::Execution => (
            "contractor",
            ChangeDecision::Execute,
            "已按申请完成变更并上线。",
        ),
        ChangeStep::Testing => (
            "jwc.clerk",
            ChangeDecision::Pass,
            "功能符合申请，测试通过。",
        ),
        ChangeStep::Registration => ("it.clerk", ChangeDecision::Register, "已登记，资料已归档。"),
    }
}

pub async fn seed(db: &Db, people: &[Actor]) -> Result<(), AppError> {
    for sample in SAMPLES {
        make(db, people, sample).await?;
    }
    tracing::info!(changes = SAMPLES.len(), "demo change requests created");
    Ok(())
}

async fn make(db: &Db, people: &[Actor], sample: &Sample) -> Result<(), AppError> {
    let system: Option<RecordId> = db
        .query("SELECT VALUE id FROM system WHERE name = $name LIMIT 1")
        .bind(("name", sample.system))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("finding a demo system"))?;
    let Some(system) = system else {
        tracing::error!(system = sample.system, "demo system missing");
        return Err(AppError::Internal);
    };
    let clerk = named(people, "jwc.clerk")?;
    let next_year = super::projects::now().local_year() + 1;
    let draft = ChangeDraft {
        system: key_of(&system),
        execute_at: format!("{next_year}-03-02T09:00"),
        origin: "user".into(),
        scope: "added".into(),
        other_explanation: String::new(),
        target: "software".into(),
        triggers: vec!["new_feature".into()],
        reason: sample.reason.into(),
        description: sample.description.into(),
        impact: "变更期间相关功能暂停使用约两小时。".into(),
    };
    let id = changes::submit(db, clerk, &draft).await?.id;
    let mut step = ChangeStep::HeadSignature;
    while Some(step) != sample.until {
        let (user, decision, opinion) = party(step);
        let person = named(people, user)?;
        if decision == ChangeDecision::Pass {
            let report = format!("%PDF-1.4\n% {} 用户测试报告\n", sample.system).into_bytes();
            documents::store_for_change(db, person, &id, "用户测试报告.pdf", report).await?;
        }
        let (row, _) = changes::load(db, person, &id).await?;
        let request = ChangeDecisionRequest {
            step,
            decision,
            opinion: opinion.into(),
            training: "已培训教务员 6 人。".into(),
        };
        changes::decide(db, person, &id, row.version, &request, None).await?;
        match step.next() {
            Some(next) => step = next,
            None => break,
        }
    }
    Ok(())
}

fn named<'a>(people: &'a [Actor], user_name: &str) -> Result<&'a Actor, AppError> {
    people
        .iter()
        .find(|p| p.user.user_name == user_name)
        .ok_or(AppError::NotFound)
}
