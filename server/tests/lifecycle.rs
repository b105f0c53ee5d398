//! A project's life from research to evaluation over HTTP, with the
//! people the policy names; returns, rejections, locked stages and
//! corrections; and the audit trail that records all of it.

mod common;

use common::{error_of, process::Walker, spawn};
use serde_json::{Value, json};

#[tokio::test]
async fn a_department_head_tier_project_runs_from_research_to_evaluation() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;

    walk.walk_to(&id, 30_000, "evaluation").await;
    walk.advance(&id, 30_000).await;

    let detail = walk.detail("jwc.clerk", &id).await;
    assert_eq!(detail["state"]["status"], "finished");
    assert_eq!(detail["registry_number"], "XXH-2026-001");
    assert_eq!(detail["contractor_org"], "广州蓝海软件有限公司");
    let decisions = timeline_of(&detail, "decided");
    let decided_by: Vec<&str> = decisions
        .iter()
        .map(|event| event["actor_name"].as_str().expect("a name"))
        .collect();
    assert!(
        decided_by.iter().any(|name| name.contains("教务处处长")),
        "{decided_by:?}"
    );
    let system: Option<String> = app
        .state
        .db
        .query("SELECT VALUE name FROM ONLY type::record('system', $id)")
        .bind(("id", id.clone()))
        .await
        .and_then(|mut r| r.take(0))
        .expect("the register answers");
    assert_eq!(system.as_deref(), Some("教学质量监测平台"));
    let trail = app::backend::audit::verify(&app.state.db)
        .await
        .expect("verifies");
    assert!(trail.first_break.is_none(), "{trail:?}");
}

#[tokio::test]
async fn a_meeting_tier_project_needs_the_meeting_record_before_approval() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("60万").await;
    walk.walk_to(&id, 600_000, "budget_approval").await;

    // Nobody but the meeting secretary decides, and not without the record.
    for user in ["jwc.head", "vp.wang", "president"] {
        let (status, _) = walk.decide(user, &id, "approve", "同意", None).await;
        assert_eq!(status, 403, "{user} may not approve a 600,000-yuan budget");
    }
    let (status, error) = walk.decide("secretary", &id, "approve", "同意", None).await;
    assert_eq!(status, 422);
    assert_eq!(
        error,
        json!({ "Refused": { "MissingOutputs": ["meeting_record"] } })
    );

    // The record stands on the minutes as issued, not on a summary alone.
    let without_minutes = json!({
        "short": "2026年第12次校长办公会", "date": "2026-11-20",
        "choice": "3", "text": "会议同意立项建设。"
    });
    let (status, error) = walk
        .file("secretary", &id, "meeting_record", without_minutes)
        .await;
    assert_eq!(
        (status, error),
        (
            422,
            json!({ "Invalid": { "Entry": { "Missing": "document" } } })
        )
    );

    walk.advance(&id, 600_000).await;
    assert_eq!(walk.stage(&id).await, "working_group");
    walk.walk_to(&id, 600_000, "evaluation").await;
    walk.advance(&id, 600_000).await;
    let detail = walk.detail("audit", &id).await;
    assert_eq!(detail["state"]["status"], "finished");
}

#[tokio::test]
async fn a_stage_completes_only_when_its_outputs_are_in_and_says_what_is_missing() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;

    let (status, error) = walk.decide("jwc.clerk", &id, "complete", "", None).await;
    assert_eq!(status, 422);
    assert_eq!(
        error,
        json!({ "Refused": { "MissingOutputs": ["construction_plan_document"] } })
    );
    assert_eq!(walk.stage(&id).await, "research");
}

#[tokio::test]
async fn a_return_needs_a_reason_and_reopens_the_stages_it_goes_back_over() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;
    walk.walk_to(&id, 30_000, "initiation_approval").await;

    let (status, error) = walk
        .decide("it.head", &id, "return", "  ", Some("research"))
        .await;
    assert_eq!(
        (status, error),
        (422, json!({ "Refused": "ReasonRequired" }))
    );
    let (status, _) = walk
        .decide("it.head", &id, "return", "建设内容不清楚", Some("research"))
        .await;
    assert_eq!(status, 200);

    let detail = walk.detail("jwc.clerk", &id).await;
    assert_eq!(detail["state"]["stage"], "research");
    let plan = entries_of(&detail, "construction_plan_document");
    assert_eq!(plan.len(), 1);
    assert_eq!(
        plan[0]["current"], false,
        "the returned stage's entry no longer counts"
    );
    let returned = timeline_of(&detail, "decided");
    let last = returned.last().expect("the return is on the timeline");
    assert_eq!(last["comment"], "建设内容不清楚");
    assert_eq!(last["stage_before"], "initiation_approval");
    assert_eq!(last["stage_after"], "research");

    // The clerk files again, and the project moves on as before.
    walk.walk_to(&id, 30_000, "initiation_approval").await;
}

#[tokio::test]
async fn a_rejection_ends_the_project_and_nothing_more_can_be_done() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;
    walk.walk_to(&id, 30_000, "initiation_approval").await;

    let (status, _) = walk
        .decide("it.head", &id, "reject", "重复建设", None)
        .await;
    assert_eq!(status, 200);
    let detail = walk.detail("jwc.clerk", &id).await;
    assert_eq!(detail["state"]["status"], "rejected");
    let (status, error) = walk.decide("it.head", &id, "approve", "同意", None).await;
    assert_eq!(
        (status, error),
        (409, json!({ "Refused": "ProjectClosed" }))
    );
    let (status, _) = walk
        .file(
            "jwc.clerk",
            &id,
            "construction_plan_document",
            json!({ "text": "补充" }),
        )
        .await;
    assert_eq!(status, 409);
}

#[tokio::test]
async fn a_decision_on_a_stale_page_is_refused_and_changes_nothing() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;
    walk.walk_to(&id, 30_000, "initiation_approval").await;
    let seen = walk.detail("it.head", &id).await;

    walk.must_decide("it.head", &id, "approve", "同意").await;
    let (status, error) = walk
        .decide_on(
            "it.head",
            &id,
            seen["version"].clone(),
            seen["state"]["stage"].clone(),
            "reject",
            "重复",
            None,
            None,
        )
        .await;
    assert_eq!((status, error), (409, json!({ "Conflict": "Stale" })));
    assert_eq!(walk.stage(&id).await, "feasibility");
}

#[tokio::test]
async fn a_completed_stage_is_locked_and_corrected_by_a_revision_with_a_reason() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;
    walk.walk_to(&id, 30_000, "budget_approval").await;

    let (status, _) = walk
        .file(
            "it.clerk",
            &id,
            "registry_number",
            json!({ "short": "XXH-2026-999" }),
        )
        .await;
    assert_eq!(status, 409, "registry is complete; its data is locked");

    let detail = walk.detail("it.clerk", &id).await;
    let entry = entries_of(&detail, "registry_number")[0]["id"].clone();
    let it_clerk = walk.client("it.clerk").await;
    let correct = |reason: &str| json!({ "id": id, "entry": entry, "draft": { "short": "XXH-2026-002" }, "reason": reason });
    let refused = app
        .post_json(&it_clerk, "/api/projects/correct", correct(" "))
        .await;
    assert_eq!(refused.status(), 422);
    let clerk = walk.client("jwc.clerk").await;
    let not_theirs = app
        .post_json(&clerk, "/api/projects/correct", correct("笔误"))
        .await;
    assert_eq!(not_theirs.status(), 403);
    let corrected = app
        .post_json(&it_clerk, "/api/projects/correct", correct("编号笔误"))
        .await;
    assert_eq!(corrected.status(), 200);

    let detail = walk.detail("it.clerk", &id).await;
    let revisions = entries_of(&detail, "registry_number");
    assert_eq!(
        revisions.len(),
        2,
        "the old revision is kept beside the new"
    );
    assert_eq!(revisions[0]["current"], false);
    assert_eq!(revisions[1]["revision"], 2);
    assert_eq!(revisions[1]["correction_reason"], "编号笔误");
    assert_eq!(detail["registry_number"], "XXH-2026-002");
    assert_eq!(
        detail["state"]["stage"], "budget_approval",
        "a correction moves nothing"
    );
}

#[tokio::test]
async fn a_contract_above_the_approved_tier_goes_back_for_that_tiers_approval() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;
    walk.walk_to(&id, 30_000, "procurement").await;

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

    assert_eq!(walk.stage(&id).await, "budget_approval");
    let (status, _) = walk.decide("jwc.head", &id, "approve", "同意", None).await;
    assert_eq!(status, 403, "the department head's tier no longer suffices");
    walk.must_decide("vp.wang", &id, "approve", "同意增加投资")
        .await;
    assert_eq!(walk.stage(&id).await, "procurement", "the purchase resumes");
}

#[tokio::test]
async fn an_approver_away_delegates_and_the_record_shows_on_whose_behalf() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;
    walk.walk_to(&id, 30_000, "budget_approval").await;
    let head = walk.client("jwc.head").await;
    let today = app::backend::projects::today().expect("today").to_string();
    let delegation = json!({ "draft": {
        "delegate": walk.people.id("it.head"), "starts": today, "ends": today
    } });
    let created = app
        .post_json(&head, "/api/delegations/create", delegation)
        .await;
    assert_eq!(created.status(), 200);

    let seen = walk.detail("it.head", &id).await;
    let head_id = walk.people.id("jwc.head");
    let (status, _) = walk
        .decide_on(
            "it.head",
            &id,
            seen["version"].clone(),
            seen["state"]["stage"].clone(),
            "approve",
            "同意（代签）",
            None,
            None,
        )
        .await;
    assert_eq!(status, 403, "not in their own name");
    let (status, _) = walk
        .decide_on(
            "it.clerk",
            &id,
            seen["version"].clone(),
            seen["state"]["stage"].clone(),
            "approve",
            "同意",
            None,
            Some(&head_id),
        )
        .await;
    assert_eq!(status, 403, "nobody delegated to the IT clerk");
    let (status, error) = walk
        .decide_on(
            "it.head",
            &id,
            seen["version"].clone(),
            seen["state"]["stage"].clone(),
            "approve",
            "同意（代签）",
            None,
            Some(&head_id),
        )
        .await;
    assert_eq!(status, 200, "{error}");

    let detail = walk.detail("jwc.clerk", &id).await;
    let decided = timeline_of(&detail, "decided");
    let last = decided.last().expect("the approval");
    assert_eq!(last["on_behalf_of"], "张华（教务处处长）");
    assert!(
        last["actor_name"]
            .as_str()
            .is_some_and(|n| n.contains("信息中心主任"))
    );
}

#[tokio::test]
async fn fifty_simultaneous_decisions_on_one_stage_apply_exactly_one() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;
    walk.walk_to(&id, 30_000, "initiation_approval").await;
    let seen = walk.detail("it.head", &id).await;
    let head = walk.client("it.head").await;
    let before = app::backend::audit::verify(&app.state.db)
        .await
        .expect("verifies")
        .events;

    let mut attempts = tokio::task::JoinSet::new();
    for n in 0..50 {
        let decision = if n % 2 == 0 { "approve" } else { "reject" };
        let body = json!({
            "id": id, "version": seen["version"],
            "request": { "stage": "initiation_approval", "decision": decision, "reason": format!("意见{n}") }
        });
        let request = head
            .post(app.url("/api/projects/decide"))
            .header(reqwest::header::ORIGIN, &app.base)
            .json(&body);
        attempts.spawn(async move { request.send().await.map(|r| r.status().as_u16()) });
    }
    let statuses: Vec<u16> = attempts
        .join_all()
        .await
        .into_iter()
        .map(|answer| answer.expect("answered"))
        .collect();
    let applied = statuses.iter().filter(|s| **s == 200).count();
    let conflicts = statuses.iter().filter(|s| **s == 409).count();
    assert_eq!((applied, conflicts), (1, 49), "{statuses:?}");

    let trail = app::backend::audit::verify(&app.state.db)
        .await
        .expect("verifies");
    assert!(trail.first_break.is_none());
    assert_eq!(
        trail.events,
        before + 1,
        "one audit event for the one decision"
    );
}

fn entries_of(detail: &Value, kind: &str) -> Vec<Value> {
    detail["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["kind"] == kind)
        .cloned()
        .collect()
}

fn timeline_of(detail: &Value, action: &str) -> Vec<Value> {
    detail["timeline"]
        .as_array()
        .expect("a timeline")
        .iter()
        .filter(|e| match action {
            "decided" => e["action"].get("Decided").is_some(),
            other => e["action"].get(other).is_some(),
        })
        .cloned()
        .collect()
}

#[tokio::test]
async fn finance_pays_against_the_contract_and_procurement_registers_the_asset_once() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;
    walk.walk_to(&id, 30_000, "planning").await;
    let today = app::backend::projects::today().expect("today").to_string();
    let payment = |kind: &str, amount: &str| json!({ "id": id, "draft": { "kind": kind, "amount": amount, "paid_on": today, "voucher": "记-12" } });
    let finance = walk.client("finance").await;
    let clerk = walk.client("jwc.clerk").await;

    let paid = app
        .post_json(
            &finance,
            "/api/projects/payment",
            payment("advance", "9000"),
        )
        .await;
    assert_eq!(paid.status(), 200);
    let early = app
        .post_json(
            &finance,
            "/api/projects/payment",
            payment("on_acceptance", "18000"),
        )
        .await;
    assert_eq!(
        error_of(early).await,
        json!({ "Invalid": { "Ledger": "NotDueYet" } })
    );
    let not_finance = app
        .post_json(&clerk, "/api/projects/payment", payment("advance", "1000"))
        .await;
    assert_eq!(not_finance.status(), 403, "only finance records payments");

    walk.walk_to(&id, 30_000, "handover").await;
    let too_much = app
        .post_json(
            &finance,
            "/api/projects/payment",
            payment("on_acceptance", "21001"),
        )
        .await;
    assert_eq!(
        error_of(too_much).await,
        json!({ "Invalid": { "Ledger": "ExceedsContract" } })
    );
    let paid = app
        .post_json(
            &finance,
            "/api/projects/payment",
            payment("on_acceptance", "18000"),
        )
        .await;
    assert_eq!(paid.status(), 200);

    let procurement = walk.client("procurement").await;
    let asset = json!({ "id": id, "draft": { "asset_number": "ZC-2026-0088", "value": "30000", "registered_on": today } });
    let registered = app
        .post_json(&procurement, "/api/projects/asset", asset.clone())
        .await;
    assert_eq!(registered.status(), 200);
    let again = app
        .post_json(&procurement, "/api/projects/asset", asset)
        .await;
    assert_eq!(
        error_of(again).await,
        json!({ "Invalid": { "Ledger": "AlreadyRegistered" } })
    );

    let detail = walk.detail("audit", &id).await;
    assert_eq!(detail["payments"].as_array().map(Vec::len), Some(2));
    assert_eq!(detail["asset"]["asset_number"], "ZC-2026-0088");
    let contractor = walk.detail("contractor", &id).await;
    assert_eq!(
        contractor["payments"],
        json!([]),
        "no budget matters for the contractor"
    );
}

#[tokio::test]
async fn documents_are_checked_by_content_kept_by_hash_and_shown_only_to_who_may_see() {
    let app = spawn(&[("ISFLOW_UPLOAD_LIMIT_MB", "1")]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;
    let clerk = walk.client("jwc.clerk").await;
    let upload = |client: &reqwest::Client, name: &str, bytes: Vec<u8>| {
        client
            .post(app.url(&format!("/projects/{id}/documents")))
            .header(reqwest::header::ORIGIN, &app.base)
            .header("x-file-name", name)
            .body(bytes)
            .send()
    };

    let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\n".to_vec();
    let stored = upload(&clerk, "%E6%96%B9%E6%A1%88.pdf", pdf.clone())
        .await
        .expect("answered");
    assert_eq!(stored.status(), 201);
    let document: Value = stored.json().await.expect("the document");
    assert_eq!(document["name"], "方案.pdf");
    assert_eq!(document["content_type"], "application/pdf");
    assert_eq!(document["sha256"].as_str().map(str::len), Some(64));

    let again = upload(&clerk, "copy.pdf", pdf.clone())
        .await
        .expect("answered");
    assert_eq!(
        again.status(),
        201,
        "every upload is kept as its own version"
    );
    let blobs: Option<i64> = app
        .state
        .db
        .query("RETURN count(SELECT id FROM blob)")
        .await
        .and_then(|mut r| r.take(0))
        .expect("counted");
    assert_eq!(blobs, Some(1), "the same content is stored once");

    let program = upload(&clerk, "report.pdf", b"MZ\x90\x00\x03\x00\x00\x00".to_vec())
        .await
        .expect("answered");
    assert_eq!(program.status(), 422, "a renamed program is not a PDF");
    let big = upload(&clerk, "big.txt", vec![b'a'; 1024 * 1024 + 1])
        .await
        .expect("answered");
    assert_eq!(big.status(), 422);
    assert_eq!(
        error_of(big).await,
        json!({ "Invalid": "DocumentTooLarge" })
    );

    let download = |user: reqwest::Client| {
        let url = app.url(&format!(
            "/documents/{}",
            document["id"].as_str().expect("an id")
        ));
        async move { user.get(url).send().await.expect("answered") }
    };
    let own = download(clerk.clone()).await;
    assert_eq!(own.status(), 200);
    assert!(
        own.headers()[reqwest::header::CONTENT_DISPOSITION]
            .to_str()
            .is_ok_and(|v| v.contains("UTF-8''%E6%96%B9%E6%A1%88%2Epdf"))
    );
    assert_eq!(own.bytes().await.expect("bytes").to_vec(), pdf);
    let other_department = walk.client("xsc.clerk").await;
    assert_eq!(download(other_department).await.status(), 404);
    assert_eq!(download(common::new_client()).await.status(), 401);

    // An output names a document only of its own project.
    walk.must_file(
        "jwc.clerk",
        &id,
        "construction_plan_document",
        json!({ "text": "方案见附件", "document": document["id"] }),
    )
    .await;
    let other = walk.start("20000").await;
    let (status, error) = walk
        .file(
            "jwc.clerk",
            &other,
            "construction_plan_document",
            json!({ "text": "借用", "document": document["id"] }),
        )
        .await;
    assert_eq!(
        (status, error),
        (422, json!({ "Invalid": "UnknownDocument" }))
    );
}
