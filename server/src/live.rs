//! The stream of changes a browser shows, as Server-Sent Events: one
//! `change` event for each change to a project or change request its user
//! may see, and nothing about anything else.

use crate::documents::{refusal, session_token, signed_in};
use app::backend::{AppState, auth, live::LiveEvent, projects::load_visible};
use axum::{
    extract::State,
    http::HeaderMap,
    response::{
        IntoResponse, Response,
        sse::{Event, KeepAlive, Sse},
    },
};
use futures::StreamExt;
use std::convert::Infallible;
use tokio::sync::broadcast::{Receiver, error::RecvError};

pub async fn events(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(error) = signed_in(&state, &headers).await {
        return refusal(error);
    }
    let token = session_token(&headers);
    let receiver = state.live.subscribe();
    let closing = state.live.closing();
    let stream = futures::stream::unfold(
        (state, token, receiver),
        |(state, token, mut receiver)| async move {
            let event = next_for(&state, token.as_deref(), &mut receiver).await?;
            Some((Ok::<_, Infallible>(event), (state, token, receiver)))
        },
    )
    // A shutting-down server ends the stream; the browser reconnects to
    // whichever server answers next.
    .take_until(closing);
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

/// The next event this browser may hear of; `None` ends the stream.
async fn next_for(
    state: &AppState,
    token: Option<&str>,
    receiver: &mut Receiver<LiveEvent>,
) -> Option<Event> {
    loop {
        match receiver.recv().await {
            Ok(change) => {
                // Checked against the session as it is now: someone signed
                // out or disabled meanwhile hears nothing more.
                let actor = auth::current_actor(state, token).await.ok().flatten()?;
                if load_visible(&state.db, &actor, &change.project)
                    .await
                    .is_ok()
                {
                    return Event::default().event("change").json_data(&change).ok();
                }
            }
            // Too slow to keep up: the browser loads everything again.
            Err(RecvError::Lagged(missed)) => {
                tracing::info!(missed, "a browser missed changes; asking it to reload");
                return Some(Event::default().event("resync").data("all"));
            }
            Err(RecvError::Closed) => return None,
        }
    }
}
