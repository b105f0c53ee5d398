//! The schema is applied once, recorded, and protected against edits.

use app::backend::{db, migrations};

#[tokio::test]
async fn opening_the_same_database_again_applies_nothing_twice() {
    let settings = db::DbSettings {
        url: "mem://".into(),
        user: None,
        password: None,
    };
    let database = db::open(&settings).await.expect("opens and migrates");

    migrations::apply(&database)
        .await
        .expect("a second run is a no-op");

    let applied: Option<i64> = database
        .query("RETURN array::len(SELECT VALUE id FROM migration)")
        .await
        .and_then(|mut r| r.take(0))
        .expect("counted");
    assert_eq!(
        applied,
        Some(migrations::latest_version()),
        "one record per migration"
    );
}

#[tokio::test]
async fn an_edited_migration_is_refused_at_start_up() {
    let settings = db::DbSettings {
        url: "mem://".into(),
        user: None,
        password: None,
    };
    let database = db::open(&settings).await.expect("opens and migrates");
    database
        .query("UPDATE migration SET checksum = 'something else' WHERE version = 1")
        .await
        .expect("tampered");

    let result = migrations::apply(&database).await;

    assert!(
        matches!(
            result,
            Err(migrations::MigrationError::Edited { version: 1, .. })
        ),
        "{result:?}"
    );
}

#[tokio::test]
async fn user_names_are_unique_in_the_database_itself() {
    let settings = db::DbSettings {
        url: "mem://".into(),
        user: None,
        password: None,
    };
    let database = db::open(&settings).await.expect("opens");
    let insert =
        "CREATE user SET user_name = 'same', display_name = 'x', password_hash = 'x', roles = []";

    database
        .query(insert)
        .await
        .and_then(|r| r.check())
        .expect("the first one");
    let second = database.query(insert).await.and_then(|r| r.check());

    let error = second.expect_err("a duplicate is refused");
    assert!(db::is_unique_violation(&error), "{error}");
}
