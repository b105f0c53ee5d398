//! The application form (项目申报表) as the department submitted it: a
//! folded section of the project page, and the same form printed on A4
//! with boxes left for the signatures the paper file needs.

use crate::api::{ProjectDetail, projects::load_project};
use crate::domain::{Application, Basis, ProjectClass};
use crate::i18n::Locale;
use crate::ui::{
    components::{ErrorBox, Loading},
    session::require_user,
    use_locale,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

fn basis_name(t: Locale, basis: Basis) -> &'static str {
    match basis {
        Basis::HigherRequirements => t.form_basis_higher(),
        Basis::DevelopmentPlan => t.form_basis_plan(),
        Basis::BusinessNeed => t.form_basis_need(),
    }
}

fn class_name(t: Locale, class: ProjectClass) -> &'static str {
    match class {
        ProjectClass::PublicService => t.projects_class_public(),
        ProjectClass::NonPublic => t.projects_class_non_public(),
    }
}

fn category_text(t: Locale, application: &Application) -> String {
    let code = application.category;
    code.category()
        .map(|c| format!("{code} {}", c.name(t.lang())))
        .unwrap_or_else(|| code.to_string())
}

/// The submitted form, folded away on the project page.
#[component]
pub fn ApplicationSection(detail: ProjectDetail) -> impl IntoView {
    let locale = use_locale();
    let Some(application) = detail.application.clone() else {
        return ().into_any();
    };
    let bases = application.basis.clone();
    let basis = move || {
        let t = locale.get();
        bases
            .iter()
            .map(|b| basis_name(t, *b))
            .collect::<Vec<_>>()
            .join(t.common_list_separator())
    };
    let a = application.clone();
    view! {
        <details class="card application">
            <summary>
                <h2>{move || locale.get().form_title()}</h2>
            </summary>
            <dl class="facts">
                <dt>{move || locale.get().form_basis()}</dt>
                <dd>{basis}</dd>
                <dt>{move || locale.get().form_basis_explanation()}</dt>
                <dd class="prewrap">{a.basis_explanation.clone()}</dd>
                <dt>{move || locale.get().form_objectives()}</dt>
                <dd class="prewrap">{a.objectives.clone()}</dd>
                <dt>{move || locale.get().form_scope()}</dt>
                <dd class="prewrap">{a.scope_and_users.clone()}</dd>
                <dt>{move || locale.get().form_go_live()}</dt>
                <dd>{a.expected_go_live.to_string()}</dd>
                <dt>{move || locale.get().form_contact_name()}</dt>
                <dd>{format!("{} {}", a.contact_name, a.contact_phone)}</dd>
            </dl>
            <p>
                <a class="button" href=format!("/projects/{}/print", detail.summary.id)>
                    {move || locale.get().projects_print_application()}
                </a>
            </p>
        </details>
    }
    .into_any()
}

#[component]
pub fn ProjectPrintPage() -> impl IntoView {
    require_user(None, |_| view! { <PrintLoader /> }.into_any())
}

#[component]
fn PrintLoader() -> impl IntoView {
    let params = use_params_map();
    let project = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        load_project,
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match project.await {
                    Ok(detail) => view! { <PrintedApplication detail /> }.into_any(),
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PrintedApplication(detail: ProjectDetail) -> impl IntoView {
    let locale = use_locale();
    let Some(application) = detail.application.clone() else {
        return view! { <ErrorBox error=crate::api::AppError::Forbidden /> }.into_any();
    };
    let summary = detail.summary.clone();
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <div class="print-controls no-print">
            <p class="muted">{move || locale.get().print_hint()}</p>
            <button type="button" class="button-primary" on:click=print>
                {move || locale.get().print_print()}
            </button>
            " "
            <a href=format!(
                "/projects/{}",
                summary.id,
            )>{move || locale.get().print_back_project()}</a>
        </div>
        <article class="paper">
            <h1 class="paper-title">{move || locale.get().form_title()}</h1>
            <p class="paper-number">
                {move || locale.get().projects_registry_number()} " "
                <span data-field="registry">{detail.registry_number.clone()}</span>
            </p>
            <table class="paper-form">
                <colgroup>
                    <col class="paper-label" />
                    <col />
                    <col class="paper-label" />
                    <col />
                </colgroup>
                <tbody>
                    <HeadRows application=application.clone() detail=detail.clone() />
                    <LongRows application=application.clone() />
                </tbody>
            </table>
        </article>
    }
    .into_any()
}

/// The header rows: what the project is, who applies, what it costs.
#[component]
fn HeadRows(application: Application, detail: ProjectDetail) -> impl IntoView {
    let locale = use_locale();
    let summary = detail.summary;
    let a = application;
    let category = a.clone();
    let chosen = a.basis.clone();
    view! {
        <tr>
            <th scope="row">{move || locale.get().form_name()}</th>
            <td colspan="3" data-field="name">
                {a.name.clone()}
            </td>
        </tr>
        <tr>
            <th scope="row">{move || locale.get().projects_department()}</th>
            <td>{summary.department.name.clone()}</td>
            <th scope="row">{move || locale.get().projects_started()}</th>
            <td>{summary.created_at.to_local_minute()}</td>
        </tr>
        <tr>
            <th scope="row">{move || locale.get().form_category()}</th>
            <td>{move || category_text(locale.get(), &category)}</td>
            <th scope="row">{move || locale.get().projects_class()}</th>
            <td>{move || class_name(locale.get(), a.class)}</td>
        </tr>
        <tr>
            <th scope="row">{move || locale.get().form_budget()}</th>
            <td data-field="budget">{a.budget.to_string()}</td>
            <th scope="row">{move || locale.get().form_go_live()}</th>
            <td>{a.expected_go_live.to_string()}</td>
        </tr>
        <tr>
            <th scope="row">{move || locale.get().form_basis()}</th>
            <td colspan="3" class="paper-ticks">
                <p>
                    {[Basis::HigherRequirements, Basis::DevelopmentPlan, Basis::BusinessNeed]
                        .into_iter()
                        .map(|b| {
                            let on = if chosen.contains(&b) { "☑" } else { "☐" };
                            view! { <span>{on} {move || basis_name(locale.get(), b)}</span> }
                        })
                        .collect_view()}
                </p>
                <p class="prewrap">{a.basis_explanation.clone()}</p>
            </td>
        </tr>
    }
    .into_any()
}

/// The long answers, the contact and the boxes for signatures. Its own
/// component keeps the form's view type within the compiler's limits.
#[component]
fn LongRows(application: Application) -> impl IntoView {
    let locale = use_locale();
    let a = application;
    view! {
        <tr class="paper-text">
            <th scope="row">{move || locale.get().form_objectives()}</th>
            <td colspan="3">{a.objectives.clone()}</td>
        </tr>
        <tr class="paper-text">
            <th scope="row">{move || locale.get().form_scope()}</th>
            <td colspan="3">{a.scope_and_users.clone()}</td>
        </tr>
        <tr>
            <th scope="row">{move || locale.get().form_contact_name()}</th>
            <td>{a.contact_name.clone()}</td>
            <th scope="row">{move || locale.get().form_contact_phone()}</th>
            <td>{a.contact_phone.clone()}</td>
        </tr>
        <BlankSignRow label=|t| t.print_department_opinion() />
        <BlankSignRow label=|t| t.print_it_opinion() />
    }
    .into_any()
}

/// A row left for an opinion written by hand, with its signature and date.
#[component]
fn BlankSignRow(label: fn(Locale) -> &'static str) -> impl IntoView {
    let locale = use_locale();
    view! {
        <tr class="paper-signatures">
            <th scope="row">{move || label(locale.get())}</th>
            <td colspan="3">
                <div class="sign-box">
                    <p class="sign-line">
                        {move || locale.get().print_signature()} <span class="sign-space"></span>
                        {move || locale.get().print_date()} <span class="sign-space"></span>
                    </p>
                </div>
            </td>
        </tr>
    }
}
