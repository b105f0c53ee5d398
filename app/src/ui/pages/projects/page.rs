//! A project's page: what it is, and where it stands among the stages of
//! the process.

use super::list::stage_text;
use crate::api::{ProjectSummary, projects::get_project};
use crate::domain::{ProjectClass, process::StageId};
use crate::ui::{
    components::{ErrorBox, Loading},
    labels::tier_name,
    session::require_user,
    use_locale,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProjectPage() -> impl IntoView {
    require_user(None, |_| view! { <ProjectLoader /> }.into_any())
}

#[component]
fn ProjectLoader() -> impl IntoView {
    let params = use_params_map();
    let project = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        get_project,
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match project.await {
                    Ok(project) => view! { <ProjectView project /> }.into_any(),
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProjectView(project: ProjectSummary) -> impl IntoView {
    let locale = use_locale();
    let ProjectSummary {
        stage,
        status,
        tier,
        class,
        category,
        ..
    } = project;
    let category_name = move || {
        category
            .category()
            .map(|c| format!("{category} {}", c.name(locale.get().lang())))
    };
    let class_name = move || match class {
        ProjectClass::PublicService => locale.get().projects_class_public(),
        ProjectClass::NonPublic => locale.get().projects_class_non_public(),
    };

    view! {
        <h1>{project.name.clone()}</h1>
        <dl class="facts card">
            <dt>{move || locale.get().projects_department()}</dt>
            <dd>{project.department.name.clone()}</dd>
            <dt>{move || locale.get().projects_category()}</dt>
            <dd>{category_name}</dd>
            <dt>{move || locale.get().projects_class()}</dt>
            <dd>{class_name}</dd>
            <dt>{move || locale.get().projects_budget()}</dt>
            <dd class="number">{project.budget.to_string()}</dd>
            <dt>{move || locale.get().projects_approver()}</dt>
            <dd>{move || tier_name(locale.get(), tier)}</dd>
            <dt>{move || locale.get().projects_stage()}</dt>
            <dd>{move || stage_text(locale.get(), stage, status)}</dd>
            <dt>{move || locale.get().projects_started()}</dt>
            <dd>{project.created_at.to_local_minute()}</dd>
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
    }
}
