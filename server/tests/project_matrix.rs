//! Every project server function against every demo user, stage by stage
//! through a whole project (DESIGN §2 and §6). The expectations come from
//! a model of the project written here from the policy, not from the
//! server's own tables: who sees the project, who files each output and
//! who decides each stage. Among the users are a department clerk of
//! another department, a contractor of another project and an expert who
//! was not invited.

mod common;

use common::{EVERYONE, process::Walker, spawn};
use serde_json::{Value, json};

const BUDGET: u64 = 30_000;

/// Who the JWC project has taken on so far, as the test has seen it filed.
#[derive(Default)]
struct Model {
    expert_invited: bool,
    group: Vec<&'static str>,
    leader_named: bool,
    contractor_chosen: bool,
}

impl Model {
    fn sees(&self, user: &str) -> bool {
        match user {
            // Another department, its vice president, and outsiders never
            // assigned to this project.
            "xsc.clerk" | "xsc.head" | "vp.chen" | "expert2" | "contractor2" => false,
            "control" => self.group.contains(&"control"),
            "expert" => self.expert_invited,
            "contractor" => self.contractor_chosen,
            _ => true,
        }
    }

    fn group(&self) -> Vec<&'static str> {
        self.group.clone()
    }

    fn leader(&self) -> Vec<&'static str> {
        if self.leader_named {
            vec!["it.dev"]
        } else {
            vec![]
        }
    }

    fn contractor(&self) -> Vec<&'static str> {
        if self.contractor_chosen {
            vec!["contractor"]
        } else {
            vec![]
        }
    }

    /// Who decides the stage (a 30,000-yuan JWC project).
    fn deciders(&self, stage: &str) -> Vec<&'static str> {
        match stage {
            "research" | "planning" | "in_use" => vec!["jwc.clerk"],
            "initiation" => vec!["it.dev"],
            "initiation_approval" | "working_group" => vec!["it.head"],
            "feasibility" | "registry" | "handover" => vec!["it.clerk"],
            "budget_approval" => vec!["jwc.head"],
            "procurement" => vec!["procurement"],
            "plan_review" | "testing" => self.group(),
            "implementation" => [vec!["jwc.clerk"], self.group()].concat(),
            "security_testing" => vec!["it.security"],
            "acceptance" => self.leader(),
            "evaluation" => vec!["audit"],
            other => panic!("no deciders for {other}"),
        }
    }

    /// Who files the output.
    fn filers(&self, kind: &str) -> Vec<&'static str> {
        let clerk_and_group = [vec!["jwc.clerk"], self.group()].concat();
        match kind {
            "construction_plan_document" | "system_registered" => vec!["jwc.clerk"],
            "revised_application" | "initiation_draft" => vec!["it.dev"],
            "expert_opinion" => vec!["it.clerk", "expert"],
            "registry_number" | "project_group" | "budget_amount" => vec!["it.clerk"],
            "final_construction_plan" => [vec!["it.clerk"], self.group()].concat(),
            "handover_checklist_confirmed" => vec!["it.clerk"],
            "working_group" | "project_leader" => vec!["it.head"],
            "procurement_method" | "contract_amount" | "contractor" => vec!["procurement"],
            "business_solution" | "implementation_plan" => {
                [vec!["jwc.clerk"], self.contractor()].concat()
            }
            "progress_report" => self.contractor(),
            "plan_review_record" | "supervision_record" | "user_test_report"
            | "trial_run_record" => clerk_and_group,
            "security_report" => vec!["it.security"],
            "acceptance_report" => [vec!["jwc.clerk"], self.leader()].concat(),
            "evaluation_report" => vec!["audit", "it.clerk"],
            "evaluation_rating" => vec!["audit"],
            other => panic!("no filers for {other}"),
        }
    }

    /// What filing `kind` successfully changes about who is assigned.
    fn filed(&mut self, kind: &str) {
        match kind {
            "project_group" => {
                for member in ["it.dev", "control", "jwc.clerk"] {
                    if !self.group.contains(&member) {
                        self.group.push(member);
                    }
                }
            }
            "working_group" if !self.group.contains(&"it.head") => self.group.push("it.head"),
            "project_leader" => self.leader_named = true,
            "contractor" => self.contractor_chosen = true,
            _ => {}
        }
    }

    /// The status a call that needs `WorkOnProjects` gets from `user`.
    fn expected(&self, user: &str, allowed: bool, success: u16) -> u16 {
        if user == "admin" {
            403
        } else if !self.sees(user) {
            404
        } else if allowed {
            success
        } else {
            403
        }
    }
}

/// A decision at the stage that its deciders cannot take as sent, so that
/// probing changes nothing: a decision that needs a reason, without one,
/// or completing a stage whose outputs are not filed yet. Either way the
/// decider hears 422 and everyone else 403 or 404.
fn probe_decision(stage: &str) -> &'static str {
    match stage {
        "initiation_approval" | "budget_approval" => "reject",
        "feasibility" | "testing" | "security_testing" | "acceptance" => "fail",
        "plan_review" => "revise",
        _ => "complete",
    }
}

/// The outputs the stage requires of a 30,000-yuan project, each with a
/// well-formed draft.
fn outputs(stage: &str, walk: &Walker<'_>) -> Vec<(&'static str, Value)> {
    let report = |text: &str| json!({ "text": text });
    let id = |user: &str| walk.people.id(user);
    match stage {
        "research" => vec![("construction_plan_document", report("方案书"))],
        "initiation" => vec![
            ("revised_application", report("修改")),
            ("initiation_draft", report("草案")),
        ],
        "feasibility" => vec![("expert_opinion", report("可行"))],
        "registry" => vec![
            ("registry_number", json!({ "short": "XXH-2026-009" })),
            (
                "project_group",
                json!({ "people": [id("it.dev"), id("control"), id("jwc.clerk")] }),
            ),
            ("final_construction_plan", report("定稿")),
            ("budget_amount", json!({ "amount": BUDGET.to_string() })),
        ],
        "working_group" => vec![
            (
                "working_group",
                json!({ "people": [id("it.head"), id("it.dev")] }),
            ),
            ("project_leader", json!({ "people": [id("it.dev")] })),
        ],
        "procurement" => vec![
            ("procurement_method", json!({ "choice": "in_house" })),
            ("contract_amount", json!({ "amount": BUDGET.to_string() })),
            (
                "contractor",
                json!({ "short": "广州蓝海软件有限公司", "people": [id("contractor")] }),
            ),
        ],
        "planning" => vec![
            ("business_solution", report("业务方案")),
            ("implementation_plan", report("实施方案")),
        ],
        "plan_review" => vec![("plan_review_record", report("评审"))],
        "implementation" => vec![
            ("progress_report", report("进度")),
            ("supervision_record", report("监督")),
        ],
        "testing" => vec![
            ("user_test_report", report("测试")),
            ("trial_run_record", report("试运行")),
        ],
        "security_testing" => vec![("security_report", report("安全"))],
        "acceptance" => vec![(
            "acceptance_report",
            json!({ "text": "验收", "people": [id("it.dev"), id("contractor")] }),
        )],
        "handover" => vec![(
            "handover_checklist_confirmed",
            json!({ "choice": "documents" }),
        )],
        "in_use" => vec![(
            "system_registered",
            json!({ "short": "教学质量监测平台", "date": "2026-12-01" }),
        )],
        "evaluation" => vec![
            ("evaluation_report", report("评价")),
            ("evaluation_rating", json!({ "choice": "good" })),
        ],
        _ => vec![],
    }
}

const STAGES: [&str; 17] = [
    "research",
    "initiation",
    "initiation_approval",
    "feasibility",
    "registry",
    "budget_approval",
    "working_group",
    "procurement",
    "planning",
    "plan_review",
    "implementation",
    "testing",
    "security_testing",
    "acceptance",
    "handover",
    "in_use",
    "evaluation",
];

#[tokio::test]
async fn every_stage_is_seen_filed_and_decided_exactly_by_those_the_policy_names() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start(&BUDGET.to_string()).await;
    let mut model = Model::default();

    for stage in STAGES {
        assert_eq!(walk.stage(&id).await, stage);
        if stage == "feasibility" {
            probe_invitations(&mut walk, &id, &mut model).await;
        }

        for user in EVERYONE {
            let client = walk.client(user).await;
            let detail = app
                .post_json(&client, "/api/projects/detail", json!({ "id": id }))
                .await;
            let expected = if user == "admin" || model.sees(user) {
                200
            } else {
                404
            };
            assert_eq!(
                detail.status(),
                expected,
                "{user} loads the project at {stage}"
            );

            let decision = probe_decision(stage);
            let (status, error) = walk.decide(user, &id, decision, "", None).await;
            let decides = model.deciders(stage).contains(&user);
            let expected = model.expected(user, decides, 422);
            assert_eq!(status, expected, "{user} {decision}s {stage}: {error}");
        }

        for (kind, draft) in outputs(stage, &walk) {
            for user in EVERYONE {
                let files = model.filers(kind).contains(&user);
                let expected = model.expected(user, files, 200);
                let (status, error) = walk.file(user, &id, kind, draft.clone()).await;
                assert_eq!(status, expected, "{user} files {kind}: {error}");
                if status == 200 {
                    model.filed(kind);
                }
            }
        }

        if stage == "implementation" {
            probe_documents(&mut walk, &id, &model).await;
        }
        assert_eq!(walk.stage(&id).await, stage, "no probe moved the project");
        walk.advance(&id, BUDGET).await;
    }

    let detail = walk.detail("audit", &id).await;
    assert_eq!(detail["state"]["status"], "finished");
    probe_after_the_process(&mut walk, &id, &model).await;
    let trail = app::backend::audit::verify(&app.state.db)
        .await
        .expect("the trail verifies");
    assert!(trail.first_break.is_none(), "{trail:?}");
}

/// Only the IT centre clerk invites experts, and only experts are invited.
async fn probe_invitations(walk: &mut Walker<'_>, id: &str, model: &mut Model) {
    let expert = walk.people.id("expert");
    for user in EVERYONE {
        let client = walk.client(user).await;
        let body = json!({ "id": id, "experts": [expert] });
        let status = walk
            .app
            .post_json(&client, "/api/projects/invite_experts", body)
            .await
            .status()
            .as_u16();
        let expected = model.expected(user, user == "it.clerk", 200);
        assert_eq!(status, expected, "{user} invites the expert");
        model.expert_invited |= status == 200;
    }
    let clerk = walk.client("it.clerk").await;
    let staff = json!({ "id": id, "experts": [walk.people.id("it.dev")] });
    let refused = walk
        .app
        .post_json(&clerk, "/api/projects/invite_experts", staff)
        .await;
    assert_eq!(refused.status(), 422, "a member of staff is not an expert");
}

/// Uploads by those who work on the stage (or may correct an earlier
/// one); downloads by whoever sees the project, outsiders only what they
/// are shown.
async fn probe_documents(walk: &mut Walker<'_>, id: &str, model: &Model) {
    let may_upload = [
        "jwc.clerk",
        "it.dev",
        "it.head",
        "it.clerk",
        "procurement",
        "control",
        "expert",
        "contractor",
    ];
    for user in EVERYONE {
        let (status, answer) = walk.upload(user, id, "说明.pdf", b"%PDF-1.4\n").await;
        let expected = if user == "admin" {
            // The administrator sees every project but works on none.
            403
        } else {
            model.expected(user, may_upload.contains(&user), 201)
        };
        assert_eq!(status, expected, "{user} uploads: {answer}");
    }

    let document = walk.must_upload("jwc.clerk", id).await;
    for user in EVERYONE {
        let client = walk.client(user).await;
        let status = client
            .get(walk.app.url(&format!("/documents/{document}")))
            .send()
            .await
            .expect("an answer")
            .status()
            .as_u16();
        // The clerk's note is attached to no entry an outsider is shown.
        let outsider = matches!(user, "expert" | "expert2" | "contractor" | "contractor2");
        let expected = if !outsider && (user == "admin" || model.sees(user)) {
            200
        } else {
            404
        };
        assert_eq!(status, expected, "{user} downloads the clerk's document");
    }
}

/// Corrections, the ledger, pickers and lists on the finished project.
async fn probe_after_the_process(walk: &mut Walker<'_>, id: &str, model: &Model) {
    for user in EVERYONE {
        let detail = walk.detail("audit", id).await;
        let entry = detail["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .find(|e| e["kind"] == "construction_plan_document" && e["current"] == true)
            .expect("the plan document")["id"]
            .clone();
        let client = walk.client(user).await;
        let body =
            json!({ "id": id, "entry": entry, "draft": { "text": "更正" }, "reason": "错字" });
        let status = walk
            .app
            .post_json(&client, "/api/projects/correct", body)
            .await
            .status()
            .as_u16();
        let expected = model.expected(user, user == "jwc.clerk", 200);
        assert_eq!(status, expected, "{user} corrects the plan document");
    }

    let today = app::backend::projects::today().expect("today").to_string();
    for user in EVERYONE {
        let client = walk.client(user).await;
        let payment = json!({ "id": id, "draft": {
            "kind": "advance", "amount": "100", "paid_on": today, "voucher": "" } });
        let status = walk
            .app
            .post_json(&client, "/api/projects/payment", payment)
            .await
            .status()
            .as_u16();
        let expected = model.expected(user, user == "finance", 200);
        assert_eq!(status, expected, "{user} records a payment");

        let asset = json!({ "id": id, "draft": {
            "asset_number": format!("ZC-{user}"), "value": "100", "registered_on": today } });
        let status = walk
            .app
            .post_json(&client, "/api/projects/asset", asset)
            .await
            .status()
            .as_u16();
        let expected = model.expected(user, user == "procurement", 200);
        assert_eq!(status, expected, "{user} registers the asset");

        let candidates = walk
            .app
            .post_json(
                &client,
                "/api/projects/candidates",
                json!({ "pool": "staff" }),
            )
            .await
            .status();
        let outsider = matches!(user, "expert" | "expert2" | "contractor" | "contractor2");
        let expected = if outsider { 403 } else { 200 };
        assert_eq!(candidates, expected, "{user} lists people for a picker");

        let list: Value = walk
            .app
            .post_json(&client, "/api/projects/list", json!({}))
            .await
            .json()
            .await
            .expect("a list");
        let listed = list
            .as_array()
            .expect("a list")
            .iter()
            .any(|p| p["id"] == *id);
        let sees = user == "admin" || model.sees(user);
        assert_eq!(listed, sees, "{user} finds the project in the list");
    }

    for user in EVERYONE {
        let client = walk.client(user).await;
        let status = walk
            .app
            .post_json(
                &client,
                "/api/projects/start",
                json!({ "draft": application() }),
            )
            .await
            .status();
        let clerk = matches!(user, "jwc.clerk" | "xsc.clerk");
        assert_eq!(
            status,
            if clerk { 200 } else { 403 },
            "{user} starts a project"
        );
    }
}

fn application() -> Value {
    json!({
        "name": "课堂考勤系统",
        "category": "2-05",
        "connects_to_network": true,
        "serves_beyond_unit": false,
        "budget": "20000",
        "basis_higher_requirements": false,
        "basis_development_plan": true,
        "basis_business_need": false,
        "basis_explanation": "落实学校信息化规划。",
        "objectives": "考勤数据线上采集。",
        "scope_and_users": "全校教师。",
        "expected_go_live": "2099-09-01",
        "contact_name": "李明",
        "contact_phone": "020-12345678"
    })
}

#[tokio::test]
async fn decisions_stay_inside_the_college_when_delegated() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let today = app::backend::projects::today().expect("today").to_string();

    for outsider in ["contractor", "expert"] {
        let head = walk.client("jwc.head").await;
        let body = json!({ "draft": {
            "delegate": walk.people.id(outsider), "starts": today, "ends": today } });
        let response = app.post_json(&head, "/api/delegations/create", body).await;
        assert_eq!(response.status(), 422, "a delegation to the {outsider}");
    }
    let contractor = walk.client("contractor").await;
    let body = json!({ "draft": {
        "delegate": walk.people.id("jwc.clerk"), "starts": today, "ends": today } });
    let response = app
        .post_json(&contractor, "/api/delegations/create", body)
        .await;
    assert_eq!(response.status(), 403, "an outsider delegates nothing");
}

#[tokio::test]
async fn a_delegate_finds_the_principals_work_in_their_inbox_and_may_open_it() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start(&BUDGET.to_string()).await;
    walk.walk_to(&id, BUDGET, "budget_approval").await;
    let today = app::backend::projects::today().expect("today").to_string();

    // The XSC head cannot see a JWC project of their own accord.
    let (status, _) = walk.decide("xsc.head", &id, "approve", "同意", None).await;
    assert_eq!(status, 404);
    let head = walk.client("jwc.head").await;
    let body = json!({ "draft": {
        "delegate": walk.people.id("xsc.head"), "starts": today, "ends": today } });
    let response = app.post_json(&head, "/api/delegations/create", body).await;
    assert_eq!(response.status(), 200);

    let delegate = walk.client("xsc.head").await;
    let inbox: Value = app
        .post_json(&delegate, "/api/projects/inbox", json!({}))
        .await
        .json()
        .await
        .expect("an inbox");
    let item = inbox
        .as_array()
        .expect("a list")
        .iter()
        .find(|item| item["project"]["id"] == *id)
        .expect("the delegated approval is in the inbox")
        .clone();
    assert_eq!(item["on_behalf_of"]["id"], walk.people.id("jwc.head"));
    assert_eq!(item["decisions"], json!(["approve", "reject", "return"]));

    let detail = walk.detail("audit", &id).await;
    let (status, error) = walk
        .decide_on(
            "xsc.head",
            &id,
            detail["version"].clone(),
            detail["state"]["stage"].clone(),
            "approve",
            "同意",
            None,
            Some(&walk.people.id("jwc.head")),
        )
        .await;
    assert_eq!(status, 200, "the delegate approves: {error}");
    assert_eq!(walk.stage(&id).await, "working_group");
}

#[tokio::test]
async fn finance_and_procurement_find_what_they_must_record_in_their_inbox() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start(&BUDGET.to_string()).await;
    walk.walk_to(&id, BUDGET, "handover").await;

    let waiting = |user: &'static str| {
        let app = &app;
        let id = id.clone();
        async move {
            let client = common::new_client();
            let signed_in = app.sign_in(&client, user, common::DEMO_PASSWORD).await;
            assert_eq!(signed_in.status(), 200);
            let inbox: Value = app
                .post_json(&client, "/api/projects/inbox", json!({}))
                .await
                .json()
                .await
                .expect("an inbox");
            inbox
                .as_array()
                .expect("a list")
                .iter()
                .find(|item| item["project"]["id"] == *id)
                .map(|item| item["ledger"].clone())
        }
    };

    assert_eq!(
        waiting("finance").await,
        Some(json!([{ "payment": "advance" }, { "payment": "on_acceptance" }]))
    );
    assert_eq!(
        waiting("procurement").await,
        Some(json!(["asset_registration"]))
    );
    assert_eq!(
        waiting("jwc.clerk").await,
        None,
        "the clerk has nothing to do at handover"
    );
}

#[tokio::test]
async fn a_return_takes_away_the_places_the_reopened_stages_gave() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start(&BUDGET.to_string()).await;
    walk.walk_to(&id, BUDGET, "procurement").await;

    // A contract dearer than the approval goes back to budget approval,
    // where the vice president sends the project back to registry.
    walk.must_file(
        "procurement",
        &id,
        "procurement_method",
        json!({ "choice": "inquiry" }),
    )
    .await;
    walk.must_file(
        "procurement",
        &id,
        "contract_amount",
        json!({ "amount": "12万" }),
    )
    .await;
    let contractor =
        json!({ "short": "广州蓝海软件有限公司", "people": [walk.people.id("contractor")] });
    walk.must_file("procurement", &id, "contractor", contractor)
        .await;
    walk.must_decide("procurement", &id, "complete", "").await;
    assert_eq!(
        walk.detail("contractor", &id).await["state"]["stage"],
        "budget_approval"
    );
    let (status, error) = walk
        .decide("vp.wang", &id, "return", "请重新编制方案", Some("registry"))
        .await;
    assert_eq!(status, 200, "{error}");

    let reopened = walk.detail("audit", &id).await;
    assert_eq!(reopened["state"]["stage"], "registry");
    assert_eq!(reopened["registry_number"], Value::Null);
    assert_eq!(reopened["contractor_org"], Value::Null);
    assert_eq!(reopened["leader"], Value::Null);
    assert_eq!(reopened["group"], json!([]));
    for user in ["contractor", "control"] {
        let client = walk.client(user).await;
        let hidden = app
            .post_json(&client, "/api/projects/detail", json!({ "id": id }))
            .await;
        assert_eq!(
            hidden.status(),
            404,
            "the {user} lost their place with the return"
        );
    }
}

#[tokio::test]
async fn outsiders_see_neither_budget_decisions_nor_who_else_reviewed() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("120000").await;
    walk.walk_to(&id, 120_000, "implementation").await;
    let internal = walk.must_upload("it.clerk", &id).await;

    let contractor = walk.detail("contractor", &id).await;
    assert_eq!(contractor["state"]["budget"], Value::Null);
    assert_eq!(contractor["state"]["approved_tier"], Value::Null);
    let outputs = contractor["state"]["outputs"].to_string();
    for hidden in [
        "registry_number",
        "budget_amount",
        "expert_opinion",
        "approval_decision",
    ] {
        assert!(!outputs.contains(hidden), "{hidden} in {outputs}");
    }
    let people = contractor["people"].to_string();
    assert!(
        !people.contains("冯教授"),
        "the expert is named to the contractor: {people}"
    );
    let documents = contractor["documents"].to_string();
    assert!(
        !documents.contains(&internal),
        "an internal upload is listed: {documents}"
    );
    let timeline = contractor["timeline"].to_string();
    assert!(
        !timeline.contains("minutes.pdf"),
        "an internal upload is in the timeline"
    );

    let audit = walk.detail("audit", &id).await;
    assert!(audit["documents"].to_string().contains(&internal));
}
