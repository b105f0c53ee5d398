//! The list of users, with a filter that narrows it as you type.

use crate::api::{UserSummary, admin::list_users};
use crate::domain::Capability;
use crate::ui::{
    components::{ErrorBox, Loading},
    labels::role_name,
    session::require_user,
    use_locale,
};
use leptos::prelude::*;

#[component]
pub fn UsersPage() -> impl IntoView {
    require_user(Some(Capability::ManageUsers), |_| {
        view! { <UserList /> }.into_any()
    })
}

#[component]
fn UserList() -> impl IntoView {
    let locale = use_locale();
    let users = Resource::new(|| (), |_| list_users());
    let filter = RwSignal::new(String::new());

    let matches = move |user: &UserSummary| {
        let needle = filter.get().trim().to_lowercase();
        needle.is_empty()
            || user.user_name.contains(&needle)
            || user.display_name.to_lowercase().contains(&needle)
            || user
                .department
                .as_ref()
                .is_some_and(|d| d.name.contains(&needle))
    };

    view! {
        <div class="page-head">
            <h1>{move || locale.get().nav_users()}</h1>
            <a class="button-primary" href="/admin/users/new">
                {move || locale.get().users_new()}
            </a>
        </div>
        <div class="field">
            <label for="user-filter">{move || locale.get().users_filter()}</label>
            <input
                id="user-filter"
                type="search"
                prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev))
            />
        </div>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match users.await {
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                    Ok(list) => {
                        let visible = move || {
                            list.iter().filter(|u| matches(u)).cloned().collect::<Vec<_>>()
                        };
                        view! {
                            <table class="table table-responsive">
                                <thead>
                                    <tr>
                                        <th scope="col">{move || locale.get().users_name()}</th>
                                        <th scope="col">
                                            {move || locale.get().users_department()}
                                        </th>
                                        <th scope="col">{move || locale.get().users_roles()}</th>
                                        <th scope="col">{move || locale.get().users_status()}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    <For each=visible key=|user| user.id.clone() let:user>
                                        <UserRow user />
                                    </For>
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
fn UserRow(user: UserSummary) -> impl IntoView {
    let locale = use_locale();
    let roles = user.roles.clone();
    let enabled = user.enabled;
    view! {
        <tr class:row-disabled=!enabled>
            <td data-label=move || locale.get().users_name()>
                <a href=format!("/admin/users/{}", user.id)>{user.display_name.clone()}</a>
                <span class="muted">" · " {user.user_name.clone()}</span>
            </td>
            <td data-label=move || {
                locale.get().users_department()
            }>{user.department.as_ref().map(|d| d.name.clone()).unwrap_or_default()}</td>
            <td data-label=move || {
                locale.get().users_roles()
            }>
                {move || {
                    roles
                        .iter()
                        .map(|r| role_name(locale.get(), *r))
                        .collect::<Vec<_>>()
                        .join(locale.get().common_list_separator())
                }}
            </td>
            <td data-label=move || {
                locale.get().users_status()
            }>
                {move || {
                    if enabled {
                        locale.get().users_enabled()
                    } else {
                        locale.get().users_disabled()
                    }
                }}
            </td>
        </tr>
    }
}
