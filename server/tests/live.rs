//! Live updates (Server-Sent Events on `/events`): a change reaches the
//! browsers of those who may see the project, at once, and nobody else's.

mod common;

use common::{new_client, process::Walker, spawn};
use std::time::Duration;

/// The event stream as `user` hears it.
async fn listen(walk: &mut Walker<'_>, user: &str) -> reqwest::Response {
    let client = walk.client(user).await;
    let response = client
        .get(walk.app.url("/events"))
        .send()
        .await
        .expect("the stream opens");
    assert_eq!(response.status(), 200, "{user} listens");
    response
}

/// The next `change` event within `wait`, if any (keep-alives skipped).
async fn next_change(stream: &mut reqwest::Response, wait: Duration) -> Option<String> {
    let deadline = tokio::time::Instant::now() + wait;
    let mut text = String::new();
    loop {
        let chunk = tokio::time::timeout_at(deadline, stream.chunk())
            .await
            .ok()?;
        let bytes = chunk.expect("the stream stays open")?;
        text.push_str(&String::from_utf8_lossy(&bytes));
        if let Some(start) = text.find("event: change") {
            let rest = &text[start..];
            if let Some(end) = rest.find("\n\n") {
                return Some(rest[..end].to_owned());
            }
        }
    }
}

#[tokio::test]
async fn a_change_reaches_those_who_may_see_it_and_no_one_else() {
    let app = spawn(&[]).await;
    let mut walk = Walker::new(&app).await;
    let id = walk.start("30000").await;
    let mut own_clerk = listen(&mut walk, "jwc.clerk").await;
    let mut it_head = listen(&mut walk, "it.head").await;
    let mut other_clerk = listen(&mut walk, "xsc.clerk").await;
    let mut outsider = listen(&mut walk, "contractor2").await;

    walk.walk_to(&id, 30_000, "initiation").await;

    for (who, stream) in [("jwc.clerk", &mut own_clerk), ("it.head", &mut it_head)] {
        let heard = next_change(stream, Duration::from_secs(2))
            .await
            .unwrap_or_else(|| panic!("{who} hears nothing within two seconds"));
        assert!(heard.contains(&id), "{who} heard {heard}");
    }
    for (who, stream) in [
        ("xsc.clerk", &mut other_clerk),
        ("contractor2", &mut outsider),
    ] {
        let heard = next_change(stream, Duration::from_millis(1500)).await;
        assert_eq!(heard, None, "{who} may not see the project");
    }
}

#[tokio::test]
async fn the_stream_is_only_for_the_signed_in() {
    let app = spawn(&[]).await;
    let response = new_client()
        .get(app.url("/events"))
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status(), 401);
}
