//! The landing page after sign-in: who I am here and where I can go.

use crate::api::SessionUser;
use crate::domain::{NavItem, nav_items};
use crate::i18n::Locale;
use crate::ui::{
    labels::role_name,
    nav::{nav_href, nav_label},
    session::require_user,
    use_locale,
};
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    require_user(None, |user| view! { <Welcome user /> }.into_any())
}

#[component]
fn Welcome(user: SessionUser) -> impl IntoView {
    let locale = use_locale();
    let name = user.display_name.clone();
    let department = user.department.clone();
    let roles = user.roles.clone();
    let places: Vec<NavItem> = nav_items(&user.roles)
        .into_iter()
        .filter(|item| *item != NavItem::Home)
        .collect();

    view! {
        <h1>{move || locale.get().home_greeting(&name)}</h1>
        <dl class="facts">
            <dt>{move || locale.get().home_department()}</dt>
            <dd>
                {move || {
                    department
                        .as_ref()
                        .map(|d| d.name.clone())
                        .unwrap_or_else(|| locale.get().home_no_department().to_owned())
                }}
            </dd>
            <dt>{move || locale.get().home_roles()}</dt>
            <dd class="chips">
                {roles
                    .iter()
                    .map(|role| {
                        let role = *role;
                        view! { <span class="chip">{move || role_name(locale.get(), role)}</span> }
                    })
                    .collect_view()}
            </dd>
        </dl>
        <ul class="place-cards">
            {places
                .into_iter()
                .map(|item| {
                    view! {
                        <li class="card">
                            <a href=nav_href(item)>
                                <h2>{move || nav_label(locale.get(), item)}</h2>
                                <p class="muted">{move || blurb(locale.get(), item)}</p>
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

fn blurb(t: Locale, item: NavItem) -> &'static str {
    match item {
        NavItem::Home => "",
        NavItem::Inbox => t.home_inbox_blurb(),
        NavItem::Board => t.home_board_blurb(),
        NavItem::Projects => t.home_projects_blurb(),
        NavItem::Systems => t.home_systems_blurb(),
        NavItem::Changes => t.home_changes_blurb(),
        NavItem::Reference => t.home_reference_blurb(),
        NavItem::Users => t.home_users_blurb(),
        NavItem::Departments => t.home_departments_blurb(),
        NavItem::Account => t.home_account_blurb(),
    }
}
