//! A change request's page: the form as filed, where it stands, the
//! decision the viewer may take, the record of decisions and the archived
//! documents; a returned request opens as a form to correct.

use super::super::projects::{DocumentLink, Uploader};
use super::{
    decision::ChangeDecisionPanel,
    form::{ChangeRequestForm, FormPurpose},
};
use crate::api::{ChangeDetail, DocumentView, changes::load_change};
use crate::domain::change::{ChangeDraft, ChangeScope, ChangeStep, may_act};
use crate::ui::{
    change_words::{
        decision_label, origin_name, scope_name, state_text, target_name, trigger_name,
    },
    components::{ErrorBox, ExportLink, Loading},
    session::require_user,
    use_locale,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Asks the page to load the request again after a change.
pub type Reload = Callback<()>;

#[component]
pub fn ChangePage() -> impl IntoView {
    require_user(None, |_| view! { <ChangeLoader /> }.into_any())
}

#[component]
fn ChangeLoader() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let change = Resource::new(id, load_change);
    let reload: Reload = Callback::new(move |()| change.refetch());
    // Loaded again when someone else acts on this request.
    crate::ui::live::use_live().follow(
        move |heard| heard.kind == "change" && heard.id == id(),
        move || {
            change
                .get_untracked()
                .and_then(Result::ok)
                .map(|d| d.summary.version)
        },
        reload,
    );
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match change.await {
                    Ok(detail) => view! { <ChangeView detail reload /> }.into_any(),
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ChangeView(detail: ChangeDetail, reload: Reload) -> impl IntoView {
    let locale = use_locale();
    let summary = detail.summary.clone();
    let (step, status) = (summary.state.step, summary.state.status);
    let correcting = status.is_open() && step == ChangeStep::Draft && may_act(step, &detail.me);
    let body = if correcting {
        view! {
            <p class="notice">{move || locale.get().change_returned()}</p>
            <ChangeRequestForm
                system_id=summary.system_id.clone()
                system_name=summary.system_name.clone()
                department=summary.department.name.clone()
                draft=ChangeDraft::from(&detail.form)
                purpose=FormPurpose::Resubmit {
                    id: summary.id.clone(),
                    version: summary.version,
                }
            />
        }
        .into_any()
    } else {
        view! {
            <FiledForm detail=detail.clone() />
            <ChangeDecisionPanel detail=detail.clone() reload />
        }
        .into_any()
    };
    view! {
        <h1>{move || locale.get().change_form_title()} " " {summary.number.to_string()}</h1>
        <p>
            <span class="chip">{move || state_text(locale.get(), step, status)}</span>
            " "
            <a class="button" href=format!("/changes/{}/print", summary.id)>
                {move || locale.get().change_print()}
            </a>
            " "
            <ExportLink href=format!(
                "/exports/changes/{}.docx",
                summary.id,
            )>{move || locale.get().change_export_docx()}</ExportLink>
        </p>
        {body}
        <Signoffs detail=detail.clone() />
        <ChangeDocuments detail reload />
    }
}

/// The form as it was filed, in the order of attachment 2.
#[component]
fn FiledForm(detail: ChangeDetail) -> impl IntoView {
    let locale = use_locale();
    let form = detail.form.clone();
    let summary = detail.summary.clone();
    let (origin, scope, target) = (form.origin, form.scope, form.target);
    let triggers = form.triggers.clone();
    let other = form.other_explanation.clone();
    let applied = summary.applied_at.to_local_minute();
    view! {
        <section class="card">
            <dl class="facts">
                <dt>{move || locale.get().change_number()}</dt>
                <dd>{summary.number.to_string()}</dd>
                <dt>{move || locale.get().change_system()}</dt>
                <dd>
                    <a href=format!(
                        "/systems/{}",
                        summary.system_id,
                    )>{summary.system_name.clone()}</a>
                </dd>
                <dt>{move || locale.get().change_department()}</dt>
                <dd>{summary.department.name.clone()}</dd>
                <dt>{move || locale.get().change_created_by()}</dt>
                <dd>{detail.created_by.clone()}</dd>
                <dt>{move || locale.get().change_applied_at()}</dt>
                <dd>{applied}</dd>
                <dt>{move || locale.get().change_execute_at()}</dt>
                <dd>{form.execute_at.to_string()}</dd>
                <dt>{move || locale.get().change_request_type()}</dt>
                <dd>
                    {move || {
                        let t = locale.get();
                        let sep = t.common_list_separator();
                        let mut text = format!(
                            "{}{sep}{}",
                            origin_name(t, origin),
                            scope_name(t, scope),
                        );
                        if scope == ChangeScope::Other {
                            text.push_str(&format!(" ({other})"));
                        }
                        text
                    }}
                </dd>
                <dt>{move || locale.get().change_target()}</dt>
                <dd>{move || target_name(locale.get(), target)}</dd>
                <dt>{move || locale.get().change_triggers()}</dt>
                <dd>
                    {move || {
                        let t = locale.get();
                        triggers
                            .iter()
                            .map(|trigger| trigger_name(t, *trigger))
                            .collect::<Vec<_>>()
                            .join(t.common_list_separator())
                    }}
                </dd>
                <dt>{move || locale.get().change_reason()}</dt>
                <dd class="prose">{form.reason.clone()}</dd>
                <dt>{move || locale.get().change_description()}</dt>
                <dd class="prose">{form.description.clone()}</dd>
                <dt>{move || locale.get().change_impact()}</dt>
                <dd class="prose">{form.impact.clone()}</dd>
            </dl>
        </section>
    }
}

/// Every decision taken, oldest first.
#[component]
fn Signoffs(detail: ChangeDetail) -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="card" aria-labelledby="signoffs-title">
            <h2 id="signoffs-title">{move || locale.get().change_signoffs()}</h2>
            <ol class="timeline">
                {detail
                    .signoffs
                    .into_iter()
                    .map(|signoff| {
                        let (step, decision) = (signoff.step, signoff.decision);
                        let who = match &signoff.on_behalf_of {
                            Some(principal) => {
                                let principal = principal.clone();
                                let name = signoff.name.clone();
                                Signal::derive(move || {
                                    format!(
                                        "{name}{}",
                                        locale.get().print_on_behalf(principal.clone()),
                                    )
                                })
                            }
                            None => {
                                let name = signoff.name.clone();
                                Signal::derive(move || name.clone())
                            }
                        };
                        view! {
                            <li>
                                <p>
                                    <strong>{who}</strong>
                                    " · "
                                    {move || step.name(locale.get().lang())}
                                    " · "
                                    {move || decision_label(locale.get(), step, decision)}
                                    " · "
                                    <time>{signoff.at.to_local_minute()}</time>
                                </p>
                                {(!signoff.opinion.is_empty())
                                    .then(|| {
                                        view! { <p class="prose">{signoff.opinion.clone()}</p> }
                                    })}
                                {(!signoff.training.is_empty())
                                    .then(|| {
                                        view! {
                                            <p class="prose">
                                                {move || locale.get().change_training()} ": "
                                                {signoff.training.clone()}
                                            </p>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

/// The documents archived with the request, and uploads to it.
#[component]
fn ChangeDocuments(detail: ChangeDetail, reload: Reload) -> impl IntoView {
    let locale = use_locale();
    let documents = detail.documents.clone();
    let uploaded = Callback::new(move |_: DocumentView| reload.run(()));
    // The server takes papers only from whoever acts at the current step.
    let state = detail.summary.state;
    let uploader = (state.status.is_open() && may_act(state.step, &detail.me)).then(|| {
        view! { <Uploader url=format!("/changes/{}/documents", detail.summary.id) uploaded /> }
    });
    view! {
        <section class="card" aria-labelledby="change-documents-title">
            <h2 id="change-documents-title">{move || locale.get().change_documents()}</h2>
            <p class="muted">{move || locale.get().change_documents_hint()}</p>
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
            {uploader}
        </section>
    }
}
