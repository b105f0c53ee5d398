//! Decisions taken at the same moment (issue: safe concurrent decisions):
//! of many approvals of one stage exactly one is applied, the others are
//! told someone decided first, and the audit trail holds one event.

mod common;

use common::{process::Walker, spawn};
use serde_json::{Value, json};

#[tokio::test]
async fn fifty_simultaneous_decisions_on_one_stage_apply_exactly_once() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;
    walk.walk_to(&id, 30_000, "initiation_approval").await;
    let detail = walk.detail("it.head", &id).await;
    let (version, stage) = (detail["version"].clone(), detail["state"]["stage"].clone());
    let head = walk.client("it.head").await;

    let mut decisions = tokio::task::JoinSet::new();
    for n in 0..50 {
        let request = head
            .post(app.url("/api/projects/decide"))
            .header(reqwest::header::ORIGIN, &app.base)
            .json(&json!({
                "id": id, "version": version,
                "request": { "stage": stage, "decision": "approve", "reason": format!("同意 {n}") },
            }));
        decisions.spawn(async move {
            let response = request.send().await.expect("answered");
            let status = response.status().as_u16();
            (
                status,
                response.json::<Value>().await.unwrap_or(Value::Null),
            )
        });
    }
    let answers = decisions.join_all().await;
    let applied = answers.iter().filter(|(status, _)| *status == 200).count();
    let stale = answers
        .iter()
        .filter(|answer| *answer == &(409, json!({ "Conflict": "Stale" })))
        .count();
    assert_eq!((applied, stale), (1, 49), "{answers:?}");

    let after = walk.detail("it.head", &id).await;
    assert_eq!(after["state"]["stage"], "feasibility");
    assert_eq!(after["version"], version.as_i64().expect("a version") + 1);
    let events: Option<i64> = app
        .state
        .db
        .query(
            "RETURN array::len(SELECT id FROM audit_event
                 WHERE action = 'project.decide' AND subject = $subject AND stage_before = $stage)",
        )
        .bind(("subject", format!("project:{id}")))
        .bind(("stage", "initiation_approval"))
        .await
        .and_then(|mut r| r.take(0))
        .expect("the trail answers");
    assert_eq!(events, Some(1));
    let trail = app::backend::audit::verify(&app.state.db)
        .await
        .expect("verifies");
    assert!(trail.first_break.is_none(), "{trail:?}");
}
