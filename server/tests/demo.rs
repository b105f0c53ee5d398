//! The demo college `make run` serves: projects in every stage and every
//! approval tier, change requests at several steps, and something waiting
//! in the inbox of each person who decides.

mod common;

use common::spawn;
use serde_json::{Value, json};
use std::collections::HashSet;

async fn answer(app: &common::TestApp, user: &str, path: &str, body: Value) -> Value {
    let client = app.client_for(user).await;
    let response = app.post_json(&client, path, body).await;
    assert_eq!(response.status(), 200, "{user} {path}");
    response.json().await.expect("json")
}

#[tokio::test]
async fn the_demo_college_has_work_in_every_stage_tier_and_inbox() {
    let app = spawn(&[("ISFLOW_DEMO_PROJECTS", "1")]).await;

    let projects = answer(&app, "it.head", "/api/projects/list", json!({})).await;
    let projects = projects.as_array().expect("a list");
    let stages: HashSet<&str> = projects
        .iter()
        .filter_map(|p| p["stage"].as_str())
        .collect();
    let tiers: HashSet<&str> = projects.iter().filter_map(|p| p["tier"].as_str()).collect();
    for stage in [
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
    ] {
        assert!(
            stages.contains(stage),
            "no demo project at {stage}: {stages:?}"
        );
    }
    for tier in [
        "department_head",
        "vice_president",
        "president",
        "presidents_office_meeting",
        "party_committee",
    ] {
        assert!(
            tiers.contains(tier),
            "no demo project for {tier}: {tiers:?}"
        );
    }
    let statuses: HashSet<&str> = projects
        .iter()
        .filter_map(|p| p["status"].as_str())
        .collect();
    assert!(
        statuses.contains("finished") && statuses.contains("rejected"),
        "{statuses:?}"
    );

    for user in [
        "jwc.clerk",
        "jwc.head",
        "xsc.clerk",
        "it.dev",
        "it.head",
        "it.clerk",
        "it.security",
        "procurement",
        "finance",
        "audit",
        "vp.wang",
        "vp.chen",
        "president",
        "secretary",
        "expert",
        "contractor",
        "contractor2",
    ] {
        let inbox = answer(&app, user, "/api/projects/inbox", json!({})).await;
        let changes = answer(&app, user, "/api/changes/inbox", json!({})).await;
        let waiting = inbox.as_array().map_or(0, Vec::len) + changes.as_array().map_or(0, Vec::len);
        assert!(waiting > 0, "{user}'s inbox is empty");
    }

    let changes = answer(
        &app,
        "it.clerk",
        "/api/changes/list",
        json!({ "filter": {} }),
    )
    .await;
    let steps: HashSet<String> = changes
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| {
            format!(
                "{}/{}",
                c["state"]["status"].as_str().unwrap_or(""),
                c["state"]["step"].as_str().unwrap_or("")
            )
        })
        .collect();
    for expected in [
        "open/head_signature",
        "open/approval",
        "open/execution",
        "registered/registration",
    ] {
        assert!(
            steps.contains(expected),
            "no demo change at {expected}: {steps:?}"
        );
    }
    let trail = app::backend::audit::verify(&app.state.db)
        .await
        .expect("verifies");
    assert!(trail.first_break.is_none(), "{trail:?}");
}
