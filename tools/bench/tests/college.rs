//! A generated college holds what the benchmark says it holds, and passes
//! the same checks the crash test applies after every kill: every
//! project's version matches its trail and the hash chain verifies.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bench(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isflow-bench"))
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .expect("isflow-bench runs")
}

fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn scratch() -> PathBuf {
    let folder = std::env::temp_dir().join(format!("isflow-bench-college-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a scratch folder");
    folder
}

fn path(file: &Path) -> String {
    file.display().to_string()
}

#[test]
fn a_generated_college_is_consistent_with_its_own_audit_trail() {
    let folder = scratch();
    let db = format!("surrealkv://{}", folder.join("db").display());
    let counts_file = folder.join("counts.json");

    let generated = bench(&[
        "generate",
        "--db",
        &db,
        "--projects",
        "120",
        "--users",
        "200",
        "--counts",
        &path(&counts_file),
    ]);
    assert!(generated.status.success(), "{}", said(&generated));
    let counts: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&counts_file).expect("counts written"))
            .expect("counts are JSON");
    assert_eq!(counts["projects"], 120);
    let events = counts["events"].as_u64().expect("an event count");
    assert!(
        events > 120 * 5,
        "a trail of several events per project: {events}"
    );
    assert!(counts["documents"].as_u64() > Some(0), "{counts}");

    let none_acknowledged = folder.join("acknowledged.json");
    std::fs::write(&none_acknowledged, "[]").expect("written");
    let checked = bench(&[
        "crash-check",
        "--db",
        &db,
        "--acknowledged",
        &path(&none_acknowledged),
    ]);
    assert!(checked.status.success(), "{}", said(&checked));
    let verified: u64 = String::from_utf8_lossy(&checked.stdout)
        .trim()
        .parse()
        .expect("the number of verified events");
    assert!(
        verified >= events,
        "{verified} verified of {events} written"
    );

    // An acknowledged decision that the database does not hold is caught.
    let invented = folder.join("invented.json");
    std::fs::write(
        &invented,
        r#"[{"project":"nosuchproject","version_before":3,"stage":"initiation"}]"#,
    )
    .expect("written");
    let caught = bench(&[
        "crash-check",
        "--db",
        &db,
        "--acknowledged",
        &path(&invented),
    ]);
    assert!(!caught.status.success());
    assert!(said(&caught).contains("missing"), "{}", said(&caught));
    let _ = std::fs::remove_dir_all(folder);
}
