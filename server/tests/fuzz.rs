//! Every server function, found through the registry rather than listed
//! by hand, receives thousands of malformed, oversized, wrongly typed and
//! hostile bodies. None may answer with a server error, none may make the
//! server panic, and none may write anything.

mod common;

use common::{TestApp, new_client, spawn};
use futures::StreamExt;
use rand::{Rng, SeedableRng, rngs::StdRng};
use reqwest::{Client, header};
use serde_json::{Value as Json, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use surrealdb::types::Value;

/// Bodies sent to each endpoint.
const BODIES_PER_ENDPOINT: usize = 1_000;
/// Endpoints fuzzed at the same time.
const AT_ONCE: usize = 6;

/// Strings meant to break something: markup, SurrealQL and shell
/// fragments, paths, control characters, look-alike digits, huge numbers.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'; DELETE FROM project; --",
    "x' OR 1=1 --",
    "user:⟨admin⟩",
    "type::record('user', 'admin')",
    "$me",
    "}; REMOVE TABLE user; {",
    "$(rm -rf /)",
    "../../../../etc/passwd",
    "\u{0}\u{1}\u{1b}[31m",
    "\u{202e}gnp.exe",
    "١٢٣٤٥",
    "-1",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "null",
    "",
    " ",
];

/// Argument names the server functions take, so that some bodies get past
/// the first key and reach the checks behind it.
const KEYS: &[&str] = &[
    "id",
    "version",
    "request",
    "on_behalf_of",
    "filter",
    "draft",
    "user",
    "changes",
    "department",
    "kind",
    "entry",
    "reason",
    "experts",
    "pool",
    "new_password",
    "decision",
    "stage",
    "return_to",
    "user_name",
    "password",
    "current",
    "new",
    "confirm",
    "opinion",
];

fn random_text(rng: &mut StdRng) -> String {
    match rng.random_range(0..4) {
        0 => HOSTILE[rng.random_range(0..HOSTILE.len())].to_owned(),
        1 => (0..rng.random_range(0..40))
            .map(|_| char::from_u32(rng.random_range(0..0x11_0000)).unwrap_or('\u{fffd}'))
            .collect(),
        2 => ["A", "项目", "\u{fe0f}"][rng.random_range(0..3)].repeat(rng.random_range(0..5_000)),
        _ => rng.random::<u64>().to_string(),
    }
}

fn random_json(rng: &mut StdRng, depth: usize) -> Json {
    let leaf = depth > 3 || rng.random_bool(0.4);
    match rng.random_range(0..if leaf { 5 } else { 7 }) {
        0 => Json::Null,
        1 => json!(rng.random::<bool>()),
        2 => json!(rng.random::<i64>()),
        3 => json!(rng.random::<f64>() * 1e300),
        4 => json!(random_text(rng)),
        5 => Json::Array(
            (0..rng.random_range(0..5))
                .map(|_| random_json(rng, depth + 1))
                .collect(),
        ),
        _ => random_object(rng, depth + 1),
    }
}

fn random_object(rng: &mut StdRng, depth: usize) -> Json {
    let mut object = serde_json::Map::new();
    for _ in 0..rng.random_range(0..5) {
        let key = if rng.random_bool(0.8) {
            KEYS[rng.random_range(0..KEYS.len())].to_owned()
        } else {
            random_text(rng)
        };
        object.insert(key, random_json(rng, depth));
    }
    Json::Object(object)
}

/// One body and the content type it claims.
fn random_body(rng: &mut StdRng) -> (Vec<u8>, &'static str) {
    let json_type = "application/json";
    let form_type = "application/x-www-form-urlencoded";
    match rng.random_range(0..9) {
        // Well-formed JSON of the wrong shape, or of the right keys with
        // the wrong values.
        0..=2 => (random_object(rng, 0).to_string().into_bytes(), json_type),
        3 => (random_json(rng, 0).to_string().into_bytes(), json_type),
        // Broken JSON: a valid document cut short, or nested too deep.
        4 => {
            let whole = random_object(rng, 0).to_string();
            let cut = rng.random_range(0..=whole.len());
            (whole.as_bytes()[..cut].to_vec(), json_type)
        }
        5 => {
            let depth = rng.random_range(100..20_000);
            (
                format!("{}{}", "[".repeat(depth), "]".repeat(depth)).into_bytes(),
                json_type,
            )
        }
        // Bytes that are not UTF-8 at all, under either content type.
        6 => {
            let bytes = (0..rng.random_range(0..512))
                .map(|_| rng.random::<u8>())
                .collect();
            (
                bytes,
                if rng.random_bool(0.5) {
                    json_type
                } else {
                    form_type
                },
            )
        }
        // Form posts with hostile values and broken escapes.
        7 => {
            let pairs: Vec<String> = (0..rng.random_range(0..5))
                .map(|_| {
                    let key = KEYS[rng.random_range(0..KEYS.len())];
                    let value: String = random_text(rng)
                        .bytes()
                        .map(|b| format!("%{b:02X}"))
                        .collect();
                    format!("{key}={value}%zz%")
                })
                .collect();
            (pairs.join("&").into_bytes(), form_type)
        }
        // More than the server reads.
        _ => (vec![b'{'; 300 * 1024], json_type),
    }
}

/// Everything stored, except what every request is meant to touch: the
/// session it is served under and the record of failed sign-ins.
async fn snapshot(app: &TestApp) -> Vec<(String, Vec<Value>)> {
    let tables = app::backend::backup::tables(&app.state.db)
        .await
        .expect("tables");
    let mut snapshot = Vec::new();
    for table in tables {
        if table == "session" || table == "sign_in_failure" {
            continue;
        }
        let records: Vec<Value> = app
            .state
            .db
            .query("SELECT * FROM type::table($table) ORDER BY id")
            .bind(("table", table.clone()))
            .await
            .and_then(|mut response| response.take(0))
            .expect("records");
        snapshot.push((table, records));
    }
    snapshot
}

/// The status answered, or why there was no answer.
async fn send(
    app: &TestApp,
    client: &Client,
    path: &str,
    body: Vec<u8>,
    kind: &str,
) -> Result<u16, String> {
    let attempt = |body: Vec<u8>| {
        client
            .post(app.url(path))
            .header(header::ORIGIN, &app.base)
            .header(header::CONTENT_TYPE, kind)
            .body(body)
            .send()
    };
    let first = match attempt(body.clone()).await {
        Ok(response) => return Ok(response.status().as_u16()),
        Err(error) => error,
    };
    // A kept-alive connection the server had just closed (after refusing
    // an oversized body unread) fails before it is used; sent again on a
    // fresh one, a body that kills its handler kills it again.
    if !first.is_request() {
        return Err(format!("{first:?}"));
    }
    match attempt(body).await {
        Ok(response) => Ok(response.status().as_u16()),
        Err(error) => Err(format!("{error:?}")),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_body_makes_any_server_function_fail_panic_or_write() {
    let panics = Arc::new(AtomicUsize::new(0));
    let counted = panics.clone();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        counted.fetch_add(1, Ordering::SeqCst);
        previous(info);
    }));

    let app = spawn(&[
        ("ISFLOW_DEMO_PROJECTS", "1"),
        ("ISFLOW_SIGN_IN_FAILURES_PER_CLIENT", "1000000"),
        ("ISFLOW_SIGN_IN_FAILURES_PER_ACCOUNT", "1000000"),
    ])
    .await;
    let clients = [
        new_client(),
        app.client_for("admin").await,
        app.client_for("jwc.clerk").await,
        app.client_for("it.head").await,
    ];
    let mut endpoints: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_owned())
        .collect();
    endpoints.sort();
    assert!(
        endpoints.len() >= 38,
        "every server function is registered: {endpoints:?}"
    );
    let before = snapshot(&app).await;

    let fuzzing = endpoints.iter().enumerate().map(|(index, path)| {
        let (app, clients) = (&app, &clients);
        async move {
            let mut rng = StdRng::seed_from_u64(0x0015_f10e + index as u64);
            let mut failures = Vec::new();
            for n in 0..BODIES_PER_ENDPOINT {
                // Signing out ends the session it is sent under; it is
                // tried without one, so that the others keep theirs.
                let client = if path.ends_with("/sign_out") {
                    &clients[0]
                } else {
                    &clients[n % clients.len()]
                };
                let (body, kind) = random_body(&mut rng);
                let shown = String::from_utf8_lossy(&body[..body.len().min(120)]).into_owned();
                match send(app, client, path, body, kind).await {
                    Ok(status) if status < 500 => {}
                    Ok(status) => failures.push(format!("{path} {status} {kind} {shown:?}")),
                    Err(error) => failures.push(format!("{path} no answer ({error}) {shown:?}")),
                }
            }
            failures
        }
    });
    let failures: Vec<String> = futures::stream::iter(fuzzing)
        .buffer_unordered(AT_ONCE)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .flatten()
        .collect();
    let sent = endpoints.len() * BODIES_PER_ENDPOINT;

    assert!(
        failures.is_empty(),
        "{} of {sent} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(panics.load(Ordering::SeqCst), 0, "a handler panicked");
    let after = snapshot(&app).await;
    for ((table, was), (_, is)) in before.iter().zip(&after) {
        assert!(was == is, "{table} changed");
    }
    assert_eq!(before.len(), after.len(), "no table was added or removed");
    let trail = app::backend::audit::verify(&app.state.db)
        .await
        .expect("verify");
    assert!(trail.first_break.is_none());
    let health = app
        .client
        .get(app.url("/health"))
        .send()
        .await
        .expect("alive");
    assert_eq!(health.status(), 200);
}
