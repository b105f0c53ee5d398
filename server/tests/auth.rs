//! Signing in and out over HTTP: cookies, sessions, throttling.

mod common;

use common::{DEMO_PASSWORD, error_of, new_client, session_cookie, spawn};
use reqwest::header;
use serde_json::json;

#[tokio::test]
async fn signing_in_sets_an_http_only_same_site_secure_cookie() {
    let app = spawn(&[("ISFLOW_SECURE_COOKIES", "1")]).await;
    let client = new_client();

    let response = app.sign_in(&client, "jwc.clerk", DEMO_PASSWORD).await;

    assert_eq!(response.status(), 200);
    let cookie = session_cookie(&response).expect("a session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn the_session_knows_who_signed_in() {
    let app = spawn(&[]).await;
    let client = app.client_for("it.head").await;

    assert_eq!(app.session_user(&client).await.as_deref(), Some("it.head"));
    assert_eq!(app.session_user(&new_client()).await, None);
}

#[tokio::test]
async fn an_unknown_user_and_a_wrong_password_get_the_same_answer() {
    let app = spawn(&[]).await;

    let unknown = app
        .sign_in(&new_client(), "nobody.here", DEMO_PASSWORD)
        .await;
    let wrong = app
        .sign_in(&new_client(), "jwc.clerk", "not the password")
        .await;

    assert_eq!(unknown.status(), 401);
    assert_eq!(wrong.status(), 401);
    assert!(session_cookie(&wrong).is_none());
    assert_eq!(error_of(unknown).await, error_of(wrong).await);
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let app = spawn(&[]).await;
    let client = new_client();
    let signed_in = app.sign_in(&client, "finance", DEMO_PASSWORD).await;
    let token = session_cookie(&signed_in)
        .expect("a cookie")
        .split(';')
        .next()
        .map(str::to_owned);

    let response = app.post_form(&client, "/api/auth/sign_out", &[]).await;
    assert_eq!(response.status(), 200);

    // Replaying the old cookie from elsewhere no longer works.
    let replay = app
        .client
        .post(app.url("/api/auth/session"))
        .header(header::ORIGIN, &app.base)
        .header(header::COOKIE, token.expect("a token"))
        .send()
        .await
        .expect("answered");
    assert_eq!(replay.text().await.expect("body"), "null");
}

#[tokio::test]
async fn signing_in_again_replaces_the_session_id() {
    let app = spawn(&[]).await;
    let client = new_client();
    let first =
        session_cookie(&app.sign_in(&client, "audit", DEMO_PASSWORD).await).expect("cookie");
    let second =
        session_cookie(&app.sign_in(&client, "audit", DEMO_PASSWORD).await).expect("cookie");
    assert_ne!(first, second);

    let old = first.split(';').next().expect("pair").to_owned();
    let replay = app
        .client
        .post(app.url("/api/auth/session"))
        .header(header::ORIGIN, &app.base)
        .header(header::COOKIE, old)
        .send()
        .await
        .expect("answered");
    assert_eq!(replay.text().await.expect("body"), "null");
}

#[tokio::test]
async fn an_idle_session_expires() {
    let app = spawn(&[("ISFLOW_SESSION_IDLE_MINUTES", "0")]).await;
    let client = app.client_for("president").await;

    tokio::time::sleep(std::time::Duration::from_millis(20)).await;

    assert_eq!(app.session_user(&client).await, None);
    let form = [
        ("current_password", DEMO_PASSWORD),
        ("new_password", "another long password"),
        ("repeat_password", "another long password"),
    ];
    let refused = app
        .post_form(&client, "/api/auth/change_password", &form)
        .await;
    assert_eq!(refused.status(), 401);
    assert_eq!(error_of(refused).await, json!("NotSignedIn"));
}

#[tokio::test]
async fn repeated_failures_lock_the_account_even_for_the_right_password() {
    let app = spawn(&[("ISFLOW_SIGN_IN_FAILURES_PER_ACCOUNT", "3")]).await;
    for _ in 0..3 {
        let response = app
            .sign_in(&new_client(), "jwc.head", "guess guess guess")
            .await;
        assert_eq!(response.status(), 401);
    }

    let locked = app.sign_in(&new_client(), "jwc.head", DEMO_PASSWORD).await;

    assert_eq!(locked.status(), 429);
    assert_eq!(error_of(locked).await, json!("TooManyAttempts"));
    // Other accounts are not affected by one account's lock.
    assert_eq!(
        app.sign_in(&new_client(), "xsc.head", DEMO_PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn repeated_failures_from_one_address_lock_that_address() {
    let app = spawn(&[("ISFLOW_SIGN_IN_FAILURES_PER_CLIENT", "4")]).await;
    for name in ["a.one", "b.two", "c.three", "d.four"] {
        assert_eq!(
            app.sign_in(&new_client(), name, "wrong password")
                .await
                .status(),
            401
        );
    }

    let locked = app.sign_in(&new_client(), "it.clerk", DEMO_PASSWORD).await;

    assert_eq!(locked.status(), 429);
}

#[tokio::test]
async fn changing_the_password_keeps_this_session_and_needs_the_current_one() {
    let app = spawn(&[]).await;
    let client = app.client_for("expert").await;
    let form = |current: &'static str| {
        vec![
            ("current_password", current),
            ("new_password", "a brand new secret"),
            ("repeat_password", "a brand new secret"),
        ]
    };

    let wrong = app
        .post_form(
            &client,
            "/api/auth/change_password",
            &form("not mine at all"),
        )
        .await;
    assert_eq!(wrong.status(), 422);
    assert_eq!(
        error_of(wrong).await,
        json!({ "Invalid": "CurrentPasswordWrong" })
    );

    let changed = app
        .post_form(&client, "/api/auth/change_password", &form(DEMO_PASSWORD))
        .await;
    assert_eq!(changed.status(), 200);
    assert_eq!(app.session_user(&client).await.as_deref(), Some("expert"));
    assert_eq!(
        app.sign_in(&new_client(), "expert", DEMO_PASSWORD)
            .await
            .status(),
        401
    );
    assert_eq!(
        app.sign_in(&new_client(), "expert", "a brand new secret")
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn a_plain_form_post_is_redirected_to_the_requested_page() {
    let app = spawn(&[]).await;
    let response = app
        .client
        .post(app.url("/api/auth/sign_in"))
        .header(header::ORIGIN, &app.base)
        .header(header::ACCEPT, "text/html")
        .form(&[
            ("user_name", "jwc.clerk"),
            ("password", DEMO_PASSWORD),
            ("next", "/account"),
        ])
        .send()
        .await
        .expect("answered");

    assert_eq!(response.status(), 302);
    assert_eq!(response.headers()[header::LOCATION], "/account");
}

#[tokio::test]
async fn parallel_guesses_cannot_slip_under_the_limit() {
    let app = std::sync::Arc::new(spawn(&[("ISFLOW_SIGN_IN_FAILURES_PER_ACCOUNT", "3")]).await);
    let guesses: Vec<_> = (0..12)
        .map(|i| {
            let app = std::sync::Arc::clone(&app);
            tokio::spawn(async move {
                app.sign_in(&new_client(), "it.dev", &format!("guess number {i}"))
                    .await
                    .status()
            })
        })
        .collect();

    let mut statuses = Vec::new();
    for guess in guesses {
        statuses.push(guess.await.expect("a guess is answered"));
    }

    let verified = statuses.iter().filter(|s| s.as_u16() == 401).count();
    assert!(
        verified <= 3,
        "only the allowed number of guesses reach the password check: {statuses:?}"
    );
    assert_eq!(
        app.sign_in(&new_client(), "it.dev", DEMO_PASSWORD)
            .await
            .status(),
        429
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_address_the_proxy_saw_counts() {
    let app = spawn(&[
        ("ISFLOW_TRUST_FORWARDED_FOR", "1"),
        ("ISFLOW_SIGN_IN_FAILURES_PER_CLIENT", "2"),
    ])
    .await;
    let from = |forwarded: &'static str| {
        let app = &app;
        async move {
            app.client
                .post(app.url("/api/auth/sign_in"))
                .header(header::ORIGIN, &app.base)
                .header("x-forwarded-for", forwarded)
                .form(&[("user_name", "nobody.one"), ("password", "wrong password")])
                .send()
                .await
                .expect("answered")
                .status()
        }
    };

    // The client varies the part it writes; the proxy's part stays.
    assert_eq!(from("1.1.1.1, 10.0.0.7").await, 401);
    assert_eq!(from("2.2.2.2, 10.0.0.7").await, 401);
    assert_eq!(from("3.3.3.3, 10.0.0.7").await, 429);
    assert_eq!(from("4.4.4.4, 10.0.0.8").await, 401);
}
