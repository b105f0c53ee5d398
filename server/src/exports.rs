//! Downloads of the Word form and the Excel ledgers. Plain HTTP routes,
//! like documents: the answer is a file, not data for a page. The query
//! string carries the filters the page had in force.

use crate::documents::{refusal, signed_in};
use app::api::{AppError, BoardFilter, ChangeFilter, SystemFilter};
use app::backend::{AppState, exports, exports::Export};
use app::i18n::Locale;
use axum::{
    extract::{Path, Query, State},
    http::{HeaderMap, HeaderValue, header},
    response::{IntoResponse, Response},
};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

pub async fn change_docx(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    // The link names the file as the browser should save it.
    let Some(id) = file.strip_suffix(".docx") else {
        return refusal(AppError::NotFound);
    };
    let made = match signed_in(&state, &headers).await {
        Ok(actor) => exports::change_docx(&state.db, &actor, id, locale(&headers)).await,
        Err(error) => Err(error),
    };
    answer(made)
}

pub async fn projects_xlsx(
    State(state): State<AppState>,
    Query(filter): Query<BoardFilter>,
    headers: HeaderMap,
) -> Response {
    let made = match signed_in(&state, &headers).await {
        Ok(actor) => exports::projects_xlsx(&state.db, &actor, &filter, locale(&headers)).await,
        Err(error) => Err(error),
    };
    answer(made)
}

pub async fn systems_xlsx(
    State(state): State<AppState>,
    Query(filter): Query<SystemFilter>,
    headers: HeaderMap,
) -> Response {
    let made = match signed_in(&state, &headers).await {
        Ok(actor) => exports::systems_xlsx(&state.db, &actor, &filter, locale(&headers)).await,
        Err(error) => Err(error),
    };
    answer(made)
}

pub async fn changes_xlsx(
    State(state): State<AppState>,
    Query(filter): Query<ChangeFilter>,
    headers: HeaderMap,
) -> Response {
    let made = match signed_in(&state, &headers).await {
        Ok(actor) => exports::changes_xlsx(&state.db, &actor, &filter, locale(&headers)).await,
        Err(error) => Err(error),
    };
    answer(made)
}

/// Headings and words in the viewer's language, as on the page.
fn locale(headers: &HeaderMap) -> Locale {
    headers
        .get(header::COOKIE)
        .and_then(|value| value.to_str().ok())
        .map(Locale::from_cookie_header)
        .unwrap_or_default()
}

fn answer(made: Result<Export, AppError>) -> Response {
    match made {
        Ok(export) => {
            let disposition = format!(
                "attachment; filename*=UTF-8''{}",
                utf8_percent_encode(&export.file_name, NON_ALPHANUMERIC)
            );
            let mut response = export.bytes.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(export.content_type),
            );
            if let Ok(value) = HeaderValue::from_str(&disposition) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(error) => refusal(error),
    }
}
