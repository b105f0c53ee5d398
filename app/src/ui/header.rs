//! The bar at the top of every page: the name, the navigation the user's
//! roles allow, the language switch, and signing out.

use super::{
    live::use_live,
    locale::switch_locale,
    nav::{nav_href, nav_label},
    session::{percent_encode, use_session},
    use_locale,
};
use crate::api::{SessionUser, auth::SignOut, changes::change_inbox, projects::inbox};
use crate::domain::{NavItem, nav_items};
use crate::i18n::Locale;
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};

#[component]
pub fn Header() -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let user = move || session.and_then(|s| s.get()).and_then(Result::ok).flatten();
    let waiting = waiting_count(move || {
        user().is_some_and(|u| nav_items(&u.roles).contains(&NavItem::Inbox))
    });

    view! {
        <header class="topbar">
            <a class="brand" href="/">
                <span class="brand-mark">"ISFlow"</span>
                <span class="brand-name">{move || locale.get().app_name()}</span>
            </a>
            <div class="topbar-tools">
                <LanguageSwitch />
                <Transition>{move || user().map(|user| view! { <UserMenu user /> })}</Transition>
            </div>
            <Transition>
                {move || user().map(|user| view! { <MainNav user count=waiting /> })}
            </Transition>
            <OfflineNotice />
        </header>
    }
}

/// Shown while the connection to the server is lost; it goes once the
/// browser has reconnected by itself and caught up.
#[component]
fn OfflineNotice() -> impl IntoView {
    let locale = use_locale();
    let live = use_live();
    move || {
        (!live.online.get()).then(|| {
            view! {
                <p class="offline" role="status">
                    {move || locale.get().live_offline()}
                </p>
            }
        })
    }
}

#[component]
fn MainNav(user: SessionUser, count: RwSignal<usize>) -> impl IntoView {
    let locale = use_locale();
    let items = nav_items(&user.roles);
    let badge = move || {
        let count = count.get();
        (count > 0).then(|| {
            view! {
                // The count is read out from the title; the link keeps its
                // plain name so it can be found by it.
                <span
                    class="badge"
                    aria-hidden="true"
                    title=move || locale.get().inbox_count(count)
                >
                    {count}
                </span>
            }
        })
    };
    view! {
        <nav class="mainnav" aria-label=move || locale.get().nav_label()>
            {items
                .into_iter()
                .map(|item| {
                    view! {
                        <A href=nav_href(item) exact=item == NavItem::Home>
                            {move || nav_label(locale.get(), item)}
                            {(item == NavItem::Inbox).then_some(badge)}
                        </A>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// How many items wait in the user's inbox, projects and change requests
/// together; counted again on every navigation and every change heard of,
/// and not at all for those without an inbox. Counted in the browser only:
/// the server's page shows no count, and the browser's first render agrees
/// with it before the count arrives, so the two never disagree.
fn waiting_count(has_inbox: impl Fn() -> bool + Send + Sync + 'static) -> RwSignal<usize> {
    let count = RwSignal::new(0);
    let location = use_location();
    let live = use_live();
    Effect::new(move |_| {
        let wanted = has_inbox();
        let _ = (location.pathname.get(), live.tick.get());
        if !wanted {
            count.set(0);
            return;
        }
        leptos::task::spawn_local(async move {
            // A failed count keeps the last one rather than flashing zero.
            if let (Ok(projects), Ok(changes)) = (inbox().await, change_inbox().await) {
                count.set(projects.len() + changes.len());
            }
        });
    });
    count
}

#[component]
fn UserMenu(user: SessionUser) -> impl IntoView {
    let locale = use_locale();
    let sign_out = ServerAction::<SignOut>::new();
    Effect::new(move |_| {
        if matches!(sign_out.value().get(), Some(Ok(()))) {
            reload_at("/sign-in");
        }
    });

    view! {
        <span class="user-chip" title=user.user_name.clone()>
            {user.display_name.clone()}
        </span>
        <ActionForm action=sign_out>
            <button type="submit" class="button-quiet">
                {move || locale.get().nav_sign_out()}
            </button>
        </ActionForm>
    }
}

/// Links that work without JavaScript (the server sets the cookie and
/// comes back); with it, the switch happens in place.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let locale = use_locale();
    let location = use_location();
    let link = move |to: Locale| {
        let back = location.pathname.get();
        view! {
            <a
                href=format!("/lang/{}?back={}", to.tag(), percent_encode(&back))
                lang=to.tag()
                class:current=move || locale.get() == to
                aria-current=move || (locale.get() == to).then_some("true")
                on:click=move |ev| {
                    ev.prevent_default();
                    switch_locale(locale, to);
                }
            >
                {to.language_name()}
            </a>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=move || locale.get().nav_language()>
            {move || link(Locale::ZhCn)}
            {move || link(Locale::En)}
        </div>
    }
}

/// A full page load, so that every part of the page starts afresh with
/// the new session.
pub fn reload_at(path: &str) {
    #[cfg(not(feature = "ssr"))]
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(path);
    }
    #[cfg(feature = "ssr")]
    let _ = path;
}
