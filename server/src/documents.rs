//! Uploading and downloading project documents. They are plain HTTP
//! routes rather than server functions: an upload streams raw bytes far
//! larger than any form, under its own size limit, and a download answers
//! with the file itself.

use app::api::{AppError, Problem};
use app::backend::{AppState, auth, auth::session::COOKIE, documents};
use axum::{
    Json,
    body::Bytes,
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use percent_encoding::{NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

/// The header carrying the file's name, percent-encoded by the browser.
pub const NAME_HEADER: &str = "x-file-name";

pub async fn upload(
    State(state): State<AppState>,
    Path(project): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let actor = match signed_in(&state, &headers).await {
        Ok(actor) => actor,
        Err(error) => return refusal(error),
    };
    let name = file_name(&headers);
    match documents::store(&state.db, &actor, &project, &name, body.to_vec()).await {
        Ok(document) => (StatusCode::CREATED, Json(document)).into_response(),
        Err(error) => refusal(error),
    }
}

/// An upload archived with a change request: its test report, training
/// record or other papers.
pub async fn upload_to_change(
    State(state): State<AppState>,
    Path(change): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let actor = match signed_in(&state, &headers).await {
        Ok(actor) => actor,
        Err(error) => return refusal(error),
    };
    let name = file_name(&headers);
    match documents::store_for_change(&state.db, &actor, &change, &name, body.to_vec()).await {
        Ok(document) => (StatusCode::CREATED, Json(document)).into_response(),
        Err(error) => refusal(error),
    }
}

pub async fn download(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let actor = match signed_in(&state, &headers).await {
        Ok(actor) => actor,
        Err(error) => return refusal(error),
    };
    match documents::fetch(&state.db, &actor, &id).await {
        Ok((document, bytes)) => {
            let disposition = format!(
                "attachment; filename*=UTF-8''{}",
                utf8_percent_encode(&document.name, NON_ALPHANUMERIC)
            );
            let mut response = bytes.into_response();
            let headers = response.headers_mut();
            let typed = HeaderValue::from_str(&document.content_type);
            headers.insert(
                header::CONTENT_TYPE,
                typed.unwrap_or(HeaderValue::from_static("application/octet-stream")),
            );
            if let Ok(value) = HeaderValue::from_str(&disposition) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(error) => refusal(error),
    }
}

fn file_name(headers: &HeaderMap) -> String {
    headers
        .get(NAME_HEADER)
        .and_then(|value| value.to_str().ok())
        .map(|value| percent_decode_str(value).decode_utf8_lossy().into_owned())
        .unwrap_or_default()
}

/// The size limit's own answer, in the same shape as every other refusal.
pub fn too_large() -> Response {
    refusal(AppError::Invalid(Problem::DocumentTooLarge))
}

pub(crate) async fn signed_in(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<app::backend::auth::session::Actor, AppError> {
    auth::current_actor(state, session_token(headers).as_deref())
        .await?
        .ok_or(AppError::NotSignedIn)
}

/// The session cookie's token, if the request carries one.
pub(crate) fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|line| line.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == COOKIE)
        .map(|(_, value)| value.to_owned())
}

pub(crate) fn refusal(error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST);
    (status, Json(error)).into_response()
}
