//! A link to a file the server prepares on request (an Excel ledger, a
//! Word form). After hydration the file is fetched in the page so that the
//! user sees it being prepared and downloaded; a ledger of thousands of
//! rows takes a moment, and a button that seems dead gets pressed again.
//! Before hydration it is an ordinary download link.

use crate::api::AppError;
use crate::ui::{components::ErrorBox, use_locale};
use leptos::prelude::*;

/// The query string of an export with the filters in force.
pub fn query_of(pairs: &[(&str, &str)]) -> String {
    let encoded: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{key}={}", crate::ui::session::percent_encode(value)))
        .collect();
    if encoded.is_empty() {
        String::new()
    } else {
        format!("?{}", encoded.join("&"))
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Export {
    Idle,
    /// Waiting for the server; `percent` once the file is arriving.
    Preparing {
        percent: Option<u32>,
    },
    Failed(AppError),
}

#[component]
pub fn ExportLink(#[prop(into)] href: Signal<String>, children: Children) -> impl IntoView {
    let locale = use_locale();
    let status = RwSignal::new(Export::Idle);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if !matches!(status.get_untracked(), Export::Preparing { .. }) {
            fetch(&href.get_untracked(), status);
        }
    };
    view! {
        <span class="export">
            <a
                class="button"
                href=href
                rel="external"
                download=""
                on:click=on_click
                aria-busy=move || matches!(status.get(), Export::Preparing { .. }).to_string()
            >
                {children()}
            </a>
            <span class="muted" role="status" aria-live="polite">
                {move || match status.get() {
                    Export::Preparing { percent: None } => locale.get().export_preparing().into(),
                    Export::Preparing { percent: Some(percent) } => {
                        locale.get().export_downloading(percent)
                    }
                    _ => String::new(),
                }}
            </span>
            {move || match status.get() {
                Export::Failed(error) => view! { <ErrorBox error /> }.into_any(),
                _ => ().into_any(),
            }}
        </span>
    }
}

/// Fetches the file with an XMLHttpRequest (which reports progress), then
/// hands it to the browser's download as if the link had been followed.
fn fetch(url: &str, status: RwSignal<Export>) {
    use wasm_bindgen::{JsCast, closure::Closure};

    let Ok(request) = web_sys::XmlHttpRequest::new() else {
        status.set(Export::Failed(AppError::Network));
        return;
    };
    if request.open("GET", url).is_err() {
        status.set(Export::Failed(AppError::Network));
        return;
    }
    request.set_response_type(web_sys::XmlHttpRequestResponseType::Blob);
    status.set(Export::Preparing { percent: None });

    let progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |ev: web_sys::ProgressEvent| {
            if ev.length_computable() && ev.total() > 0.0 {
                let percent = (ev.loaded() / ev.total() * 100.0).round() as u32;
                status.set(Export::Preparing {
                    percent: Some(percent.min(100)),
                });
            }
        });
    request.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    progress.forget();

    let finished = request.clone();
    let done = Closure::<dyn FnMut()>::new(move || {
        let blob = finished
            .response()
            .ok()
            .and_then(|body| body.dyn_into::<web_sys::Blob>().ok());
        match (finished.status().unwrap_or(0), blob) {
            (200..=299, Some(blob)) => {
                let disposition = finished
                    .get_response_header("content-disposition")
                    .ok()
                    .flatten()
                    .unwrap_or_default();
                match save(&blob, &file_name_of(&disposition)) {
                    Ok(()) => status.set(Export::Idle),
                    Err(()) => status.set(Export::Failed(AppError::Internal)),
                }
            }
            (0, _) => status.set(Export::Failed(AppError::Network)),
            (_, blob) => read_refusal(blob, status),
        }
    });
    request.set_onloadend(Some(done.as_ref().unchecked_ref()));
    done.forget();
    if request.send().is_err() {
        status.set(Export::Failed(AppError::Network));
    }
}

/// Reads the server's refusal (JSON in the body) to show it in words.
fn read_refusal(blob: Option<web_sys::Blob>, status: RwSignal<Export>) {
    use wasm_bindgen::{JsCast, closure::Closure};

    let Some(blob) = blob else {
        status.set(Export::Failed(AppError::Internal));
        return;
    };
    let Ok(reader) = web_sys::FileReader::new() else {
        status.set(Export::Failed(AppError::Internal));
        return;
    };
    let read = reader.clone();
    let loaded = Closure::<dyn FnMut()>::new(move || {
        let text = read
            .result()
            .ok()
            .and_then(|value| value.as_string())
            .unwrap_or_default();
        let error = serde_json::from_str::<AppError>(&text).unwrap_or(AppError::Internal);
        status.set(Export::Failed(error));
    });
    reader.set_onloadend(Some(loaded.as_ref().unchecked_ref()));
    loaded.forget();
    if reader.read_as_text(&blob).is_err() {
        status.set(Export::Failed(AppError::Internal));
    }
}

fn save(blob: &web_sys::Blob, file_name: &str) -> Result<(), ()> {
    use wasm_bindgen::JsCast;

    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| ())?;
    let link = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("a").ok())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        .ok_or(())?;
    let saved = link
        .set_attribute("href", &url)
        .and_then(|()| link.set_attribute("download", file_name));
    if saved.is_ok() {
        link.click();
    }
    // The download has its own copy once started.
    let _ = web_sys::Url::revoke_object_url(&url);
    saved.map_err(|_| ())
}

/// The file name of `attachment; filename*=UTF-8''…`, percent-decoded;
/// empty (the browser then picks one) when there is none.
pub fn file_name_of(disposition: &str) -> String {
    let Some((_, encoded)) = disposition.split_once("filename*=UTF-8''") else {
        return String::new();
    };
    let encoded = encoded.split(';').next().unwrap_or_default().trim();
    let mut bytes = Vec::with_capacity(encoded.len());
    let mut rest = encoded.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        let escaped = (first == b'%')
            .then(|| tail.get(..2))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                bytes.push(byte);
                rest = &tail[2..];
            }
            None => {
                bytes.push(first);
                rest = tail;
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::file_name_of;

    #[test]
    fn the_file_name_is_read_from_the_disposition() {
        let cases = [
            (
                "attachment; filename*=UTF-8''BG-2026-0001.docx",
                "BG-2026-0001.docx",
            ),
            (
                "attachment; filename*=UTF-8''%E5%8F%B0%E8%B4%A6.xlsx",
                "台账.xlsx",
            ),
            ("attachment; filename*=UTF-8''100%.xlsx", "100%.xlsx"),
            ("attachment", ""),
        ];
        for (header, name) in cases {
            assert_eq!(file_name_of(header), name, "{header}");
        }
    }
}
