//! The projects the user may see, newest first.

use crate::api::{ProjectSummary, projects::list_projects};
use crate::domain::Role;
use crate::ui::{
    components::{ErrorBox, Loading},
    labels::stage_text,
    labels::tier_name,
    session::require_user,
    use_locale,
};
use leptos::prelude::*;

#[component]
pub fn ProjectsPage() -> impl IntoView {
    require_user(None, |user| {
        let may_start = user.has(Role::DeptClerk) && user.department.is_some();
        view! { <ProjectList may_start /> }.into_any()
    })
}

#[component]
fn ProjectList(may_start: bool) -> impl IntoView {
    let locale = use_locale();
    let projects = Resource::new(|| (), |_| list_projects());
    view! {
        <div class="page-head">
            <h1>{move || locale.get().nav_projects()}</h1>
            {may_start
                .then(|| {
                    view! {
                        <a class="button-primary" href="/projects/new">
                            {move || locale.get().projects_new()}
                        </a>
                    }
                })}
        </div>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match projects.await {
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                    Ok(list) if list.is_empty() => {
                        view! { <p class="muted">{move || locale.get().projects_empty()}</p> }
                            .into_any()
                    }
                    Ok(list) => {
                        view! {
                            <table class="table table-responsive">
                                <thead>
                                    <tr>
                                        <th scope="col">{move || locale.get().projects_name()}</th>
                                        <th scope="col">
                                            {move || locale.get().projects_department()}
                                        </th>
                                        <th scope="col">{move || locale.get().projects_stage()}</th>
                                        <th scope="col">
                                            {move || locale.get().projects_budget()}
                                        </th>
                                        <th scope="col">
                                            {move || locale.get().projects_approver()}
                                        </th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list
                                        .into_iter()
                                        .map(|project| view! { <ProjectRow project /> })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProjectRow(project: ProjectSummary) -> impl IntoView {
    let locale = use_locale();
    let (stage, status, tier) = (project.stage, project.status, project.tier);
    view! {
        <tr>
            <td data-label=move || locale.get().projects_name()>
                <a href=format!("/projects/{}", project.id)>{project.name.clone()}</a>
            </td>
            <td data-label=move || {
                locale.get().projects_department()
            }>{project.department.name.clone()}</td>
            <td data-label=move || {
                locale.get().projects_stage()
            }>{move || stage_text(locale.get(), stage, status)}</td>
            <td class="number" data-label=move || locale.get().projects_budget()>
                {project.budget.to_string()}
            </td>
            <td data-label=move || {
                locale.get().projects_approver()
            }>{move || tier_name(locale.get(), tier)}</td>
        </tr>
    }
}
