//! One signed-in browser: its own cookies and connection, and requests
//! that time themselves.

use super::stats::{Outcome, Recorder};
use crate::Failure;
use reqwest::{Client, header};
use serde::de::DeserializeOwned;
use std::time::{Duration, Instant};

pub struct Session {
    pub base: String,
    pub user_name: String,
    client: Client,
    pub recorder: Recorder,
}

/// What a timed request brought back.
pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json<T: DeserializeOwned>(&self) -> Option<T> {
        if self.status == 200 {
            serde_json::from_slice(&self.body).ok()
        } else {
            None
        }
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

pub fn client() -> Result<Client, Failure> {
    Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .build()
        .map_err(|error| Failure(format!("http client: {error}")))
}

impl Session {
    pub async fn sign_in(base: &str, user_name: &str, password: &str) -> Result<Session, Failure> {
        let session = Session {
            base: base.to_owned(),
            user_name: user_name.to_owned(),
            client: client()?,
            recorder: Recorder::default(),
        };
        let form = [("user_name", user_name), ("password", password)];
        let answer = session
            .send(session.post("/api/auth/sign_in").form(&form))
            .await;
        match answer {
            Some(answer) if answer.status == 200 => Ok(session),
            Some(answer) => Err(Failure(format!(
                "{user_name} could not sign in: {} {}",
                answer.status,
                answer.text()
            ))),
            None => Err(Failure(format!("{user_name} could not reach the server"))),
        }
    }

    fn post(&self, path: &str) -> reqwest::RequestBuilder {
        self.client
            .post(format!("{}{path}", self.base))
            .header(header::ORIGIN, &self.base)
            .header(header::ACCEPT, "application/json")
    }

    async fn send(&self, request: reqwest::RequestBuilder) -> Option<Answer> {
        let response = request.send().await.ok()?;
        let status = response.status().as_u16();
        let body = response.bytes().await.ok()?.to_vec();
        Some(Answer { status, body })
    }

    /// Sends, times and records the request under `operation`.
    async fn timed(&mut self, operation: &'static str, request: reqwest::RequestBuilder) -> Answer {
        let started = Instant::now();
        let answer = self.send(request).await;
        let took = started.elapsed();
        let answer = answer.unwrap_or(Answer {
            status: 599,
            body: Vec::new(),
        });
        let outcome = Outcome::of_status(answer.status);
        if outcome == Outcome::Error {
            tracing::warn!(operation, status = answer.status, user = %self.user_name, "server error");
        }
        self.recorder.record(operation, took, outcome);
        answer
    }

    /// A page, as a browser's first load of it.
    pub async fn page(&mut self, operation: &'static str, path: &str) -> Answer {
        let request = self
            .client
            .get(format!("{}{path}", self.base))
            .header(header::ACCEPT, "text/html");
        self.timed(operation, request).await
    }

    /// A server function call, as the hydrated page makes it.
    pub async fn call(
        &mut self,
        operation: &'static str,
        endpoint: &str,
        body: serde_json::Value,
    ) -> Answer {
        let request = self.post(&format!("/api/{endpoint}")).json(&body);
        self.timed(operation, request).await
    }

    /// The same call, not counted: setting up what the measured run uses.
    pub async fn call_untimed(&self, endpoint: &str, body: serde_json::Value) -> Option<Answer> {
        self.send(self.post(&format!("/api/{endpoint}")).json(&body))
            .await
    }
}

/// The project ids a page links to, as a user would click them.
pub fn project_links(html: &str) -> Vec<String> {
    html.split("href=\"/projects/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|id| {
            *id != "new" && !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric())
        })
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_projects_are_found_and_other_links_are_not() {
        let html = r#"<a href="/projects/abc123">x</a><a href="/projects/new">n</a>
            <a href="/projects/def/print">p</a><a href="/board">b</a>"#;
        assert_eq!(project_links(html), vec!["abc123"]);
    }
}
