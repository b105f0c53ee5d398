//! Walking a project through the process over HTTP, signing in as whoever
//! the policy names for each stage. The table here is written from the
//! policy independently of the server's, so a walk checks the routing.

use super::{TestApp, error_of};
use reqwest::Client;
use serde_json::{Value, json};
use std::collections::HashMap;

/// Demo user names and their ids.
pub struct People {
    ids: HashMap<String, String>,
}

impl People {
    pub async fn load(app: &TestApp) -> People {
        let admin = app.client_for("admin").await;
        let users: Value = app
            .post_json(&admin, "/api/admin/users/list", json!({}))
            .await
            .json()
            .await
            .expect("the user list");
        let ids = users
            .as_array()
            .expect("a list")
            .iter()
            .map(|u| {
                (
                    u["user_name"].as_str().expect("a name").to_owned(),
                    u["id"].as_str().expect("an id").to_owned(),
                )
            })
            .collect();
        People { ids }
    }

    pub fn id(&self, user_name: &str) -> String {
        self.ids
            .get(user_name)
            .cloned()
            .unwrap_or_else(|| panic!("no demo user {user_name}"))
    }
}

/// A signed-in client per demo user, made on first use.
pub struct Walker<'a> {
    pub app: &'a TestApp,
    pub people: People,
    clients: HashMap<String, Client>,
}

impl<'a> Walker<'a> {
    pub async fn new(app: &'a TestApp) -> Walker<'a> {
        Walker {
            app,
            people: People::load(app).await,
            clients: HashMap::new(),
        }
    }

    pub async fn client(&mut self, user: &str) -> Client {
        if !self.clients.contains_key(user) {
            let client = self.app.client_for(user).await;
            self.clients.insert(user.to_owned(), client);
        }
        self.clients[user].clone()
    }

    /// Starts a project as the JWC clerk with this budget; returns its id.
    pub async fn start(&mut self, budget: &str) -> String {
        let clerk = self.client("jwc.clerk").await;
        let body = json!({ "draft": {
            "name": "教学质量监测平台",
            "category": "2-05",
            "connects_to_network": true,
            "serves_beyond_unit": true,
            "budget": budget,
            "basis_higher_requirements": false,
            "basis_development_plan": true,
            "basis_business_need": false,
            "basis_explanation": "落实学校信息化规划。",
            "objectives": "教学质量数据统一监测。",
            "scope_and_users": "全校教师。",
            "expected_go_live": "2099-09-01",
            "contact_name": "李明",
            "contact_phone": "020-12345678"
        } });
        let response = self
            .app
            .post_json(&clerk, "/api/projects/start", body)
            .await;
        assert_eq!(response.status(), 200, "the clerk starts a project");
        response.json::<String>().await.expect("an id")
    }

    pub async fn detail(&mut self, user: &str, id: &str) -> Value {
        let client = self.client(user).await;
        let response = self
            .app
            .post_json(&client, "/api/projects/detail", json!({ "id": id }))
            .await;
        assert_eq!(response.status(), 200, "{user} loads the project");
        response.json().await.expect("the detail")
    }

    pub async fn stage(&mut self, id: &str) -> String {
        let detail = self.detail("audit", id).await;
        detail["state"]["stage"]
            .as_str()
            .expect("a stage")
            .to_owned()
    }

    /// Files an output; returns the HTTP status and, on failure, the error.
    pub async fn file(&mut self, user: &str, id: &str, kind: &str, draft: Value) -> (u16, Value) {
        let client = self.client(user).await;
        let body = json!({ "id": id, "kind": kind, "draft": draft });
        let response = self
            .app
            .post_json(&client, "/api/projects/file", body)
            .await;
        let status = response.status().as_u16();
        if status == 200 {
            (status, Value::Null)
        } else {
            (status, error_of(response).await)
        }
    }

    pub async fn must_file(&mut self, user: &str, id: &str, kind: &str, draft: Value) {
        let (status, error) = self.file(user, id, kind, draft).await;
        assert_eq!(status, 200, "{user} files {kind}: {error}");
    }

    /// Uploads a document to the project; returns the HTTP status and the
    /// answer (the document, or the error).
    pub async fn upload(&mut self, user: &str, id: &str, name: &str, bytes: &[u8]) -> (u16, Value) {
        let client = self.client(user).await;
        let response = client
            .post(self.app.url(&format!("/projects/{id}/documents")))
            .header(reqwest::header::ORIGIN, &self.app.base)
            .header("x-file-name", name)
            .body(bytes.to_vec())
            .send()
            .await
            .expect("the upload is answered");
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// Uploads a small PDF as `user`; returns the document's id.
    pub async fn must_upload(&mut self, user: &str, id: &str) -> String {
        let (status, document) = self
            .upload(user, id, "minutes.pdf", b"%PDF-1.4\nminutes\n")
            .await;
        assert_eq!(status, 201, "{user} uploads a document: {document}");
        document["id"].as_str().expect("a document id").to_owned()
    }

    /// Takes a decision on the version the user sees now.
    pub async fn decide(
        &mut self,
        user: &str,
        id: &str,
        decision: &str,
        reason: &str,
        return_to: Option<&str>,
    ) -> (u16, Value) {
        // Read as the audit office, which sees every project, so that a
        // user who may not see it still sends a well-formed request.
        let detail = self.detail("audit", id).await;
        let version = detail["version"].clone();
        let stage = detail["state"]["stage"].clone();
        self.decide_on(user, id, version, stage, decision, reason, return_to, None)
            .await
    }

    #[allow(clippy::too_many_arguments)] // mirrors the request's fields
    pub async fn decide_on(
        &mut self,
        user: &str,
        id: &str,
        version: Value,
        stage: Value,
        decision: &str,
        reason: &str,
        return_to: Option<&str>,
        on_behalf_of: Option<&str>,
    ) -> (u16, Value) {
        let client = self.client(user).await;
        let body = json!({
            "id": id,
            "version": version,
            "request": { "stage": stage, "decision": decision, "return_to": return_to, "reason": reason },
            "on_behalf_of": on_behalf_of,
        });
        let response = self
            .app
            .post_json(&client, "/api/projects/decide", body)
            .await;
        let status = response.status().as_u16();
        if status == 200 {
            (status, Value::Null)
        } else {
            (status, error_of(response).await)
        }
    }

    pub async fn must_decide(&mut self, user: &str, id: &str, decision: &str, reason: &str) {
        let (status, error) = self.decide(user, id, decision, reason, None).await;
        assert_eq!(status, 200, "{user} decides {decision}: {error}");
    }

    /// The budget's approver for a demo JWC project of this amount in yuan.
    pub fn approver(budget_yuan: u64) -> &'static str {
        match budget_yuan {
            0..50_000 => "jwc.head",
            50_000..200_000 => "vp.wang",
            200_000..500_000 => "president",
            _ => "secretary",
        }
    }

    /// Does the work of the project's current stage and moves it forward,
    /// as the people the policy names.
    pub async fn advance(&mut self, id: &str, budget_yuan: u64) {
        let stage = self.stage(id).await;
        let report = |text: &str| json!({ "text": text });
        match stage.as_str() {
            "research" => {
                self.must_file(
                    "jwc.clerk",
                    id,
                    "construction_plan_document",
                    report("建设方案书"),
                )
                .await;
                self.must_decide("jwc.clerk", id, "complete", "").await;
            }
            "initiation" => {
                self.must_file("it.dev", id, "revised_application", report("已修改申报表"))
                    .await;
                self.must_file("it.dev", id, "initiation_draft", report("立项草案"))
                    .await;
                self.must_decide("it.dev", id, "complete", "").await;
            }
            "initiation_approval" => self.must_decide("it.head", id, "approve", "同意立项").await,
            "feasibility" => {
                let expert = self.people.id("expert");
                let clerk = self.client("it.clerk").await;
                let body = json!({ "id": id, "experts": [expert] });
                let invited = self
                    .app
                    .post_json(&clerk, "/api/projects/invite_experts", body)
                    .await;
                assert_eq!(invited.status(), 200, "the IT clerk invites the expert");
                self.must_file("expert", id, "expert_opinion", report("技术路线可行"))
                    .await;
                self.must_decide("it.clerk", id, "pass", "论证通过").await;
            }
            "registry" => {
                let group = json!({ "people": [
                    self.people.id("it.dev"), self.people.id("control"), self.people.id("jwc.clerk")
                ] });
                self.must_file(
                    "it.clerk",
                    id,
                    "registry_number",
                    json!({ "short": "XXH-2026-001" }),
                )
                .await;
                self.must_file("it.clerk", id, "project_group", group).await;
                self.must_file(
                    "it.clerk",
                    id,
                    "final_construction_plan",
                    report("定稿方案"),
                )
                .await;
                let amount = json!({ "amount": budget_yuan.to_string() });
                self.must_file("it.clerk", id, "budget_amount", amount)
                    .await;
                self.must_decide("it.clerk", id, "complete", "").await;
            }
            "budget_approval" => {
                let approver = Self::approver(budget_yuan);
                if approver == "secretary" {
                    let minutes = self.must_upload("secretary", id).await;
                    let meeting = json!({
                        "short": "2026年第12次校长办公会", "date": "2026-11-20",
                        "choice": "3", "text": "会议同意立项建设。", "document": minutes
                    });
                    self.must_file("secretary", id, "meeting_record", meeting)
                        .await;
                }
                self.must_decide(approver, id, "approve", "同意").await;
            }
            "working_group" => {
                let group =
                    json!({ "people": [self.people.id("it.head"), self.people.id("it.dev")] });
                self.must_file("it.head", id, "working_group", group).await;
                let leader = json!({ "people": [self.people.id("it.dev")] });
                self.must_file("it.head", id, "project_leader", leader)
                    .await;
                self.must_decide("it.head", id, "complete", "").await;
            }
            "procurement" => {
                self.must_file(
                    "procurement",
                    id,
                    "procurement_method",
                    json!({ "choice": "in_house" }),
                )
                .await;
                let amount = json!({ "amount": budget_yuan.to_string() });
                self.must_file("procurement", id, "contract_amount", amount)
                    .await;
                let contractor = json!({ "short": "广州蓝海软件有限公司", "people": [self.people.id("contractor")] });
                self.must_file("procurement", id, "contractor", contractor)
                    .await;
                self.must_decide("procurement", id, "complete", "").await;
            }
            "planning" => {
                self.must_file(
                    "contractor",
                    id,
                    "business_solution",
                    report("业务解决方案"),
                )
                .await;
                self.must_file("contractor", id, "implementation_plan", report("实施方案"))
                    .await;
                self.must_decide("jwc.clerk", id, "complete", "").await;
            }
            "plan_review" => {
                self.must_file("it.dev", id, "plan_review_record", report("评审通过"))
                    .await;
                self.must_decide("it.dev", id, "pass", "方案可行").await;
            }
            "implementation" => {
                self.must_file("contractor", id, "progress_report", report("开发完成"))
                    .await;
                self.must_file("jwc.clerk", id, "supervision_record", report("按计划推进"))
                    .await;
                self.must_decide("jwc.clerk", id, "complete", "").await;
            }
            "testing" => {
                self.must_file("jwc.clerk", id, "user_test_report", report("测试通过"))
                    .await;
                self.must_file("jwc.clerk", id, "trial_run_record", report("试运行一个月"))
                    .await;
                self.must_decide("it.dev", id, "complete", "").await;
            }
            "security_testing" => {
                self.must_file(
                    "it.security",
                    id,
                    "security_report",
                    report("未发现高危漏洞"),
                )
                .await;
                self.must_decide("it.security", id, "pass", "安全检测通过")
                    .await;
            }
            "acceptance" => {
                let people = [
                    self.people.id("it.dev"),
                    self.people.id("jwc.clerk"),
                    self.people.id("contractor"),
                ];
                let acceptance = json!({ "text": "同意验收", "people": people });
                self.must_file("it.dev", id, "acceptance_report", acceptance)
                    .await;
                self.must_decide("it.dev", id, "pass", "验收通过").await;
            }
            "handover" => {
                for item in ["documents", "source_code", "user_manual"] {
                    let confirm = json!({ "choice": item });
                    self.must_file("it.clerk", id, "handover_checklist_confirmed", confirm)
                        .await;
                }
                self.must_decide("it.clerk", id, "complete", "").await;
            }
            "in_use" => {
                let entry = json!({ "short": "教学质量监测平台", "date": "2026-12-01" });
                self.must_file("jwc.clerk", id, "system_registered", entry)
                    .await;
                self.must_decide("jwc.clerk", id, "complete", "").await;
            }
            "evaluation" => {
                self.must_file("audit", id, "evaluation_report", report("达到建设目标"))
                    .await;
                self.must_file(
                    "audit",
                    id,
                    "evaluation_rating",
                    json!({ "choice": "good" }),
                )
                .await;
                self.must_decide("audit", id, "complete", "").await;
            }
            other => panic!("no walk for stage {other}"),
        }
    }

    /// Advances the project until it reaches `stage`.
    pub async fn walk_to(&mut self, id: &str, budget_yuan: u64, stage: &str) {
        for _ in 0..20 {
            if self.stage(id).await == stage {
                return;
            }
            self.advance(id, budget_yuan).await;
        }
        panic!("the project never reached {stage}");
    }
}
