//! Request and response policies that apply to every route: cross-site
//! request refusal, security headers, and HTTP statuses that match what
//! server functions answered.

use app::api::AppError;
use app::backend::security::{RESOURCE_POLICY, nonce_in, page_policy};
use axum::{
    body::{Body, to_bytes},
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Where ISFlow's pages are served from, to recognise its own requests.
#[derive(Clone, Debug, Default)]
pub struct OriginPolicy {
    pub public_origin: Option<String>,
}

/// Refuses any request that changes data unless the browser says it came
/// from one of ISFlow's own pages (`Sec-Fetch-Site`, else `Origin`). Leptos
/// does not do this for server functions, and a cookie alone would let
/// another site act in a signed-in user's name.
pub async fn refuse_cross_site(
    State(policy): State<OriginPolicy>,
    request: Request,
    next: Next,
) -> Response {
    if is_safe(request.method()) || comes_from_us(request.headers(), &policy) {
        return next.run(request).await;
    }
    tracing::warn!(
        method = %request.method(),
        path = request.uri().path(),
        origin = ?request.headers().get(header::ORIGIN),
        "refused a cross-site request"
    );
    error_response(&AppError::CrossOrigin)
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

pub fn comes_from_us(headers: &HeaderMap, policy: &OriginPolicy) -> bool {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    if let Some(site) = text(header::HeaderName::from_static("sec-fetch-site")) {
        return site == "same-origin";
    }
    let Some(origin) = text(header::ORIGIN) else {
        return false;
    };
    match &policy.public_origin {
        Some(expected) => origin == expected,
        None => {
            let host = text(header::HOST).unwrap_or_default();
            !host.is_empty()
                && (origin == format!("http://{host}") || origin == format!("https://{host}"))
        }
    }
}

/// Leptos answers every failed server function with status 500. The
/// body says what went wrong; this sets the status that goes with it, so
/// only a fault of the server itself is a 5xx.
pub async fn server_function_status(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_server_function_error = response.headers().contains_key("serverfnerror");
    if !is_server_function_error || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }

    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, 64 * 1024).await else {
        return error_response(&AppError::Internal);
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status =
            StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Headers every response carries. A page's CSP names the nonce of its
/// inline scripts; everything else gets one that allows nothing.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let is_static = request.uri().path().starts_with("/pkg/");
    let response = next.run(request).await;
    let mut response = with_content_security_policy(response).await;
    let headers = response.headers_mut();

    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    let is_html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html && !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        tracing::warn!("page without its content security policy");
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(RESOURCE_POLICY),
        );
    }
    // Static files revalidate (they keep their names across releases);
    // pages and data hold personal information and are never stored.
    let cache = if is_static { "no-cache" } else { "no-store" };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

/// Pages are rendered whole before they are sent (every route renders in
/// `SsrMode::Async`), so reading the nonce back from the body costs no
/// streaming. Anything that is not HTML gets the policy that allows nothing.
async fn with_content_security_policy(response: Response) -> Response {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        let mut response = response;
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(RESOURCE_POLICY),
        );
        return response;
    }

    let (mut parts, body) = response.into_parts();
    let Ok(html) = to_bytes(body, MAX_PAGE_BYTES).await else {
        tracing::error!("a rendered page could not be read back");
        return error_response(&AppError::Internal);
    };
    let policy = page_policy(nonce_in(&html));
    if let Ok(value) = HeaderValue::from_str(&policy) {
        parts.headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    Response::from_parts(parts, Body::from(html))
}

/// Far above any page ISFlow renders; a bound so a fault cannot exhaust memory.
const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// An `AppError` as a server function would have answered it.
pub fn error_response(error: &AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_string(error).unwrap_or_default();
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::HeaderName::from_static("serverfnerror"), "refused"),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn requests_are_ours_only_when_the_browser_says_so() {
        let policy = OriginPolicy::default();
        let cases = [
            (vec![("sec-fetch-site", "same-origin")], true),
            (
                vec![
                    ("sec-fetch-site", "cross-site"),
                    ("origin", "http://a.test"),
                    ("host", "a.test"),
                ],
                false,
            ),
            (vec![("sec-fetch-site", "same-site")], false),
            (vec![("origin", "http://a.test"), ("host", "a.test")], true),
            (vec![("origin", "https://a.test"), ("host", "a.test")], true),
            (
                vec![("origin", "http://evil.test"), ("host", "a.test")],
                false,
            ),
            (vec![("origin", "null"), ("host", "a.test")], false),
            (vec![("host", "a.test")], false),
        ];
        for (pairs, expected) in cases {
            assert_eq!(
                comes_from_us(&headers(&pairs), &policy),
                expected,
                "{pairs:?}"
            );
        }
    }

    #[test]
    fn a_configured_public_origin_replaces_the_host_header() {
        let policy = OriginPolicy {
            public_origin: Some("https://isflow.example.edu".into()),
        };
        let proxied = headers(&[
            ("origin", "https://isflow.example.edu"),
            ("host", "127.0.0.1:3000"),
        ]);
        assert!(comes_from_us(&proxied, &policy));
        let direct = headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000"),
        ]);
        assert!(!comes_from_us(&direct, &policy));
    }
}
