//! A system's page: its register entry, the project that built it, its
//! handover documents and every change to it, with the way to request one.

use super::super::projects::DocumentLink;
use super::list::ChangeTable;
use crate::api::{SystemDetail, changes::load_system};
use crate::ui::{
    components::{ErrorBox, Loading},
    labels::class_name,
    session::require_user,
    use_locale,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SystemPage() -> impl IntoView {
    require_user(None, |_| view! { <SystemLoader /> }.into_any())
}

#[component]
fn SystemLoader() -> impl IntoView {
    let params = use_params_map();
    let system = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        load_system,
    );
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match system.await {
                    Ok(detail) => view! { <SystemView detail /> }.into_any(),
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn SystemView(detail: SystemDetail) -> impl IntoView {
    let locale = use_locale();
    let system = detail.system.clone();
    let (category, class) = (system.category, system.class);
    let project = detail.project.clone();
    let documents = detail.documents.clone();
    let changes = detail.changes.clone();
    view! {
        <h1>{system.name.clone()}</h1>
        {detail
            .may_request_change
            .then(|| {
                view! {
                    <p>
                        <a
                            class="button button-primary"
                            href=format!("/changes/new?system={}", system.id)
                        >
                            {move || locale.get().systems_request_change()}
                        </a>
                    </p>
                }
            })}
        <section class="card">
            <dl class="facts">
                <dt>{move || locale.get().systems_category()}</dt>
                <dd>
                    {move || {
                        category
                            .category()
                            .map(|c| format!("{category} {}", c.name(locale.get().lang())))
                    }}
                </dd>
                <dt>{move || locale.get().systems_class()}</dt>
                <dd>{move || class_name(locale.get(), class)}</dd>
                <dt>{move || locale.get().systems_department()}</dt>
                <dd>{system.department.name.clone()}</dd>
                <dt>{move || locale.get().systems_contractor()}</dt>
                <dd>{system.contractor_org.clone().unwrap_or_default()}</dd>
                <dt>{move || locale.get().systems_go_live()}</dt>
                <dd>{system.go_live.clone()}</dd>
                <dt>{move || locale.get().systems_project()}</dt>
                <dd>
                    <a href=format!("/projects/{}", project.id)>{project.name.clone()}</a>
                </dd>
            </dl>
        </section>
        <section class="card" aria-labelledby="handover-title">
            <h2 id="handover-title">{move || locale.get().systems_documents()}</h2>
            {if documents.is_empty() {
                view! { <p class="muted">{move || locale.get().systems_no_documents()}</p> }
                    .into_any()
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
        </section>
        <section class="card" aria-labelledby="changes-title">
            <h2 id="changes-title">{move || locale.get().systems_changes()}</h2>
            {if changes.is_empty() {
                view! { <p class="muted">{move || locale.get().systems_no_changes()}</p> }
                    .into_any()
            } else {
                view! { <ChangeTable list=changes /> }.into_any()
            }}
        </section>
    }
}
