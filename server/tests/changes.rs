//! Change requests over HTTP (DESIGN §4): a change from request to
//! registration with every function tried by every demo user at every
//! step, numbering under simultaneous submissions, and the Word and Excel
//! files read back and compared with the record.

mod common;

use common::{EVERYONE, TestApp, process::Walker, spawn};
use serde_json::{Value, json};
use std::io::Read;

/// A 教务处 system in the register: a 30,000-yuan project taken through
/// to evaluation. The system's key is the project's.
async fn registered_system(walk: &mut Walker<'_>) -> String {
    let id = walk.start("30000").await;
    walk.walk_to(&id, 30_000, "evaluation").await;
    id
}

fn draft(system: &str, reason: &str) -> Value {
    json!({
        "system": system,
        "execute_at": "2030-03-02T09:00",
        "origin": "user",
        "scope": "added",
        "other_explanation": "",
        "target": "software",
        "triggers": ["new_feature"],
        "reason": reason,
        "description": "增加成绩复核模块，学生可在线申请复核。",
        "impact": "成绩模块停机两小时。"
    })
}

async fn post(walk: &mut Walker<'_>, user: &str, path: &str, body: Value) -> (u16, Value) {
    let client = walk.client(user).await;
    let response = walk.app.post_json(&client, path, body).await;
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn change(walk: &mut Walker<'_>, id: &str) -> Value {
    let (status, detail) = post(walk, "it.clerk", "/api/changes/get", json!({ "id": id })).await;
    assert_eq!(status, 200, "{detail}");
    detail
}

async fn upload(walk: &mut Walker<'_>, user: &str, change: &str, name: &str) -> u16 {
    let client = walk.client(user).await;
    client
        .post(walk.app.url(&format!("/changes/{change}/documents")))
        .header(reqwest::header::ORIGIN, &walk.app.base)
        .header("x-file-name", name)
        .body(b"%PDF-1.4\nuser test report\n".to_vec())
        .send()
        .await
        .expect("the upload is answered")
        .status()
        .as_u16()
}

fn decision(step: &str, decision: &str, opinion: &str, id: &str, version: &Value) -> Value {
    json!({
        "id": id, "version": version,
        "request": { "step": step, "decision": decision, "opinion": opinion, "training": "培训业务人员 8 人" }
    })
}

/// The steps of DESIGN §4 for a 教务处 system, with who may act at each
/// (written from the policy, not read from the server's tables) and the
/// decision that moves the request on.
const STEPS: [(&str, &[&str], &str, &str); 6] = [
    ("head_signature", &["jwc.head"], "approve", "同意变更。"),
    ("review", &["it.head"], "approve", "建议先在测试环境验证。"),
    ("approval", &["vp.wang"], "approve", "同意实施。"),
    // The executor: the project's contractor or the IT centre.
    (
        "execution",
        &["contractor", "it.dev", "it.clerk"],
        "execute",
        "已完成复核模块上线。",
    ),
    ("testing", &["jwc.clerk"], "pass", "测试通过。"),
    ("registration", &["it.clerk"], "register", "已登记归档。"),
];

#[tokio::test]
async fn every_change_function_answers_every_user_as_the_policy_says_at_every_step() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let system = registered_system(&mut walk).await;

    // Who sees the system's project sees its changes, and no one else.
    let mut sees = Vec::new();
    for user in EVERYONE {
        let (status, _) = post(
            &mut walk,
            user,
            "/api/projects/detail",
            json!({ "id": system }),
        )
        .await;
        if status == 200 {
            sees.push(user);
        }
    }
    for outsider in ["xsc.clerk", "xsc.head", "vp.chen", "expert2", "contractor2"] {
        assert!(
            !sees.contains(&outsider),
            "{outsider} sees another department's project"
        );
    }

    // Only the system's department's clerk applies.
    for user in EVERYONE.into_iter().filter(|u| *u != "jwc.clerk") {
        let (status, _) = post(
            &mut walk,
            user,
            "/api/changes/submit",
            json!({ "draft": draft(&system, "x") }),
        )
        .await;
        assert!(
            matches!(status, 403 | 404 | 422),
            "{user} submits a change: {status}"
        );
    }
    let (status, submitted) = post(
        &mut walk,
        "jwc.clerk",
        "/api/changes/submit",
        json!({ "draft": draft(&system, "教务处新规定要求成绩可复核。") }),
    )
    .await;
    assert_eq!(status, 200, "{submitted}");
    let id = submitted["id"].as_str().expect("an id").to_owned();

    for (step, actors, forward, opinion) in STEPS {
        let detail = change(&mut walk, &id).await;
        assert_eq!(detail["summary"]["state"]["step"], step);
        let version = detail["summary"]["version"].clone();

        for user in EVERYONE {
            let (status, _) = post(&mut walk, user, "/api/changes/get", json!({ "id": id })).await;
            let expected = if sees.contains(&user) { 200 } else { 404 };
            assert_eq!(status, expected, "{user} opens the change at {step}");

            let (status, inbox) = post(&mut walk, user, "/api/changes/inbox", json!({})).await;
            assert_eq!(status, 200, "{user}'s change inbox at {step}");
            let waiting = inbox
                .as_array()
                .expect("a list")
                .iter()
                .any(|item| item["change"]["id"] == id.as_str());
            assert_eq!(waiting, actors.contains(&user), "{user}'s inbox at {step}");

            let (status, list) = post(
                &mut walk,
                user,
                "/api/changes/list",
                json!({ "filter": {} }),
            )
            .await;
            if status == 200 {
                let listed = list
                    .as_array()
                    .expect("a list")
                    .iter()
                    .any(|c| c["id"] == id.as_str());
                assert_eq!(
                    listed,
                    sees.contains(&user),
                    "{user}'s change list at {step}"
                );
            } else {
                assert!(
                    !sees.contains(&user),
                    "{user} may not list changes: {status}"
                );
            }

            if actors.contains(&user) {
                continue;
            }
            let (status, _) = post(
                &mut walk,
                user,
                "/api/changes/decide",
                decision(step, forward, opinion, &id, &version),
            )
            .await;
            assert!(
                matches!(status, 403 | 404 | 422),
                "{user} decides {step}: {status}"
            );
            let upload_status = upload(&mut walk, user, &id, "report.pdf").await;
            assert!(
                matches!(upload_status, 403 | 404),
                "{user} uploads at {step}: {upload_status}"
            );
        }
        // Nothing any refused user did moved the request.
        let unchanged = change(&mut walk, &id).await;
        assert_eq!(
            unchanged["summary"]["version"], version,
            "refusals changed the request at {step}"
        );

        let actor = actors[0];
        if step == "testing" {
            let (status, error) = post(
                &mut walk,
                actor,
                "/api/changes/decide",
                decision(step, forward, opinion, &id, &version),
            )
            .await;
            assert_eq!(
                (status, error),
                (422, json!({ "Invalid": "TestReportMissing" }))
            );
            assert_eq!(upload(&mut walk, actor, &id, "用户测试报告.pdf").await, 201);
        }
        let (status, answer) = post(
            &mut walk,
            actor,
            "/api/changes/decide",
            decision(step, forward, opinion, &id, &version),
        )
        .await;
        assert_eq!(status, 200, "{actor} decides {step}: {answer}");
    }

    let done = change(&mut walk, &id).await;
    assert_eq!(done["summary"]["state"]["status"], "registered");
    let trail = app::backend::audit::verify(&app.state.db)
        .await
        .expect("verifies");
    assert!(trail.first_break.is_none(), "{trail:?}");
}

#[tokio::test]
async fn refusals_need_a_reason_and_a_leader_approves_with_an_opinion() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let system = registered_system(&mut walk).await;
    let (_, submitted) = post(
        &mut walk,
        "jwc.clerk",
        "/api/changes/submit",
        json!({ "draft": draft(&system, "原因") }),
    )
    .await;
    let id = submitted["id"].as_str().expect("an id").to_owned();
    let version = change(&mut walk, &id).await["summary"]["version"].clone();

    for refusal in ["return", "reject"] {
        let (status, error) = post(
            &mut walk,
            "jwc.head",
            "/api/changes/decide",
            decision("head_signature", refusal, " ", &id, &version),
        )
        .await;
        assert_eq!(status, 422, "{refusal} without a reason: {error}");
    }
    assert_eq!(change(&mut walk, &id).await["summary"]["version"], version);

    for (step, user, text) in [
        ("head_signature", "jwc.head", "同意"),
        ("review", "it.head", "同意"),
    ] {
        let version = change(&mut walk, &id).await["summary"]["version"].clone();
        let (status, _) = post(
            &mut walk,
            user,
            "/api/changes/decide",
            decision(step, "approve", text, &id, &version),
        )
        .await;
        assert_eq!(status, 200, "{user} at {step}");
    }
    let version = change(&mut walk, &id).await["summary"]["version"].clone();
    let (status, error) = post(
        &mut walk,
        "vp.wang",
        "/api/changes/decide",
        decision("approval", "approve", "", &id, &version),
    )
    .await;
    assert_eq!(
        (status, error),
        (
            422,
            json!({ "ChangeRefused": { "RecordRequired": "LeaderOpinion" } })
        )
    );
    let (status, _) = post(
        &mut walk,
        "vp.wang",
        "/api/changes/decide",
        decision("approval", "reject", "与学校规划不符。", &id, &version),
    )
    .await;
    assert_eq!(status, 200);
    let detail = change(&mut walk, &id).await;
    assert_eq!(detail["summary"]["state"]["status"], "rejected");
    // Closed: nothing more is accepted, not even papers.
    assert_eq!(upload(&mut walk, "jwc.clerk", &id, "late.pdf").await, 403);
}

#[tokio::test]
async fn twenty_simultaneous_requests_get_twenty_consecutive_numbers() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let system = registered_system(&mut walk).await;
    let clerk = walk.client("jwc.clerk").await;

    let mut submissions = tokio::task::JoinSet::new();
    for n in 0..20 {
        let request = clerk
            .post(app.url("/api/changes/submit"))
            .header(reqwest::header::ORIGIN, &app.base)
            .json(&json!({ "draft": draft(&system, &format!("原因 {n}")) }));
        submissions.spawn(async move {
            let response = request.send().await.expect("answered");
            assert_eq!(response.status(), 200);
            let answer: Value = response.json().await.expect("json");
            answer["number"]["sequence"].as_u64().expect("a sequence")
        });
    }
    let mut numbers = submissions.join_all().await;
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=20).collect::<Vec<u64>>());

    let (_, list) = post(
        &mut walk,
        "jwc.clerk",
        "/api/changes/list",
        json!({ "filter": {} }),
    )
    .await;
    let mut printed: Vec<String> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| format!("BG-{}-{:04}", c["number"]["year"], c["number"]["sequence"]))
        .collect();
    printed.sort();
    printed.dedup();
    assert_eq!(printed.len(), 20, "{printed:?}");
    let trail = app::backend::audit::verify(&app.state.db)
        .await
        .expect("verifies");
    assert!(trail.first_break.is_none(), "{trail:?}");
}

/// A GET of an export as `user`: the status, the content type and bytes.
async fn export(walk: &mut Walker<'_>, user: &str, path: &str) -> (u16, String, Vec<u8>) {
    let client = walk.client(user).await;
    let response = client
        .get(walk.app.url(path))
        .send()
        .await
        .expect("answered");
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (
        status,
        kind,
        response.bytes().await.expect("a body").to_vec(),
    )
}

fn unzip(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut text = String::new();
    archive
        .by_name(name)
        .expect("the part is there")
        .read_to_string(&mut text)
        .expect("UTF-8 XML");
    text
}

/// Takes a request through every step with the opinions given here.
async fn complete_change(walk: &mut Walker<'_>, system: &str) -> String {
    let (_, submitted) = post(
        walk,
        "jwc.clerk",
        "/api/changes/submit",
        json!({ "draft": draft(system, "教务处新规定要求成绩可复核。") }),
    )
    .await;
    let id = submitted["id"].as_str().expect("an id").to_owned();
    for (step, actors, forward, opinion) in STEPS {
        let version = change(walk, &id).await["summary"]["version"].clone();
        if step == "testing" {
            assert_eq!(upload(walk, actors[0], &id, "用户测试报告.pdf").await, 201);
        }
        let (status, answer) = post(
            walk,
            actors[0],
            "/api/changes/decide",
            decision(step, forward, opinion, &id, &version),
        )
        .await;
        assert_eq!(status, 200, "{step}: {answer}");
    }
    id
}

#[tokio::test]
async fn the_word_form_and_the_ledgers_hold_the_record() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let system = registered_system(&mut walk).await;
    let id = complete_change(&mut walk, &system).await;
    let detail = change(&mut walk, &id).await;
    let number = format!(
        "BG-{}-{:04}",
        detail["summary"]["number"]["year"],
        detail["summary"]["number"]["sequence"]
            .as_u64()
            .expect("a sequence")
    );

    let (status, kind, bytes) = export(
        &mut walk,
        "jwc.clerk",
        &format!("/exports/changes/{id}.docx"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(kind.contains("wordprocessingml"), "{kind}");
    let document = unzip(&bytes, "word/document.xml");
    for expected in [
        number.as_str(),
        "教学质量监测平台",
        "教务处新规定要求成绩可复核。",
        "增加成绩复核模块，学生可在线申请复核。",
        // The four sign-off boxes, filled from the trail.
        "已完成复核模块上线。",
        "同意变更。",
        "建议先在测试环境验证。",
        "同意实施。",
    ] {
        assert!(document.contains(expected), "the form lacks {expected}");
    }
    for signer in ["蓝海软件", "教务处处长", "信息中心主任", "王"] {
        assert!(document.contains(signer), "no sign-off by {signer}");
    }
    let styles = unzip(&bytes, "word/styles.xml");
    assert!(
        styles.contains("w:eastAsia=\"SimSun\""),
        "no Chinese font in the styles"
    );

    // Someone who may not see the project gets no file.
    let (status, _, _) = export(
        &mut walk,
        "xsc.clerk",
        &format!("/exports/changes/{id}.docx"),
    )
    .await;
    assert_eq!(status, 404);

    use calamine::{Data, DataType, Reader, Xlsx};
    let sheet_of = |bytes: Vec<u8>| {
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("an xlsx file");
        let name = book.sheet_names()[0].clone();
        book.worksheet_range(&name).expect("a sheet")
    };
    let (status, kind, bytes) = export(
        &mut walk,
        "it.clerk",
        "/exports/changes.xlsx?status=registered",
    )
    .await;
    assert_eq!(status, 200);
    assert!(kind.contains("spreadsheetml"), "{kind}");
    let changes = sheet_of(bytes);
    assert_eq!(
        changes.height(),
        2,
        "a heading and the one registered change"
    );
    let row: Vec<String> = changes
        .rows()
        .nth(1)
        .expect("a row")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert!(row.contains(&number), "{row:?}");
    assert!(
        changes
            .rows()
            .nth(1)
            .expect("a row")
            .iter()
            .any(|c| matches!(c, Data::DateTime(_))),
        "no real date in {row:?}"
    );
    // A filter that matches nothing leaves the heading only.
    let (_, _, bytes) = export(
        &mut walk,
        "it.clerk",
        "/exports/changes.xlsx?status=rejected",
    )
    .await;
    assert_eq!(sheet_of(bytes).height(), 1);

    let (status, _, bytes) = export(&mut walk, "it.clerk", "/exports/projects.xlsx").await;
    assert_eq!(status, 200);
    let projects = sheet_of(bytes);
    let project_row = projects.rows().nth(1).expect("the project");
    assert!(
        project_row
            .iter()
            .any(|c| c.get_string() == Some("教学质量监测平台"))
    );
    assert!(
        project_row.iter().any(|c| c.as_f64() == Some(30_000.0)),
        "the budget as a number of yuan: {project_row:?}"
    );

    let (status, _, bytes) = export(&mut walk, "it.clerk", "/exports/systems.xlsx").await;
    assert_eq!(status, 200);
    assert_eq!(sheet_of(bytes).height(), 2);

    // Signed out: refused, not a file.
    let (status, _, _) = export_anonymous(&app, "/exports/systems.xlsx").await;
    assert_eq!(status, 401);
}

async fn export_anonymous(app: &TestApp, path: &str) -> (u16, String, Vec<u8>) {
    let response = common::new_client()
        .get(app.url(path))
        .send()
        .await
        .expect("answered");
    (response.status().as_u16(), String::new(), Vec::new())
}
