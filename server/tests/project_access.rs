//! Every project function against every demo user (DESIGN §6): who may see
//! a project, file at its stage, decide it and invite its experts, with a
//! department clerk of another department, a contractor of another project
//! and an expert not invited among them.

mod common;

use common::{process::Walker, spawn};
use serde_json::json;

/// Everyone in the demo college.
const EVERYONE: [&str; 19] = [
    "admin",
    "jwc.clerk",
    "jwc.head",
    "xsc.clerk",
    "xsc.head",
    "it.dev",
    "it.head",
    "it.clerk",
    "it.security",
    "procurement",
    "finance",
    "audit",
    "control",
    "vp.wang",
    "vp.chen",
    "president",
    "secretary",
    "expert",
    "contractor",
];

/// Who sees a JWC project at implementation: its department, its
/// supervising vice president, the college roles, and the people assigned
/// to it (the group's internal-control member, the invited expert, the
/// contractor). Not the other department, nor its vice president.
fn sees_jwc_project(user: &str) -> bool {
    !matches!(user, "xsc.clerk" | "xsc.head" | "vp.chen")
}

#[tokio::test]
async fn each_user_sees_files_and_decides_exactly_what_their_place_allows() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;
    walk.walk_to(&id, 30_000, "implementation").await;

    for user in EVERYONE {
        let client = walk.client(user).await;
        let detail = app
            .post_json(&client, "/api/projects/detail", json!({ "id": id }))
            .await;
        let expected = if sees_jwc_project(user) { 200 } else { 404 };
        assert_eq!(detail.status(), expected, "{user} loads the project");

        // Only the assigned contractor reports progress.
        let (status, _) = walk
            .file(user, &id, "progress_report", json!({ "text": "进度正常" }))
            .await;
        let expected = match user {
            "contractor" => 200,
            u if !sees_jwc_project(u) => 404,
            _ => 403,
        };
        assert_eq!(status, expected, "{user} files a progress report");

        // The applying department's clerk and the project group supervise
        // the work and declare it done; the supervision record is still
        // missing, so those allowed hear what is missing.
        let (status, _) = walk.decide(user, &id, "complete", "", None).await;
        let expected = match user {
            // it.head and it.dev form the working group, which joins the
            // project group; control is the group's internal-control member.
            "jwc.clerk" | "it.dev" | "it.head" | "control" => 422,
            u if !sees_jwc_project(u) => 404,
            _ => 403,
        };
        assert_eq!(status, expected, "{user} completes implementation");
    }
    assert_eq!(walk.stage(&id).await, "implementation", "nobody moved it");
}

#[tokio::test]
async fn a_contractor_or_expert_sees_only_the_projects_they_are_assigned_to() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let assigned = walk.start("30000").await;
    walk.walk_to(&assigned, 30_000, "planning").await;
    let other = walk.start("40000").await;
    walk.walk_to(&other, 40_000, "feasibility").await;

    for user in ["contractor", "expert"] {
        let client = walk.client(user).await;
        let list: serde_json::Value = app
            .post_json(&client, "/api/projects/list", json!({}))
            .await
            .json()
            .await
            .expect("a list");
        let ids: Vec<&str> = list
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|p| p["id"].as_str())
            .collect();
        assert_eq!(ids, [assigned.as_str()], "{user} sees only their project");
        let response = app
            .post_json(&client, "/api/projects/detail", json!({ "id": other }))
            .await;
        assert_eq!(response.status(), 404, "{user} on a project not theirs");
    }

    // Externals never see internal opinions or budget decisions.
    let detail = walk.detail("contractor", &assigned).await;
    let kinds: Vec<&str> = detail["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    for internal in [
        "expert_opinion",
        "budget_amount",
        "registry_number",
        "project_group",
    ] {
        assert!(
            !kinds.contains(&internal),
            "a contractor sees {internal}: {kinds:?}"
        );
    }
    let stages: Vec<&str> = detail["timeline"]
        .as_array()
        .expect("a timeline")
        .iter()
        .filter_map(|e| e["stage_before"].as_str())
        .collect();
    assert!(!stages.contains(&"budget_approval"), "{stages:?}");
    assert!(detail["experts"].as_array().is_some_and(Vec::is_empty));
}

#[tokio::test]
async fn only_the_it_clerk_invites_experts_and_only_during_the_review() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;
    walk.walk_to(&id, 30_000, "feasibility").await;
    let expert = walk.people.id("expert");
    let staff = walk.people.id("it.dev");

    for user in EVERYONE {
        let client = walk.client(user).await;
        let body = json!({ "id": id, "experts": [expert] });
        let status = app
            .post_json(&client, "/api/projects/invite_experts", body)
            .await
            .status();
        let expected = match user {
            "it.clerk" => 200,
            // Before registry there is no group and no contractor yet; the
            // expert, invited a moment ago by the IT clerk, sees the project.
            u if !sees_jwc_project(u) || u == "contractor" || u == "control" => 404,
            _ => 403,
        };
        assert_eq!(status, expected, "{user} invites an expert");
    }
    let it_clerk = walk.client("it.clerk").await;
    let not_an_expert = json!({ "id": id, "experts": [staff] });
    let refused = app
        .post_json(&it_clerk, "/api/projects/invite_experts", not_an_expert)
        .await;
    assert_eq!(
        refused.status(),
        422,
        "only holders of the expert role are invited"
    );
}

#[tokio::test]
async fn the_inbox_holds_what_waits_on_each_user_and_the_board_what_they_see() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;
    walk.walk_to(&id, 30_000, "budget_approval").await;

    for (user, waits) in [
        ("jwc.head", true),
        ("vp.wang", false),
        ("jwc.clerk", false),
        ("xsc.head", false),
    ] {
        let client = walk.client(user).await;
        let inbox: serde_json::Value = app
            .post_json(&client, "/api/projects/inbox", json!({}))
            .await
            .json()
            .await
            .expect("an inbox");
        let here = inbox.as_array().expect("a list").iter().any(|item| {
            item["project"]["id"] == id.as_str()
                && item["decisions"] == json!(["approve", "reject", "return"])
        });
        assert_eq!(here, waits, "{user}'s inbox");
    }

    let clerk = walk.client("xsc.clerk").await;
    let board: serde_json::Value = app
        .post_json(&clerk, "/api/projects/board", json!({ "filter": {} }))
        .await
        .json()
        .await
        .expect("a board");
    assert_eq!(board, json!([]), "another department's clerk sees no card");
    let head = walk.client("jwc.head").await;
    let board: serde_json::Value = app
        .post_json(
            &head,
            "/api/projects/board",
            json!({ "filter": { "tier": "department_head" } }),
        )
        .await
        .json()
        .await
        .expect("a board");
    assert_eq!(
        board[0]["forward"], "approve",
        "the head may approve from the card"
    );
    let filtered: serde_json::Value = app
        .post_json(
            &head,
            "/api/projects/board",
            json!({ "filter": { "tier": "president" } }),
        )
        .await
        .json()
        .await
        .expect("a board");
    assert_eq!(filtered, json!([]));
    let malformed = app
        .post_json(
            &head,
            "/api/projects/board",
            json!({ "filter": { "tier": "emperor" } }),
        )
        .await;
    assert_eq!(malformed.status(), 400);
}
