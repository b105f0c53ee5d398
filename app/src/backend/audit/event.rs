//! One event of the trail, and how it is sealed into the chain.

use crate::backend::auth::session::Actor;
use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};
use surrealdb::types::{Datetime, SurrealValue};

/// Who did it: a signed-in user, or the system itself (start-up seeding,
/// a command of the server binary).
#[derive(Clone, Debug)]
pub enum By {
    User {
        id: String,
        name: String,
        roles: String,
    },
    System(&'static str),
}

impl By {
    pub fn actor(actor: &Actor) -> Self {
        let roles: Vec<&str> = actor.roles().iter().map(|r| r.id()).collect();
        By::User {
            id: actor.id().to_owned(),
            name: actor.user.display_name.clone(),
            roles: roles.join(","),
        }
    }
}

/// What happened, before it has its place in the chain.
#[derive(Clone, Debug)]
pub struct Event {
    pub by: By,
    /// Dotted, e.g. `user.create`, `department.save`.
    pub action: &'static str,
    /// The record it concerns, e.g. `user:abc`.
    pub subject: String,
    pub stage_before: String,
    pub stage_after: String,
    pub comment: String,
    /// The acting user's principal when acting on someone's behalf.
    pub on_behalf_of: String,
    /// What changed, as compact JSON.
    pub details: String,
}

impl Event {
    pub fn new(by: By, action: &'static str, subject: String) -> Self {
        Event {
            by,
            action,
            subject,
            stage_before: String::new(),
            stage_after: String::new(),
            comment: String::new(),
            on_behalf_of: String::new(),
            details: String::new(),
        }
    }

    pub fn details(mut self, details: &impl Serialize) -> Self {
        self.details = serde_json::to_string(details).unwrap_or_default();
        self
    }

    /// Fixes the event's number, time and place in the chain.
    pub(super) fn seal(&self, seq: i64, prev_hash: &str) -> Sealed {
        // Milliseconds are what the database keeps and the hash covers.
        self.seal_at(seq, prev_hash, Utc::now().timestamp_millis())
    }

    /// Seals the event at a given moment: for writing a trail in bulk
    /// (a synthetic college for measurements), where events happened at
    /// their own times rather than now.
    pub fn seal_at(&self, seq: i64, prev_hash: &str, at_ms: i64) -> Sealed {
        let at = DateTime::from_timestamp_millis(at_ms).unwrap_or_default();
        let (actor, actor_name, roles) = match &self.by {
            By::User { id, name, roles } => (id.clone(), name.clone(), roles.clone()),
            By::System(what) => ("system".to_owned(), (*what).to_owned(), String::new()),
        };
        let mut sealed = Sealed {
            seq,
            at: Datetime::from(at),
            actor,
            actor_name,
            roles,
            on_behalf_of: self.on_behalf_of.clone(),
            action: self.action.to_owned(),
            subject: self.subject.clone(),
            stage_before: self.stage_before.clone(),
            stage_after: self.stage_after.clone(),
            comment: self.comment.clone(),
            details: self.details.clone(),
            prev_hash: prev_hash.to_owned(),
            hash: String::new(),
        };
        sealed.hash = sealed.expected_hash();
        sealed
    }
}

/// An event as stored.
#[derive(Clone, Debug, SurrealValue)]
pub struct Sealed {
    pub seq: i64,
    pub at: Datetime,
    pub actor: String,
    pub actor_name: String,
    pub roles: String,
    pub on_behalf_of: String,
    pub action: String,
    pub subject: String,
    pub stage_before: String,
    pub stage_after: String,
    pub comment: String,
    pub details: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The fields the hash covers, in a fixed order.
#[derive(Serialize)]
struct Covered<'a> {
    seq: i64,
    at_ms: i64,
    actor: &'a str,
    actor_name: &'a str,
    roles: &'a str,
    on_behalf_of: &'a str,
    action: &'a str,
    subject: &'a str,
    stage_before: &'a str,
    stage_after: &'a str,
    comment: &'a str,
    details: &'a str,
}

impl Sealed {
    /// SHA-256 of the previous hash and this event's covered fields.
    pub fn expected_hash(&self) -> String {
        let covered = Covered {
            seq: self.seq,
            at_ms: self.at.timestamp_millis(),
            actor: &self.actor,
            actor_name: &self.actor_name,
            roles: &self.roles,
            on_behalf_of: &self.on_behalf_of,
            action: &self.action,
            subject: &self.subject,
            stage_before: &self.stage_before,
            stage_after: &self.stage_after,
            comment: &self.comment,
            details: &self.details,
        };
        let body = serde_json::to_string(&covered).unwrap_or_default();
        let mut hasher = Sha256::new();
        hasher.update(self.prev_hash.as_bytes());
        hasher.update(b"\n");
        hasher.update(body.as_bytes());
        hex::encode(hasher.finalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changing_any_covered_field_changes_the_hash() {
        let event = Event::new(By::System("test"), "user.create", "user:a".into());
        let sealed = event.seal(1, "");
        assert_eq!(sealed.hash, sealed.expected_hash());

        let mut edited = sealed.clone();
        edited.comment = "edited".into();
        assert_ne!(edited.expected_hash(), sealed.hash);
        let mut relinked = sealed.clone();
        relinked.prev_hash = "0".repeat(64);
        assert_ne!(relinked.expected_hash(), sealed.hash);
    }
}
