//! Creating a user: checked as typed by the same rules the server applies.

use super::membership_fields::MembershipFields;
use crate::api::{AppError, NewUser, admin::CreateUser};
use crate::domain::Capability;
use crate::ui::{
    components::{ErrorBox, TextField},
    messages::problem_text,
    session::require_user,
    use_locale,
};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn UserNewPage() -> impl IntoView {
    require_user(Some(Capability::ManageUsers), |_| {
        view! { <UserNewForm /> }.into_any()
    })
}

#[component]
fn UserNewForm() -> impl IntoView {
    let locale = use_locale();
    let user_name = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let department = RwSignal::new(String::new());
    let roles = RwSignal::new(Vec::<String>::new());
    let password = RwSignal::new(String::new());
    let attempted = RwSignal::new(false);
    let action = ServerAction::<CreateUser>::new();

    let form = move || NewUser {
        user_name: user_name.get(),
        display_name: display_name.get(),
        department: department.get(),
        roles: roles.get(),
        password: password.get(),
    };
    let problem = Memo::new(move |_| {
        let server = action.value().get().and_then(Result::err);
        match (form().validate().err(), server) {
            (Some(problem), _) => Some(problem),
            (None, Some(AppError::Invalid(problem))) if !action.pending().get() => Some(problem),
            _ => None,
        }
    });
    let error_for = move |field: &'static str, typed: RwSignal<String>| {
        Signal::derive(move || {
            let problem = problem.get().filter(|p| p.field() == field)?;
            (attempted.get() || !typed.get().is_empty())
                .then(|| problem_text(locale.get(), problem))
        })
    };
    let membership_error = Signal::derive(move || {
        let problem = problem
            .get()
            .filter(|p| matches!(p.field(), "roles" | "department"))?;
        attempted.get().then(|| problem_text(locale.get(), problem))
    });

    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = action.value().get() {
            navigate(&format!("/admin/users/{id}"), Default::default());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        if form().validate().is_ok() {
            action.dispatch(CreateUser { user: form() });
        }
    };
    let other_error = move || match action.value().get() {
        Some(Err(AppError::Invalid(_))) | Some(Ok(_)) | None => None,
        Some(Err(error)) => Some(view! { <ErrorBox error /> }),
    };

    view! {
        <h1>{move || locale.get().users_new()}</h1>
        {other_error}
        <form class="card" method="post" on:submit=submit novalidate>
            <TextField
                label=Signal::derive(move || locale.get().account_user_name().to_owned())
                name="user_name"
                value=user_name
                error=error_for("user_name", user_name)
                hint=Signal::derive(move || locale.get().users_user_name_hint().to_owned())
                required=true
            />
            <TextField
                label=Signal::derive(move || locale.get().account_display_name().to_owned())
                name="display_name"
                value=display_name
                error=error_for("display_name", display_name)
                required=true
            />
            <MembershipFields department roles error=membership_error />
            <TextField
                label=Signal::derive(move || locale.get().users_initial_password().to_owned())
                name="new_password"
                value=password
                kind="password"
                autocomplete="new-password"
                error=error_for("new_password", password)
                hint=Signal::derive(move || locale.get().account_password_hint().to_owned())
                required=true
            />
            <div class="form-actions">
                <button
                    type="submit"
                    class="button-primary"
                    disabled=move || action.pending().get()
                >
                    {move || locale.get().common_save()}
                </button>
                <a href="/admin/users">{move || locale.get().common_cancel()}</a>
            </div>
        </form>
    }
}
