//! The audit trail: written with every administrative change, and any
//! edit or deletion of it is detected.

mod common;

use app::backend::{audit, audit::Break, db};
use common::spawn;
use serde_json::{Value, json};

/// A database with the demo college (which itself leaves a trail) and a
/// few more recorded actions.
async fn seeded() -> db::Db {
    let settings = db::DbSettings {
        url: "mem://".into(),
        user: None,
        password: None,
    };
    let database = db::open(&settings).await.expect("opens");
    app::backend::demo::seed_if_empty(&database)
        .await
        .expect("seeds");
    database
}

#[tokio::test]
async fn the_demo_college_leaves_an_intact_trail() {
    let database = seeded().await;

    let report = audit::verify(&database).await.expect("verifies");

    assert!(report.events > 20, "{report:?}");
    assert_eq!(report.first_break, None);
}

#[tokio::test]
async fn editing_any_event_is_detected_at_that_event() {
    let database = seeded().await;
    database
        .query("UPDATE audit_event SET comment = 'quietly changed' WHERE seq = 5")
        .await
        .expect("tampered");

    let report = audit::verify(&database).await.expect("verifies");

    assert_eq!(report.first_break, Some(Break::Edited { seq: 5 }));
    assert_eq!(report.events, 4);
}

#[tokio::test]
async fn deleting_an_event_in_the_middle_is_detected() {
    let database = seeded().await;
    database
        .query("DELETE audit_event WHERE seq = 7")
        .await
        .expect("tampered");

    let report = audit::verify(&database).await.expect("verifies");

    assert_eq!(report.first_break, Some(Break::Missing { seq: 7 }));
}

#[tokio::test]
async fn cutting_off_the_newest_events_is_detected() {
    let database = seeded().await;
    let total = audit::verify(&database).await.expect("verifies").events;
    database
        .query("DELETE audit_event WHERE seq = $last")
        .bind(("last", total))
        .await
        .expect("tampered");

    let report = audit::verify(&database).await.expect("verifies");

    assert_eq!(report.first_break, Some(Break::Head { seq: total - 1 }));
}

#[tokio::test]
async fn rewriting_an_event_and_its_hash_breaks_the_next_link() {
    let database = seeded().await;
    database
        .query("UPDATE audit_event SET actor_name = 'someone else', hash = 'forged' WHERE seq = 3")
        .await
        .expect("tampered");

    let report = audit::verify(&database).await.expect("verifies");

    assert_eq!(report.first_break, Some(Break::Edited { seq: 3 }));
}

#[tokio::test]
async fn administrative_changes_made_at_once_all_land_in_one_unbroken_chain() {
    let app = std::sync::Arc::new(spawn(&[]).await);
    let admin = app.client_for("admin").await;
    let creations: Vec<_> = (0..10)
        .map(|i| {
            let (app, admin) = (std::sync::Arc::clone(&app), admin.clone());
            tokio::spawn(async move {
                let user = json!({ "user": { "user_name": format!("parallel.{i}"),
                    "display_name": format!("并发{i}"), "roles": ["it_clerk"],
                    "password": "parallel password" } });
                app.post_json(&admin, "/api/admin/users/create", user)
                    .await
                    .status()
            })
        })
        .collect();
    for creation in creations {
        assert_eq!(creation.await.expect("answered"), 200);
    }

    let users: Value = app
        .post_json(&admin, "/api/admin/users/list", json!({}))
        .await
        .json()
        .await
        .expect("json");
    let created = users
        .as_array()
        .expect("a list")
        .iter()
        .filter(|u| {
            u["user_name"]
                .as_str()
                .is_some_and(|n| n.starts_with("parallel."))
        })
        .count();
    assert_eq!(created, 10);
    let report = audit::verify(&app.state.db).await.expect("verifies");
    assert_eq!(report.first_break, None);
}

#[tokio::test]
async fn removing_the_head_does_not_hide_the_trail() {
    let database = seeded().await;
    database
        .query("DELETE audit_head:current")
        .await
        .expect("tampered");

    let report = audit::verify(&database).await.expect("verifies");

    assert_eq!(report.first_break, Some(Break::Head { seq: 0 }));
}
