//! Editing a user: name, department, roles, whether they may sign in, and
//! a new password when they have lost theirs.

use super::membership_fields::MembershipFields;
use crate::api::{
    AppError, UserChanges, UserSummary,
    admin::{ResetPassword, UpdateUser, get_user},
};
use crate::domain::{Capability, check_new_password};
use crate::ui::{
    components::{ErrorBox, Loading, TextField},
    messages::{password_text, problem_text},
    session::require_user,
    use_locale,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn UserEditPage() -> impl IntoView {
    require_user(Some(Capability::ManageUsers), |_| {
        view! { <UserEditLoader /> }.into_any()
    })
}

#[component]
fn UserEditLoader() -> impl IntoView {
    let params = use_params_map();
    let user = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        get_user,
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(user) => view! { <UserEditForm user /> }.into_any(),
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn UserEditForm(user: UserSummary) -> impl IntoView {
    let locale = use_locale();
    let id = user.id.clone();
    let display_name = RwSignal::new(user.display_name.clone());
    let department = RwSignal::new(
        user.department
            .as_ref()
            .map(|d| d.id.clone())
            .unwrap_or_default(),
    );
    let roles = RwSignal::new(
        user.roles
            .iter()
            .map(|r| r.id().to_owned())
            .collect::<Vec<_>>(),
    );
    let enabled = RwSignal::new(user.enabled);
    let action = ServerAction::<UpdateUser>::new();

    let changes = {
        let id = id.clone();
        move || UserChanges {
            id: id.clone(),
            display_name: display_name.get(),
            department: department.get(),
            roles: roles.get(),
            enabled: enabled.get(),
        }
    };
    let problem = {
        let changes = changes.clone();
        Memo::new(move |_| {
            let server = action.value().get().and_then(Result::err);
            match (changes().validate().err(), server) {
                (Some(problem), _) => Some(problem),
                (None, Some(AppError::Invalid(problem))) if !action.pending().get() => {
                    Some(problem)
                }
                _ => None,
            }
        })
    };
    let error_for = move |fields: &'static [&'static str]| {
        Signal::derive(move || {
            problem
                .get()
                .filter(|p| fields.contains(&p.field()))
                .map(|p| problem_text(locale.get(), p))
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let changes = changes();
        if changes.validate().is_ok() {
            action.dispatch(UpdateUser { changes });
        }
    };
    let outcome = move || match action.value().get() {
        Some(Ok(())) => Some(
            view! {
                <p class="alert alert-success" role="status">
                    {move || locale.get().common_saved()}
                </p>
            }
            .into_any(),
        ),
        Some(Err(AppError::Invalid(_))) | None => None,
        Some(Err(error)) => Some(view! { <ErrorBox error /> }.into_any()),
    };

    view! {
        <h1>
            {user.display_name.clone()} <span class="muted">" · " {user.user_name.clone()}</span>
        </h1>
        {outcome}
        <form class="card" method="post" on:submit=submit novalidate>
            <TextField
                label=Signal::derive(move || locale.get().account_display_name().to_owned())
                name="display_name"
                value=display_name
                error=error_for(&["display_name"])
                required=true
            />
            <MembershipFields department roles error=error_for(&["roles", "department"]) />
            <div class="field">
                <label class="check">
                    <input
                        type="checkbox"
                        name="enabled"
                        prop:checked=move || enabled.get()
                        on:change=move |ev| enabled.set(event_target_checked(&ev))
                    />
                    {move || locale.get().users_may_sign_in()}
                </label>
                <p class="field-message field-message-error">{error_for(&["enabled"])}</p>
            </div>
            <div class="form-actions">
                <button
                    type="submit"
                    class="button-primary"
                    disabled=move || action.pending().get()
                >
                    {move || locale.get().common_save()}
                </button>
                <a href="/admin/users">{move || locale.get().common_back()}</a>
            </div>
        </form>
        <ResetPasswordForm id user_name=user.user_name />
    }
}

#[component]
fn ResetPasswordForm(id: String, user_name: String) -> impl IntoView {
    let locale = use_locale();
    let password = RwSignal::new(String::new());
    let action = ServerAction::<ResetPassword>::new();
    let error = Signal::derive(move || {
        let typed = password.get();
        if typed.is_empty() {
            return None;
        }
        check_new_password(&typed, &user_name)
            .err()
            .map(|e| password_text(locale.get(), e).to_owned())
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if error.get_untracked().is_none() && !password.get_untracked().is_empty() {
            action.dispatch(ResetPassword {
                id: id.clone(),
                new_password: password.get_untracked(),
            });
        }
    };
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            password.set(String::new());
        }
    });

    view! {
        <form class="card" method="post" on:submit=submit>
            <h2>{move || locale.get().users_reset_password()}</h2>
            {move || match action.value().get() {
                Some(Ok(())) => {
                    Some(
                        view! {
                            <p class="alert alert-success" role="status">
                                {move || locale.get().users_password_reset_done()}
                            </p>
                        }
                            .into_any(),
                    )
                }
                Some(Err(error)) => Some(view! { <ErrorBox error /> }.into_any()),
                None => None,
            }}
            <TextField
                label=Signal::derive(move || locale.get().account_new_password().to_owned())
                name="reset_password"
                value=password
                kind="password"
                autocomplete="new-password"
                error
            />
            <button type="submit" class="button-secondary" disabled=move || action.pending().get()>
                {move || locale.get().users_reset_password()}
            </button>
        </form>
    }
}
