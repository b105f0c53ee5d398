//! Everything that runs only on the server: the database, sign-in and
//! sessions, authorization, and the operations server functions call.

pub mod audit;
pub mod auth;
pub mod authz;
pub mod backup;
pub mod changes;
pub mod db;
pub mod delegations;
pub mod demo;
pub mod demo_changes;
pub mod demo_projects;
pub mod departments;
pub mod documents;
pub mod errors;
pub mod exports;
pub mod ids;
pub mod live;
pub mod migrations;
pub mod projects;
pub mod request;
pub mod security;
pub mod users;

use auth::{session::SessionPolicy, throttle::ThrottlePolicy};
use axum::extract::FromRef;
use db::Db;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// What every request can reach: handed to pages and server functions as
/// Leptos context, and to axum handlers as state.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub settings: Arc<Settings>,
    /// Changes to pass on to the browsers that show them.
    pub live: live::LiveHub,
}

/// The behaviour that configuration controls.
#[derive(Clone, Debug)]
pub struct Settings {
    pub session: SessionPolicy,
    pub throttle: ThrottlePolicy,
    /// Mark cookies `Secure` (when served over HTTPS).
    pub secure_cookies: bool,
    /// Take the client address from `X-Forwarded-For` (behind a proxy).
    pub trust_forwarded_for: bool,
}
