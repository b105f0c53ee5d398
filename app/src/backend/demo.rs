//! A demo college for trying ISFlow out: the departments the policy names,
//! each with its supervising vice president, and one user for every role.
//! Created only in demo mode and only into an empty database.

use super::{audit::By, db::Db, departments, errors::internal, users};

/// The demo college is recorded in the audit trail as the system's work.
const SEEDING: By = By::System("demo college");
use crate::api::{AppError, DepartmentForm, NewUser};
use crate::domain::Role;

/// The password of every demo account; demo mode only.
pub const DEMO_PASSWORD: &str = "isflow-demo";

struct DemoDepartment {
    code: &'static str,
    name: &'static str,
    kind: &'static str,
    /// Which of the two demo vice presidents supervises it.
    supervisor: &'static str,
}

const DEPARTMENTS: &[DemoDepartment] = &[
    DemoDepartment {
        code: "JWC",
        name: "教务处",
        kind: "business",
        supervisor: "vp.wang",
    },
    DemoDepartment {
        code: "XSC",
        name: "学生工作处",
        kind: "business",
        supervisor: "vp.chen",
    },
    DemoDepartment {
        code: "XXZX",
        name: "信息中心",
        kind: "it_centre",
        supervisor: "vp.wang",
    },
    DemoDepartment {
        code: "CWB",
        name: "财务部",
        kind: "finance",
        supervisor: "vp.chen",
    },
    DemoDepartment {
        code: "ZBCG",
        name: "招标采购及资产管理中心",
        kind: "procurement",
        supervisor: "vp.chen",
    },
    DemoDepartment {
        code: "JJS",
        name: "纪检室（审计工作部）",
        kind: "audit",
        supervisor: "vp.wang",
    },
    DemoDepartment {
        code: "DZB",
        name: "党政办公室",
        kind: "leadership",
        supervisor: "vp.wang",
    },
];

/// (user name, display name, department code, roles)
pub const USERS: &[(&str, &str, &str, &[Role])] = &[
    ("admin", "系统管理员", "XXZX", &[Role::Admin]),
    ("jwc.clerk", "李明（教务处经办）", "JWC", &[Role::DeptClerk]),
    ("jwc.head", "张华（教务处处长）", "JWC", &[Role::DeptHead]),
    (
        "xsc.clerk",
        "黄丽（学生工作处经办）",
        "XSC",
        &[Role::DeptClerk],
    ),
    (
        "xsc.head",
        "刘强（学生工作处处长）",
        "XSC",
        &[Role::DeptHead],
    ),
    ("it.dev", "周杰（软件开发员）", "XXZX", &[Role::ItDeveloper]),
    ("it.head", "吴敏（信息中心主任）", "XXZX", &[Role::ItHead]),
    ("it.clerk", "郑芳（信息中心经办）", "XXZX", &[Role::ItClerk]),
    (
        "it.security",
        "孙伟（网络安全运维员）",
        "XXZX",
        &[Role::ItSecurity],
    ),
    (
        "procurement",
        "何静（招标采购经办）",
        "ZBCG",
        &[Role::Procurement],
    ),
    ("finance", "林涛（财务部经办）", "CWB", &[Role::Finance]),
    ("audit", "高洁（审计经办）", "JJS", &[Role::Audit]),
    (
        "control",
        "罗兰（内控管理岗）",
        "JJS",
        &[Role::InternalControl],
    ),
    (
        "vp.wang",
        "王建国（分管副校长）",
        "DZB",
        &[Role::VicePresident],
    ),
    (
        "vp.chen",
        "陈卫东（分管副校长）",
        "DZB",
        &[Role::VicePresident],
    ),
    ("president", "赵德明（校长）", "DZB", &[Role::President]),
    (
        "secretary",
        "钱秀英（会议秘书）",
        "DZB",
        &[Role::MeetingSecretary],
    ),
    ("expert", "冯教授（论证专家）", "", &[Role::Expert]),
    ("expert2", "沈教授（论证专家）", "", &[Role::Expert]),
    (
        "contractor",
        "蓝海软件（承建单位）",
        "",
        &[Role::Contractor],
    ),
    (
        "contractor2",
        "星辰科技（承建单位）",
        "",
        &[Role::Contractor],
    ),
];

/// Creates the demo college unless the database already has users.
/// Returns whether it did.
pub async fn seed_if_empty(db: &Db) -> Result<bool, AppError> {
    let existing: Option<i64> = db
        .query("RETURN array::len(SELECT VALUE id FROM user LIMIT 1)")
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("checking for existing users"))?;
    if existing.unwrap_or(0) > 0 {
        return Ok(false);
    }

    let mut department_ids = Vec::new();
    for department in DEPARTMENTS {
        let form = DepartmentForm {
            id: String::new(),
            code: department.code.into(),
            name: department.name.into(),
            kind: department.kind.into(),
            supervisor: String::new(),
        };
        let valid = form.validate()?;
        department_ids.push((
            department.code,
            departments::save(db, SEEDING, None, &valid).await?,
        ));
    }

    let mut user_ids = Vec::new();
    for (user_name, display_name, department, roles) in USERS {
        let department_id = department_ids
            .iter()
            .find(|(code, _)| code == department)
            .map(|(_, id)| id.clone())
            .unwrap_or_default();
        let form = NewUser {
            user_name: (*user_name).into(),
            display_name: (*display_name).into(),
            department: department_id,
            roles: roles.iter().map(|r| r.id().to_owned()).collect(),
            password: DEMO_PASSWORD.into(),
        };
        let valid = form.validate()?;
        user_ids.push((
            *user_name,
            users::create(db, SEEDING, &valid, DEMO_PASSWORD.into()).await?,
        ));
    }

    for (department, (_, id)) in DEPARTMENTS.iter().zip(&department_ids) {
        let supervisor = user_ids
            .iter()
            .find(|(name, _)| *name == department.supervisor);
        let form = DepartmentForm {
            id: id.clone(),
            code: department.code.into(),
            name: department.name.into(),
            kind: department.kind.into(),
            supervisor: supervisor.map(|(_, id)| id.clone()).unwrap_or_default(),
        };
        departments::save(db, SEEDING, Some(id), &form.validate()?).await?;
    }
    tracing::info!(
        users = USERS.len(),
        departments = DEPARTMENTS.len(),
        "demo college created"
    );
    Ok(true)
}
