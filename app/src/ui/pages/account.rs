//! My account: who I am in ISFlow, changing my password, and delegating
//! my decisions while I am away.

use crate::api::{SessionUser, auth::ChangePassword, check_password_pair};
use crate::domain::{Capability, has_capability};
use crate::ui::{
    components::{ErrorBox, TextField},
    labels::role_name,
    messages::problem_text,
    session::require_user,
    use_locale,
};
use leptos::prelude::*;

#[component]
pub fn AccountPage() -> impl IntoView {
    require_user(None, |user| view! { <Account user /> }.into_any())
}

#[component]
fn Account(user: SessionUser) -> impl IntoView {
    let locale = use_locale();
    let roles = user.roles.clone();
    view! {
        <h1>{move || locale.get().account_title()}</h1>
        <dl class="facts card">
            <dt>{move || locale.get().account_user_name()}</dt>
            <dd>{user.user_name.clone()}</dd>
            <dt>{move || locale.get().account_display_name()}</dt>
            <dd>{user.display_name.clone()}</dd>
            <dt>{move || locale.get().home_roles()}</dt>
            <dd>
                {move || {
                    roles
                        .iter()
                        .map(|r| role_name(locale.get(), *r))
                        .collect::<Vec<_>>()
                        .join(locale.get().common_list_separator())
                }}
            </dd>
        </dl>
        <PasswordForm user_name=user.user_name />
        {has_capability(&user.roles, Capability::WorkOnProjects)
            .then(|| view! { <super::delegations::Delegations /> })}
    }
}

#[component]
fn PasswordForm(user_name: String) -> impl IntoView {
    let locale = use_locale();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let action = ServerAction::<ChangePassword>::new();

    // Checked as typed, by the same rule the server applies.
    let new_error = Signal::derive(move || {
        let (new, repeat) = (new.get(), repeat.get());
        if new.is_empty() {
            return None;
        }
        let repeat = if repeat.is_empty() {
            new.clone()
        } else {
            repeat
        };
        check_password_pair(&new, &repeat, &user_name)
            .err()
            .map(|p| problem_text(locale.get(), p))
    });
    let can_submit = move || {
        !current.get().is_empty()
            && !new.get().is_empty()
            && !repeat.get().is_empty()
            && new_error.get().is_none()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(ChangePassword {
            current_password: current.get(),
            new_password: new.get(),
            repeat_password: repeat.get(),
        });
    };
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            current.set(String::new());
            new.set(String::new());
            repeat.set(String::new());
        }
    });

    view! {
        <section class="card">
            <h2>{move || locale.get().account_change_password()}</h2>
            {move || match action.value().get() {
                Some(Ok(())) => {
                    Some(
                        view! {
                            <p class="alert alert-success" role="status">
                                {move || locale.get().account_password_changed()}
                            </p>
                        }
                            .into_any(),
                    )
                }
                Some(Err(error)) => Some(view! { <ErrorBox error /> }.into_any()),
                None => None,
            }}
            <form method="post" on:submit=submit>
                <TextField
                    label=Signal::derive(move || locale.get().account_current_password().to_owned())
                    name="current_password"
                    value=current
                    kind="password"
                    autocomplete="current-password"
                    required=true
                />
                <TextField
                    label=Signal::derive(move || locale.get().account_new_password().to_owned())
                    name="new_password"
                    value=new
                    kind="password"
                    autocomplete="new-password"
                    error=new_error
                    hint=Signal::derive(move || locale.get().account_password_hint().to_owned())
                    required=true
                />
                <TextField
                    label=Signal::derive(move || locale.get().account_repeat_password().to_owned())
                    name="repeat_password"
                    value=repeat
                    kind="password"
                    autocomplete="new-password"
                    required=true
                />
                <button
                    type="submit"
                    class="button-primary"
                    disabled=move || !can_submit() || action.pending().get()
                >
                    {move || locale.get().account_change_password()}
                </button>
            </form>
        </section>
    }
}
