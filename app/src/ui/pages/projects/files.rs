//! A project's documents: the list with downloads, and uploads with a
//! progress bar. The server checks each upload's content and size.

use super::page::Reload;
use crate::api::{AppError, DocumentView, ProjectDetail};
use crate::ui::{components::ErrorBox, session::percent_encode, use_locale};
use leptos::prelude::*;

#[component]
pub fn Documents(detail: ProjectDetail, reload: Reload) -> impl IntoView {
    let locale = use_locale();
    let documents = detail.documents.clone();
    let uploaded = Callback::new(move |_: DocumentView| reload.run(()));
    let may_upload = detail.may_upload();
    let url = format!("/projects/{}/documents", detail.summary.id);
    view! {
        <section class="card" aria-labelledby="documents-title">
            <h2 id="documents-title">{move || locale.get().documents_title()}</h2>
            {if documents.is_empty() {
                view! { <p class="muted">{move || locale.get().documents_empty()}</p> }.into_any()
            } else {
                view! {
                    <ul class="documents">
                        {documents
                            .into_iter()
                            .map(|document| {
                                view! {
                                    <li>
                                        <DocumentLink document />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            {may_upload.then(|| view! { <Uploader url=url.clone() uploaded /> })}
        </section>
    }
}

#[component]
pub fn DocumentLink(document: DocumentView) -> impl IntoView {
    let locale = use_locale();
    let size = human_size(document.size);
    let when = document.uploaded_at.to_local_minute();
    view! {
        <a href=format!("/documents/{}", document.id) download=document.name.clone()>
            {document.name.clone()}
        </a>
        <span class="muted">
            {move || {
                locale
                    .get()
                    .documents_meta(size.clone(), document.uploaded_by.clone(), when.clone())
            }}
        </span>
    }
}

/// Attach a document to an output: one uploaded before, or a new upload.
#[component]
pub fn DocumentChooser(detail: ProjectDetail, chosen: RwSignal<Option<String>>) -> impl IntoView {
    let locale = use_locale();
    let known = RwSignal::new(detail.documents.clone());
    let uploaded = Callback::new(move |document: DocumentView| {
        chosen.set(Some(document.id.clone()));
        known.update(|list| list.insert(0, document));
    });
    view! {
        <div class="field">
            <label>
                {move || locale.get().documents_attach()}
                <select
                    prop:value=move || chosen.get().unwrap_or_default()
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        chosen.set((!id.is_empty()).then_some(id));
                    }
                >
                    <option value="">{move || locale.get().documents_none()}</option>
                    {move || {
                        known
                            .get()
                            .into_iter()
                            .map(|d| view! { <option value=d.id.clone()>{d.name.clone()}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
            <Uploader url=format!("/projects/{}/documents", detail.summary.id) uploaded />
        </div>
    }
}

/// Where an upload stands.
#[derive(Clone, Debug, PartialEq)]
enum Upload {
    Idle,
    Sending { percent: u32 },
    Failed(AppError),
}

/// A file input that sends the chosen file to `url` at once, showing its
/// progress.
#[component]
pub fn Uploader(url: String, uploaded: Callback<DocumentView>) -> impl IntoView {
    let locale = use_locale();
    let status = RwSignal::new(Upload::Idle);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        send(&url, file, status, uploaded);
    };
    view! {
        <div class="uploader">
            <label class="button">
                {move || locale.get().documents_upload()}
                <input type="file" class="visually-hidden" on:change=on_change />
            </label>
            <span class="muted">{move || locale.get().documents_limits()}</span>
            {move || match status.get() {
                Upload::Idle => ().into_any(),
                Upload::Sending { percent } => {
                    view! {
                        <progress max="100" value=percent.to_string()></progress>
                        <span aria-live="polite">{format!("{percent}%")}</span>
                    }
                        .into_any()
                }
                Upload::Failed(error) => view! { <ErrorBox error /> }.into_any(),
            }}
        </div>
    }
}

/// Sends the file with an XMLHttpRequest, the one browser API that
/// reports upload progress.
fn send(
    url: &str,
    file: web_sys::File,
    status: RwSignal<Upload>,
    uploaded: Callback<DocumentView>,
) {
    use wasm_bindgen::{JsCast, closure::Closure};

    let Ok(request) = web_sys::XmlHttpRequest::new() else {
        status.set(Upload::Failed(AppError::Network));
        return;
    };
    let opened = request
        .open("POST", url)
        .and_then(|()| request.set_request_header("x-file-name", &percent_encode(&file.name())));
    if opened.is_err() {
        status.set(Upload::Failed(AppError::Network));
        return;
    }
    status.set(Upload::Sending { percent: 0 });

    let progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |ev: web_sys::ProgressEvent| {
            if ev.length_computable() && ev.total() > 0.0 {
                let percent = (ev.loaded() / ev.total() * 100.0).round() as u32;
                status.set(Upload::Sending {
                    percent: percent.min(100),
                });
            }
        });
    if let Ok(upload) = request.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    progress.forget();

    let finished = request.clone();
    let done = Closure::<dyn FnMut()>::new(move || {
        let body = finished.response_text().ok().flatten().unwrap_or_default();
        match finished.status().unwrap_or(0) {
            200..=299 => match serde_json::from_str::<DocumentView>(&body) {
                Ok(document) => {
                    status.set(Upload::Idle);
                    uploaded.run(document);
                }
                Err(_) => status.set(Upload::Failed(AppError::Internal)),
            },
            0 => status.set(Upload::Failed(AppError::Network)),
            _ => {
                let error = serde_json::from_str::<AppError>(&body).unwrap_or(AppError::Internal);
                status.set(Upload::Failed(error));
            }
        }
    });
    request.set_onloadend(Some(done.as_ref().unchecked_ref()));
    done.forget();
    if request.send_with_opt_blob(Some(&file)).is_err() {
        status.set(Upload::Failed(AppError::Network));
    }
}

pub fn human_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let size = bytes as f64;
    if size < KB {
        format!("{bytes} B")
    } else if size < KB * KB {
        format!("{:.1} KB", size / KB)
    } else {
        format!("{:.1} MB", size / KB / KB)
    }
}
