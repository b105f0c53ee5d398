//! Cross-site requests, malformed bodies and response headers.

mod common;

use common::{DEMO_PASSWORD, spawn};
use reqwest::header;

async fn sign_in_with(app: &common::TestApp, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = app
        .client
        .post(app.url("/api/auth/sign_in"))
        .form(&[("user_name", "admin"), ("password", DEMO_PASSWORD)]);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.expect("answered")
}

#[tokio::test]
async fn requests_from_other_sites_are_refused_before_anything_happens() {
    let app = spawn(&[]).await;
    let cases: [&[(&str, &str)]; 4] = [
        &[("origin", "http://evil.example")],
        &[("sec-fetch-site", "cross-site")],
        &[("origin", "null")],
        &[],
    ];
    for headers in cases {
        let response = sign_in_with(&app, headers).await;
        assert_eq!(response.status(), 403, "{headers:?}");
        assert!(response.headers().get(header::SET_COOKIE).is_none());
    }
    let ours = sign_in_with(&app, &[("sec-fetch-site", "same-origin")]).await;
    assert_eq!(ours.status(), 200);
}

#[tokio::test]
async fn server_functions_that_change_data_do_not_answer_get() {
    let app = spawn(&[]).await;
    let url = app.url("/api/auth/sign_in?user_name=admin&password=isflow-demo");
    let response = app.client.get(url).send().await.expect("answered");

    assert!(response.headers().get(header::SET_COOKIE).is_none());
    assert!(response.status().is_client_error(), "{}", response.status());
}

#[tokio::test]
async fn malformed_bodies_get_a_bad_request_not_a_server_error() {
    let app = spawn(&[]).await;
    let admin = app.client_for("admin").await;
    let bodies = [
        "{",
        "[]",
        "{\"user\": 5}",
        "{\"user\": {\"user_name\": [1,2]}}",
        "\u{0}\u{1}",
        "<script>alert(1)</script>",
    ];
    for body in bodies {
        let response = admin
            .post(app.url("/api/admin/users/create"))
            .header(header::ORIGIN, &app.base)
            .header(header::CONTENT_TYPE, "application/json")
            .body(body)
            .send()
            .await
            .expect("answered");
        assert_eq!(response.status(), 400, "{body:?}");
    }
    let garbage = app
        .client
        .post(app.url("/api/auth/sign_in"))
        .header(header::ORIGIN, &app.base)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(vec![0xff, 0xfe, 0x00, b'=', 0x80])
        .send()
        .await
        .expect("answered");
    assert!(garbage.status().is_client_error(), "{}", garbage.status());
}

#[tokio::test]
async fn pages_carry_the_security_headers_and_a_nonce_policy() {
    let app = spawn(&[]).await;
    let response = app
        .client
        .get(app.url("/sign-in"))
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status(), 200);

    let headers = response.headers().clone();
    let policy = headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("ascii");
    assert!(policy.contains("'nonce-"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    assert!(policy.contains("frame-ancestors 'none'"));
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY");
    assert_eq!(headers[header::REFERRER_POLICY], "same-origin");
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");

    // Every inline script on the page carries the nonce the policy names.
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("nonce");
    let html = response.text().await.expect("html");
    for script in html.split("<script").skip(1) {
        let tag = script.split('>').next().unwrap_or_default();
        assert!(
            tag.contains(&format!("nonce=\"{nonce}\"")) || tag.contains("src="),
            "{tag}"
        );
    }
}

#[tokio::test]
async fn an_unknown_page_is_a_not_found_page() {
    let app = spawn(&[]).await;
    let response = app
        .client
        .get(app.url("/no/such/page"))
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn the_language_link_sets_the_cookie_and_goes_back_only_to_this_site() {
    let app = spawn(&[]).await;
    let back_home = app
        .client
        .get(app.url("/lang/en?back=/reference"))
        .send()
        .await
        .expect("answered");
    assert_eq!(back_home.status(), 303);
    assert_eq!(back_home.headers()[header::LOCATION], "/reference");
    let cookie = back_home.headers()[header::SET_COOKIE]
        .to_str()
        .expect("ascii");
    assert!(cookie.starts_with("isflow_lang=en"));

    let elsewhere = app
        .client
        .get(app.url("/lang/en?back=//evil.example"))
        .send()
        .await
        .expect("answered");
    assert_eq!(elsewhere.headers()[header::LOCATION], "/");
}

#[tokio::test]
async fn pages_render_in_the_language_of_the_cookie() {
    let app = spawn(&[]).await;
    let chinese = app
        .client
        .get(app.url("/sign-in"))
        .send()
        .await
        .expect("answered");
    assert!(
        chinese
            .text()
            .await
            .expect("html")
            .contains("请使用学校分配的用户名和密码登录")
    );

    let english = app
        .client
        .get(app.url("/sign-in"))
        .header(header::COOKIE, "isflow_lang=en")
        .send()
        .await
        .expect("answered");
    let html = english.text().await.expect("html");
    assert!(html.contains("Sign in with the user name and password"));
    assert!(html.contains("lang=\"en\""));
}

#[tokio::test]
async fn an_oversized_body_is_refused_without_a_server_error() {
    let app = spawn(&[]).await;
    let huge = "x".repeat(2 * 1024 * 1024);
    let response = app
        .client
        .post(app.url("/api/auth/sign_in"))
        .header(header::ORIGIN, &app.base)
        .form(&[("user_name", "admin"), ("password", huge.as_str())])
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status(), 413);
}
