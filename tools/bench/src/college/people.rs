//! The people of a synthetic college: the college-wide offices, business
//! departments each with a head and clerks, the vice presidents who
//! supervise them, invited experts, and the accounts of contractor firms.
//! Names follow a pattern, so the load client can sign in as anyone.

use app::backend::audit::By;
use app::domain::Role;
use rand::{Rng, rngs::StdRng};
use std::collections::HashMap;

/// Every synthetic account signs in with this password.
pub const PASSWORD: &str = "isflow-bench";

pub struct Department {
    pub key: String,
    pub code: String,
    pub name: String,
    pub kind: &'static str,
    /// Index into `College::people` of the supervising vice president.
    pub supervisor: Option<usize>,
}

pub struct Person {
    pub key: String,
    pub user_name: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    /// Index into `College::departments`.
    pub department: Option<usize>,
}

impl Person {
    /// The person as the audit trail records them.
    pub fn by(&self) -> By {
        let roles: Vec<&str> = self.roles.iter().map(|r| r.id()).collect();
        By::User {
            id: self.key.clone(),
            name: self.display_name.clone(),
            roles: roles.join(","),
        }
    }
}

/// A contractor organisation and its user accounts.
pub struct Firm {
    pub name: String,
    pub accounts: Vec<usize>,
}

pub struct College {
    pub departments: Vec<Department>,
    pub people: Vec<Person>,
    /// The departments that apply for projects.
    pub business: Vec<usize>,
    /// Clerks and heads of each department, by department index.
    pub clerks: HashMap<usize, Vec<usize>>,
    pub heads: HashMap<usize, Vec<usize>>,
    /// Holders of each college-wide role.
    pub by_role: HashMap<Role, Vec<usize>>,
    pub firms: Vec<Firm>,
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
];
const UNITS: &[&str] = &[
    "教务处",
    "学生工作处",
    "科研处",
    "人事处",
    "后勤管理处",
    "图书馆",
    "招生就业处",
    "继续教育学院",
    "国际交流处",
    "资产管理处",
    "团委",
    "工会",
];

/// The college offices every size has, with how many holders each role
/// gets per thousand users (at least one).
const OFFICES: &[(Role, &str, &str, usize)] = &[
    (Role::ItHead, "it.head", "XXZX", 0),
    (Role::ItDeveloper, "it.dev", "XXZX", 5),
    (Role::ItClerk, "it.clerk", "XXZX", 5),
    (Role::ItSecurity, "it.security", "XXZX", 3),
    (Role::Procurement, "procurement", "ZBCG", 4),
    (Role::Finance, "finance", "CWB", 4),
    (Role::Audit, "audit", "JJS", 3),
    (Role::InternalControl, "control", "JJS", 5),
    (Role::President, "president", "DZB", 0),
    (Role::MeetingSecretary, "secretary", "DZB", 1),
    (Role::Admin, "admin", "XXZX", 0),
];

const COLLEGE_UNITS: &[(&str, &str, &str)] = &[
    ("XXZX", "信息中心", "it_centre"),
    ("CWB", "财务部", "finance"),
    ("ZBCG", "招标采购及资产管理中心", "procurement"),
    ("JJS", "纪检室（审计工作部）", "audit"),
    ("DZB", "党政办公室", "leadership"),
];

impl College {
    /// About `users` people: one business department per forty of them.
    pub fn new(users: usize, rng: &mut StdRng) -> College {
        let mut college = College {
            departments: Vec::new(),
            people: Vec::new(),
            business: Vec::new(),
            clerks: HashMap::new(),
            heads: HashMap::new(),
            by_role: HashMap::new(),
            firms: Vec::new(),
        };
        let per_thousand = users.div_ceil(1000);

        for (code, name, kind) in COLLEGE_UNITS {
            college.add_department(code, (*name).to_owned(), kind);
        }
        let vice_presidents = (users / 400).max(2);
        for n in 1..=vice_presidents {
            let unit = college.unit("DZB");
            let person = college.add_person(
                format!("vp{n:02}"),
                Role::VicePresident,
                Some(unit),
                "分管副校长",
                rng,
            );
            college
                .by_role
                .entry(Role::VicePresident)
                .or_default()
                .push(person);
        }
        for (role, prefix, unit, share) in OFFICES {
            let count = if *share == 0 { 1 } else { share * per_thousand };
            let unit = college.unit(unit);
            for n in 1..=count {
                let user_name = if count == 1 {
                    (*prefix).to_owned()
                } else {
                    format!("{prefix}{n:02}")
                };
                let person = college.add_person(user_name, *role, Some(unit), "", rng);
                college.by_role.entry(*role).or_default().push(person);
            }
        }

        let experts = (users / 20).max(2);
        for n in 1..=experts {
            let person =
                college.add_person(format!("expert{n:03}"), Role::Expert, None, "教授", rng);
            college
                .by_role
                .entry(Role::Expert)
                .or_default()
                .push(person);
        }
        let contractors = (users / 10).max(4);
        for firm in 0..contractors.div_ceil(4) {
            let name = format!("广州第{}软件科技有限公司", firm + 1);
            let mut accounts = Vec::new();
            for n in 1..=4 {
                let user_name = format!("firm{:03}.{n}", firm + 1);
                let person = college.add_person(user_name, Role::Contractor, None, "工程师", rng);
                accounts.push(person);
                college
                    .by_role
                    .entry(Role::Contractor)
                    .or_default()
                    .push(person);
            }
            college.firms.push(Firm { name, accounts });
        }

        let departments = (users / 40).max(2);
        let taken = college.people.len();
        let clerks_each = (users.saturating_sub(taken + departments) / departments).max(1);
        for d in 1..=departments {
            let unit = UNITS[(d - 1) % UNITS.len()];
            let name = format!("{unit}（{d:03}）");
            let index = college.add_department(&format!("D{d:03}"), name, "business");
            let vp = college.by_role[&Role::VicePresident][d % vice_presidents];
            college.departments[index].supervisor = Some(vp);
            college.business.push(index);
            let head = college.add_person(
                format!("d{d:03}.head"),
                Role::DeptHead,
                Some(index),
                "处长",
                rng,
            );
            college.heads.entry(index).or_default().push(head);
            for n in 1..=clerks_each {
                let user_name = format!("d{d:03}.clerk{n:02}");
                let clerk = college.add_person(user_name, Role::DeptClerk, Some(index), "", rng);
                college.clerks.entry(index).or_default().push(clerk);
            }
        }
        college
    }

    fn unit(&self, code: &str) -> usize {
        self.departments
            .iter()
            .position(|d| d.code == code)
            .unwrap_or_default()
    }

    fn add_department(&mut self, code: &str, name: String, kind: &'static str) -> usize {
        self.departments.push(Department {
            // Derived from the code, so that the load, which rebuilds the
            // college from the same seed, names the same records.
            key: format!("dept-{}", code.to_lowercase()),
            code: code.to_owned(),
            name,
            kind,
            supervisor: None,
        });
        self.departments.len() - 1
    }

    fn add_person(
        &mut self,
        user_name: String,
        role: Role,
        department: Option<usize>,
        title: &str,
        rng: &mut StdRng,
    ) -> usize {
        let surname = SURNAMES[rng.random_range(0..SURNAMES.len())];
        let given = GIVEN[rng.random_range(0..GIVEN.len())];
        let display_name = format!("{surname}{given}{title}（{user_name}）");
        self.people.push(Person {
            key: app::backend::ids::new_key(),
            user_name,
            display_name,
            roles: vec![role],
            department,
        });
        self.people.len() - 1
    }

    /// Anyone holding a college-wide role, chosen at random.
    pub fn any(&self, role: Role, rng: &mut StdRng) -> usize {
        let holders = &self.by_role[&role];
        holders[rng.random_range(0..holders.len())]
    }

    pub fn clerk_of(&self, department: usize, rng: &mut StdRng) -> usize {
        let clerks = &self.clerks[&department];
        clerks[rng.random_range(0..clerks.len())]
    }

    pub fn head_of(&self, department: usize) -> usize {
        self.heads[&department][0]
    }

    pub fn supervisor_of(&self, department: usize) -> usize {
        self.departments[department]
            .supervisor
            .unwrap_or_else(|| self.by_role[&Role::VicePresident][0])
    }
}
