//! Backup and restore: a restored copy is the same database, record for
//! record, and its audit trail verifies; a restore never mixes into a
//! database that holds data, and a tampered trail is not accepted.

mod common;

use app::backend::{backup, db};
use common::spawn;
use std::path::{Path, PathBuf};
use std::process::Command;
use surrealdb::types::Value;

fn scratch(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!(
        "isflow-backup-{name}-{}-{}",
        std::process::id(),
        app::backend::ids::new_key()
    ));
    std::fs::create_dir_all(&folder).expect("a scratch folder");
    folder
}

async fn empty_database() -> db::Db {
    let settings = db::DbSettings {
        url: "mem://".into(),
        user: None,
        password: None,
    };
    db::connect(&settings).await.expect("an empty database")
}

async fn records(db: &db::Db, table: &str) -> Vec<Value> {
    db.query("SELECT * FROM type::table($table) ORDER BY id")
        .bind(("table", table.to_owned()))
        .await
        .and_then(|mut response| response.take(0))
        .expect("the table reads")
}

#[tokio::test]
async fn a_restored_backup_is_identical_record_for_record() {
    let app = spawn(&[("ISFLOW_DEMO_PROJECTS", "1")]).await;
    let original = &app.state.db;
    let folder = scratch("identical");
    let file = folder.join("isflow.surql");

    let written = backup::export(original, &file).await.expect("a backup");
    let copy = empty_database().await;
    let restored = backup::restore(&copy, &file).await.expect("a restore");

    assert_eq!(written, restored, "the same tables with the same counts");
    for table in [
        "project",
        "project_entry",
        "document",
        "blob",
        "audit_event",
        "change_request",
    ] {
        assert!(
            written.get(table).copied().unwrap_or(0) > 0,
            "{table} has records"
        );
    }
    for table in backup::tables(original).await.expect("tables") {
        assert_eq!(
            records(original, &table).await,
            records(&copy, &table).await,
            "{table} is the same"
        );
    }
    let again = folder.join("again.surql");
    backup::export(&copy, &again)
        .await
        .expect("a second backup");
    let first = std::fs::read_to_string(&file).expect("the first file");
    let second = std::fs::read_to_string(&again).expect("the second file");
    assert!(first == second, "backing up the copy gives the same file");
    assert!(!folder.join("isflow.surql.partial").exists());
    let _ = std::fs::remove_dir_all(folder);
}

#[tokio::test]
async fn a_restore_into_a_database_with_data_is_refused_and_changes_nothing() {
    let app = spawn(&[]).await;
    let folder = scratch("not-empty");
    let file = folder.join("isflow.surql");
    backup::export(&app.state.db, &file)
        .await
        .expect("a backup");
    let before = backup::counts(&app.state.db).await.expect("counts");

    let refused = backup::restore(&app.state.db, &file).await;

    assert!(
        matches!(refused, Err(backup::BackupError::NotEmpty(_))),
        "{refused:?}"
    );
    assert_eq!(backup::counts(&app.state.db).await.expect("counts"), before);
    let _ = std::fs::remove_dir_all(folder);
}

#[tokio::test]
async fn a_backup_of_a_tampered_trail_is_not_accepted_as_restored() {
    let app = spawn(&[]).await;
    app.state
        .db
        .query("UPDATE audit_event SET comment = 'rewritten' WHERE seq = 2")
        .await
        .and_then(|response| response.check())
        .expect("the edit");
    let folder = scratch("tampered");
    let file = folder.join("isflow.surql");
    backup::export(&app.state.db, &file)
        .await
        .expect("a backup");

    let restored = backup::restore(&empty_database().await, &file).await;

    assert!(
        matches!(
            restored,
            Err(backup::BackupError::Trail(
                app::backend::audit::Break::Edited { seq: 2 }
            ))
        ),
        "{restored:?}"
    );
    let _ = std::fs::remove_dir_all(folder);
}

/// The commands as an administrator runs them, on the embedded database.
fn isflow(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_isflow"))
        .args(args)
        .env("ISFLOW_DB", format!("surrealkv://{}", db.display()))
        .env("ISFLOW_ADMIN_PASSWORD", "a long enough password 1")
        .env("RUST_LOG", "warn")
        .output()
        .expect("the binary runs")
}

fn said(output: &std::process::Output) -> String {
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    text
}

#[test]
fn the_backup_and_restore_commands_round_trip_the_embedded_database() {
    let folder = scratch("commands");
    let (live, restored) = (folder.join("live"), folder.join("restored"));
    let file = folder.join("backup.surql");
    let file_arg = file.display().to_string();

    assert!(
        isflow(&live, &["create-admin", "zhang.admin"])
            .status
            .success()
    );
    assert!(isflow(&live, &["backup", &file_arg]).status.success());
    let restore = isflow(&restored, &["restore", &file_arg]);
    assert!(restore.status.success(), "{}", said(&restore));
    assert!(isflow(&restored, &["verify-audit"]).status.success());

    let twice = isflow(&restored, &["restore", &file_arg]);
    assert!(!twice.status.success());
    assert!(said(&twice).contains("empty"), "{}", said(&twice));
    let missing = isflow(&restored, &["restore", "/no/such/backup.surql"]);
    assert!(!missing.status.success());
    let _ = std::fs::remove_dir_all(folder);
}
