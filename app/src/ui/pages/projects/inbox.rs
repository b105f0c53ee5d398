//! My inbox: every project waiting on me, oldest wait first, with what it
//! waits for.

use crate::api::{ChangeInboxItem, InboxItem, changes::change_inbox, projects::inbox};
use crate::domain::process::LedgerTask;
use crate::ui::labels::stage_text;
use crate::ui::{
    change_words::decision_label,
    components::{ErrorBox, Loading},
    labels::{decision_name, output_name, tier_name},
    session::require_user,
    use_locale,
};
use leptos::prelude::*;

#[component]
pub fn InboxPage() -> impl IntoView {
    require_user(None, |_| {
        view! {
            <InboxList />
            <ChangeInboxList />
        }
        .into_any()
    })
}

/// The change requests waiting on me, below the projects.
#[component]
fn ChangeInboxList() -> impl IntoView {
    let locale = use_locale();
    let live = crate::ui::live::use_live();
    let items = Resource::new(move || live.tick.get(), |_| change_inbox());
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match items.await {
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                    Ok(list) if list.is_empty() => ().into_any(),
                    Ok(list) => {
                        view! {
                            <h2>{move || locale.get().change_inbox_title()}</h2>
                            <ul class="inbox">
                                {list
                                    .into_iter()
                                    .map(|item| view! { <ChangeInboxCard item /> })
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
fn ChangeInboxCard(item: ChangeInboxItem) -> impl IntoView {
    let locale = use_locale();
    let change = item.change.clone();
    let step = change.state.step;
    let since = change.since.to_local_date();
    let wanted = move || {
        let t = locale.get();
        item.decisions
            .iter()
            .map(|d| decision_label(t, step, *d))
            .collect::<Vec<_>>()
            .join(t.common_list_separator())
    };
    view! {
        <li class="card inbox-item">
            <a class="inbox-title" href=format!("/changes/{}", change.id)>
                {change.number.to_string()}
                " "
                {change.system_name.clone()}
            </a>
            <p>
                <span class="chip">{move || step.name(locale.get().lang())}</span>
            </p>
            <p class="muted">
                {change.department.name.clone()} " · "
                {move || locale.get().work_since(since.clone())}
            </p>
            <p class="inbox-wanted">{wanted}</p>
        </li>
    }
}

#[component]
fn InboxList() -> impl IntoView {
    let locale = use_locale();
    let live = crate::ui::live::use_live();
    let items = Resource::new(move || live.tick.get(), |_| inbox());
    view! {
        <h1>{move || locale.get().inbox_title()}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match items.await {
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                    Ok(list) if list.is_empty() => {
                        view! { <p class="muted">{move || locale.get().inbox_empty()}</p> }
                            .into_any()
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
    let principal = item.on_behalf_of.clone().map(|p| p.display_name);
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
            parts.extend(item.ledger.iter().map(|task| match task {
                LedgerTask::Payment(kind) => t.inbox_record_payment(kind.name(t.lang())),
                LedgerTask::AssetRegistration => t.inbox_register_asset().to_owned(),
            }));
            parts.join(t.common_list_separator())
        }
    };
    view! {
        <li class="card inbox-item" class:overdue=item.overdue>
            <a class="inbox-title" href=format!("/projects/{}", project.id)>
                {project.name.clone()}
            </a>
            <p>
                <span class="chip">{move || stage_text(locale.get(), stage, status)}</span>
                {item
                    .overdue
                    .then(|| {
                        view! {
                            <span class="chip chip-warn">
                                {move || locale.get().board_overdue()}
                            </span>
                        }
                    })}
            </p>
            <p class="muted">
                {project.department.name.clone()} " · " {move || tier_name(locale.get(), tier)}
                " · " {move || locale.get().work_since(since.clone())}
            </p>
            <p class="inbox-wanted">{wanted}</p>
            {principal
                .map(|name| {
                    view! {
                        <p class="chip chip-delegated">
                            {move || locale.get().decision_on_behalf(name.clone())}
                        </p>
                    }
                })}
        </li>
    }
}
