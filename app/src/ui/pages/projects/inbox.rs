//! My inbox: every project waiting on me, oldest wait first, with what it
//! waits for.

use super::list::stage_text;
use crate::api::{InboxItem, projects::inbox};
use crate::ui::{
    components::{ErrorBox, Loading},
    labels::{decision_name, output_name, tier_name},
    session::require_user,
    use_locale,
};
use leptos::prelude::*;

#[component]
pub fn InboxPage() -> impl IntoView {
    require_user(None, |_| view! { <InboxList /> }.into_any())
}

#[component]
fn InboxList() -> impl IntoView {
    let locale = use_locale();
    let items = Resource::new(|| (), |_| inbox());
    view! {
        <h1>{move || locale.get().inbox_title()}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match items.await {
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                    Ok(list) if list.is_empty() => {
                        view! { <p class="muted">{move || locale.get().inbox_empty()}</p> }.into_any()
                    }
                    Ok(list) => {
                        let count = list.len();
                        view! {
                            <p class="muted">{move || locale.get().inbox_count(count)}</p>
                            <ul class="inbox">
                                {list
                                    .into_iter()
                                    .map(|item| view! { <InboxCard item /> })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn InboxCard(item: InboxItem) -> impl IntoView {
    let locale = use_locale();
    let project = item.project.clone();
    let (stage, status, tier) = (project.stage, project.status, project.tier);
    let since = item.since.to_local_date();
    let wanted = {
        let item = item.clone();
        move || {
            let t = locale.get();
            let mut parts: Vec<String> = item
                .decisions
                .iter()
                .map(|d| decision_name(t, *d).to_owned())
                .collect();
            parts.extend(item.to_file.iter().map(|k| t.work_file(output_name(t, *k))));
            parts.join(t.common_list_separator())
        }
    };
    view! {
        <li class="card inbox-item" class:overdue=item.overdue>
            <a class="inbox-title" href=format!("/projects/{}", project.id)>{project.name.clone()}</a>
            <p>
                <span class="chip">{move || stage_text(locale.get(), stage, status)}</span>
                {item.overdue.then(|| view! { <span class="chip chip-warn">{move || locale.get().board_overdue()}</span> })}
            </p>
            <p class="muted">
                {project.department.name.clone()} " · " {move || tier_name(locale.get(), tier)} " · "
                {move || locale.get().work_since(since.clone())}
            </p>
            <p class="inbox-wanted">{wanted}</p>
        </li>
    }
}
