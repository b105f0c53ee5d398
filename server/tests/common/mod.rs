//! Starts ISFlow on an in-memory database with the demo college and talks
//! to it over HTTP, as a browser would.

#![allow(dead_code)] // each test binary uses a different part of this

pub mod process;

use reqwest::{Client, Response, header, redirect::Policy};
use serde_json::Value;
use server::config::Config;
use std::{collections::HashMap, net::SocketAddr};

pub const DEMO_PASSWORD: &str = "isflow-demo";

/// Every demo user, for tests that try a function as each of them.
pub const EVERYONE: [&str; 21] = [
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
    "expert2",
    "contractor",
    "contractor2",
];

pub struct TestApp {
    pub base: String,
    pub client: Client,
    /// The server's own state, for checks that go behind the HTTP API.
    pub state: app::backend::AppState,
}

/// A running server; `overrides` are `ISFLOW_*` settings on top of the
/// test defaults (in-memory database, demo college).
pub async fn spawn(overrides: &[(&str, &str)]) -> TestApp {
    // Logs show only for failing tests (the test writer is captured).
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new("warn,app=info"))
        .with_test_writer()
        .try_init();
    let mut settings: HashMap<String, String> = HashMap::from([
        ("ISFLOW_DB".into(), "mem://".into()),
        ("ISFLOW_DEMO".into(), "1".into()),
        // Tests make the projects they look at; the sample ones only where
        // a test asks for them.
        ("ISFLOW_DEMO_PROJECTS".into(), "0".into()),
        ("ISFLOW_SITE_ROOT".into(), "../target/site".into()),
    ]);
    for (name, value) in overrides {
        settings.insert((*name).into(), (*value).into());
    }
    let config =
        Config::from_lookup(|name| settings.get(name).cloned()).expect("test config is valid");
    let (router, state) = server::build(&config).await.expect("the app starts");

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let address = listener.local_addr().expect("a bound address");
    let service = router.into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, service).await });

    TestApp {
        base: format!("http://{address}"),
        client: new_client(),
        state,
    }
}

/// A browser of its own: its own cookies, no redirects followed.
pub fn new_client() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .expect("a client")
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A form post from one of ISFlow's own pages.
    pub async fn post_form(&self, client: &Client, path: &str, form: &[(&str, &str)]) -> Response {
        client
            .post(self.url(path))
            .header(header::ORIGIN, &self.base)
            .header(header::ACCEPT, "application/json")
            .form(form)
            .send()
            .await
            .expect("the request is answered")
    }

    pub async fn post_json(&self, client: &Client, path: &str, body: Value) -> Response {
        client
            .post(self.url(path))
            .header(header::ORIGIN, &self.base)
            .json(&body)
            .send()
            .await
            .expect("the request is answered")
    }

    pub async fn sign_in(&self, client: &Client, user_name: &str, password: &str) -> Response {
        self.post_form(
            client,
            "/api/auth/sign_in",
            &[("user_name", user_name), ("password", password)],
        )
        .await
    }

    /// A fresh client signed in as a demo user.
    pub async fn client_for(&self, user_name: &str) -> Client {
        let client = new_client();
        let response = self.sign_in(&client, user_name, DEMO_PASSWORD).await;
        assert_eq!(response.status(), 200, "{user_name} signs in");
        client
    }

    /// The signed-in user's name according to the server, if any.
    pub async fn session_user(&self, client: &Client) -> Option<String> {
        let response = self.post_form(client, "/api/auth/session", &[]).await;
        assert_eq!(response.status(), 200);
        let body: Value = response.json().await.expect("json");
        body.get("user_name")
            .and_then(Value::as_str)
            .map(str::to_owned)
    }
}

/// The `isflow_session=…` pair from a response's cookies.
pub fn session_cookie(response: &Response) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("isflow_session="))
        .map(str::to_owned)
}

pub async fn error_of(response: Response) -> Value {
    response.json().await.expect("an error body in JSON")
}
