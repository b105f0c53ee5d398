//! The ISFlow web server: configuration, the router and its policies.
//! `main.rs` is only the command line around it.

pub mod cli;
pub mod config;
mod documents;
mod exports;
mod language;
mod live;
mod security;

use app::{App, backend, backend::AppState, shell};
use axum::{
    Router,
    extract::{DefaultBodyLimit, MatchedPath, Request},
    http::StatusCode,
    middleware,
    response::Response,
    routing::{get, post},
};
use config::Config;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::sync::Arc;
use tower_http::{compression::CompressionLayer, limit::RequestBodyLimitLayer, trace::TraceLayer};

/// Opens the database (creating the demo college when asked) and builds
/// the router that serves ISFlow.
pub async fn build(config: &Config) -> Result<(Router, AppState), StartError> {
    let db = backend::db::open(&config.db).await?;
    if config.demo {
        let created = backend::demo::seed_if_empty(&db)
            .await
            .map_err(|_| StartError::Demo)?;
        if created && config.demo_projects {
            backend::demo_projects::seed(&db)
                .await
                .map_err(|_| StartError::Demo)?;
        }
    }

    let leptos_options = LeptosOptions::builder()
        .output_name("isflow")
        .site_root(config.site_root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .site_addr(config.address)
        .build();
    let live = backend::live::LiveHub::default();
    if let Err(error) = live.listen(&db).await {
        // ISFlow works without live updates; pages then change on reload.
        tracing::error!(%error, "live updates are off: the database refused the live queries");
    }
    let state = AppState {
        leptos_options: leptos_options.clone(),
        db,
        settings: Arc::new(config.settings.clone()),
        live,
    };
    Ok((router(state.clone(), config), state))
}

/// Forms and JSON bodies are a few kilobytes; a bound keeps a flood of
/// bytes from reaching memory.
const MAX_REQUEST_BYTES: usize = 256 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Database(#[from] backend::db::OpenError),
    #[error("the demo college could not be created (see the log above)")]
    Demo,
}

fn router(state: AppState, config: &Config) -> Router {
    let routes = generate_route_list(App);
    let origin_policy = security::OriginPolicy {
        public_origin: config.public_origin.clone(),
    };
    let options = state.leptos_options.clone();

    let pages = Router::new()
        .route("/lang/{tag}", get(language::switch_language))
        .route("/health", get(|| async { "ok" }))
        .route("/events", get(live::events))
        .route("/exports/projects.xlsx", get(exports::projects_xlsx))
        .route("/exports/systems.xlsx", get(exports::systems_xlsx))
        .route("/exports/changes.xlsx", get(exports::changes_xlsx))
        .route("/exports/changes/{file}", get(exports::change_docx))
        .leptos_routes_with_context(&state, routes, || (), move || shell(options.clone()))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(RequestBodyLimitLayer::new(MAX_REQUEST_BYTES));
    // Documents have their own, much larger, limit.
    let files = Router::new()
        .route("/projects/{id}/documents", post(documents::upload))
        .route("/changes/{id}/documents", post(documents::upload_to_change))
        .route("/documents/{id}", get(documents::download))
        .layer(middleware::map_response(refuse_too_large))
        .layer(DefaultBodyLimit::max(config.upload_limit));

    Router::new()
        .merge(files)
        .merge(pages)
        .layer(middleware::from_fn(security::server_function_status))
        .layer(middleware::from_fn_with_state(
            origin_policy,
            security::refuse_cross_site,
        ))
        .layer(middleware::from_fn(security::security_headers))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .with_state(state)
}

/// The size limit answers in the words of every other refusal.
async fn refuse_too_large(response: Response) -> Response {
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        documents::too_large()
    } else {
        response
    }
}

/// One span per request, named by the route it matched rather than the
/// raw path, so logs group by route and carry no record ids in the name.
fn request_span(request: &Request) -> tracing::Span {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(MatchedPath::as_str)
        .unwrap_or("fallback");
    tracing::info_span!("request", method = %request.method(), route, path = %request.uri().path())
}
