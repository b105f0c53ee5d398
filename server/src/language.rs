//! Switching the interface language without JavaScript: a link that sets
//! the language cookie and comes back to the page.

use app::{api::auth::safe_local_path, i18n::Locale};
use axum::{
    extract::{Path, Query},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Back {
    back: Option<String>,
}

pub async fn switch_language(Path(tag): Path<String>, Query(back): Query<Back>) -> Response {
    let locale = Locale::from_tag(&tag).unwrap_or_default();
    let cookie = format!(
        "{}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        Locale::COOKIE,
        locale.tag()
    );
    let location = safe_local_path(back.back.as_deref());

    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let (Ok(cookie), Ok(location)) = (
        HeaderValue::from_str(&cookie),
        HeaderValue::from_str(&location),
    ) {
        headers.insert(header::SET_COOKIE, cookie);
        headers.insert(header::LOCATION, location);
    }
    response
}
