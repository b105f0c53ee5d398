//! Signing in. A plain HTML form that works without JavaScript; with it,
//! the answer appears in place.

use crate::api::auth::{SignIn, safe_next};
use crate::ui::{components::ErrorBox, header::reload_at, session::use_session, use_locale};
use leptos::prelude::*;
use leptos_router::{components::Redirect, hooks::use_query_map};

#[component]
pub fn SignInPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let next = move || safe_next(query.read().get("next").as_deref());
    let sign_in = ServerAction::<SignIn>::new();
    let pending = sign_in.pending();

    Effect::new(move |_| {
        if matches!(sign_in.value().get(), Some(Ok(()))) {
            reload_at(&next());
        }
    });
    let already_signed_in = move || {
        use_session()
            .and_then(|s| s.get())
            .and_then(Result::ok)
            .flatten()
            .map(|_| view! { <Redirect path=next() /> })
    };

    view! {
        <Transition>{already_signed_in}</Transition>
        <section class="sign-in card">
            <h1>{move || locale.get().sign_in_title()}</h1>
            <p class="muted">{move || locale.get().sign_in_intro()}</p>
            {move || {
                sign_in
                    .value()
                    .get()
                    .and_then(Result::err)
                    .map(|error| view! { <ErrorBox error /> })
            }}
            <ActionForm action=sign_in>
                <input type="hidden" name="next" value=next />
                <div class="field">
                    <label for="user_name">{move || locale.get().sign_in_user_name()}</label>
                    <input
                        id="user_name"
                        name="user_name"
                        type="text"
                        autocomplete="username"
                        autocapitalize="none"
                        spellcheck="false"
                        required
                    />
                </div>
                <div class="field">
                    <label for="password">{move || locale.get().sign_in_password()}</label>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                    />
                </div>
                <button type="submit" class="button-primary" disabled=pending>
                    {move || {
                        if pending.get() {
                            locale.get().sign_in_pending()
                        } else {
                            locale.get().sign_in_submit()
                        }
                    }}
                </button>
            </ActionForm>
        </section>
    }
}
