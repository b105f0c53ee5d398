//! A project's page: what it is, where it stands, what its current stage
//! still needs and who acts on it, everything filed so far, its documents
//! and the timeline of every event.

use super::{
    application_view::ApplicationSection, entries::Entries, files::Documents, ledger::Ledger,
    stage_work::StageWork, timeline::Timeline,
};
use crate::api::{ProjectDetail, UserRef, projects::load_project};
use crate::domain::{ProjectClass, process::StageId};
use crate::ui::labels::stage_text;
use crate::ui::{
    components::{ErrorBox, Loading},
    labels::tier_name,
    session::require_user,
    use_locale,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Asks the page to load the project again after a change.
pub type Reload = Callback<()>;

#[component]
pub fn ProjectPage() -> impl IntoView {
    require_user(None, |_| view! { <ProjectLoader /> }.into_any())
}

#[component]
fn ProjectLoader() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let project = Resource::new(id, load_project);
    let reload: Reload = Callback::new(move |()| project.refetch());
    // Loaded again when someone else changes this project.
    crate::ui::live::use_live().follow(
        move |heard| heard.kind == "project" && heard.id == id(),
        move || {
            project
                .get_untracked()
                .and_then(Result::ok)
                .map(|d| d.version)
        },
        reload,
    );
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match project.await {
                    Ok(detail) => view! { <ProjectView detail reload /> }.into_any(),
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ProjectView(detail: ProjectDetail, reload: Reload) -> impl IntoView {
    let locale = use_locale();
    let summary = detail.summary.clone();
    let (stage, status, tier, class, category) = (
        summary.stage,
        summary.status,
        summary.tier,
        summary.class,
        summary.category,
    );
    let category_name = move || {
        category
            .category()
            .map(|c| format!("{category} {}", c.name(locale.get().lang())))
    };
    let class_name = move || match class {
        ProjectClass::PublicService => locale.get().projects_class_public(),
        ProjectClass::NonPublic => locale.get().projects_class_non_public(),
    };
    let names = |people: &[UserRef]| {
        people
            .iter()
            .map(|p| p.display_name.clone())
            .collect::<Vec<_>>()
            .join("、")
    };
    let optional = |label: fn(crate::i18n::Locale) -> &'static str, value: Option<String>| {
        value.filter(|v| !v.is_empty()).map(|value| {
            view! {
                <dt>{move || label(locale.get())}</dt>
                <dd>{value}</dd>
            }
        })
    };

    view! {
        <div class="page-head">
            <h1>{summary.name.clone()}</h1>
            <span class=format!(
                "chip chip-{}",
                status_class(status),
            )>{move || stage_text(locale.get(), stage, status)}</span>
        </div>
        <dl class="facts card">
            <dt>{move || locale.get().projects_department()}</dt>
            <dd>{summary.department.name.clone()}</dd>
            <dt>{move || locale.get().projects_category()}</dt>
            <dd>{category_name}</dd>
            <dt>{move || locale.get().projects_class()}</dt>
            <dd>{class_name}</dd>
            <dt>{move || locale.get().projects_budget()}</dt>
            <dd class="number">{summary.budget.to_string()}</dd>
            <dt>{move || locale.get().projects_approver()}</dt>
            <dd>{move || tier_name(locale.get(), tier)}</dd>
            <dt>{move || locale.get().projects_started()}</dt>
            <dd>{summary.created_at.to_local_minute()}</dd>
            {optional(|t| t.projects_registry_number(), detail.registry_number.clone())}
            {optional(|t| t.projects_contractor(), detail.contractor_org.clone())}
            {optional(
                |t| t.projects_leader(),
                detail.leader.as_ref().map(|l| l.display_name.clone()),
            )}
            {optional(|t| t.projects_group(), Some(names(&detail.group)))}
            {optional(|t| t.projects_experts(), Some(names(&detail.experts)))}
        </dl>
        <section class="card">
            <h2>{move || locale.get().projects_progress()}</h2>
            <ol class="stages">
                {StageId::ALL
                    .into_iter()
                    .map(|each| {
                        let state = if each < stage {
                            "done"
                        } else if each == stage {
                            "current"
                        } else {
                            "ahead"
                        };
                        view! {
                            <li
                                class=format!("stage stage-{state}")
                                aria-current=(each == stage).then_some("step")
                            >
                                {move || each.name(locale.get().lang())}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
        <ApplicationSection detail=detail.clone() />
        <StageWork detail=detail.clone() reload />
        <Entries detail=detail.clone() reload />
        <Documents detail=detail.clone() reload />
        <Ledger detail=detail.clone() reload />
        <Timeline events=detail.timeline.clone() />
    }
}

fn status_class(status: crate::domain::process::ProjectStatus) -> &'static str {
    use crate::domain::process::ProjectStatus;
    match status {
        ProjectStatus::Active => "active",
        ProjectStatus::Rejected => "rejected",
        ProjectStatus::Finished => "finished",
    }
}
