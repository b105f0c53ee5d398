//! Creating or editing a department (`/admin/departments/new` creates).

use crate::api::{
    AppError, Department, DepartmentForm,
    admin::{SaveDepartment, get_department, list_vice_presidents},
};
use crate::domain::{Capability, DepartmentKind};
use crate::ui::{
    components::{ErrorBox, Loading, TextField},
    labels::department_kind_name,
    messages::problem_text,
    session::require_user,
    use_locale,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn DepartmentEditPage() -> impl IntoView {
    require_user(Some(Capability::ManageDepartments), |_| {
        view! { <DepartmentLoader /> }.into_any()
    })
}

#[component]
fn DepartmentLoader() -> impl IntoView {
    let params = use_params_map();
    let department = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        |id| async move {
            if id == "new" {
                Ok(None)
            } else {
                get_department(id).await.map(Some)
            }
        },
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match department.await {
                    Ok(department) => view! { <DepartmentEditForm department /> }.into_any(),
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DepartmentEditForm(department: Option<Department>) -> impl IntoView {
    let locale = use_locale();
    let id = department
        .as_ref()
        .map(|d| d.id.clone())
        .unwrap_or_default();
    let is_new = department.is_none();
    let code = RwSignal::new(
        department
            .as_ref()
            .map(|d| d.code.clone())
            .unwrap_or_default(),
    );
    let name = RwSignal::new(
        department
            .as_ref()
            .map(|d| d.name.clone())
            .unwrap_or_default(),
    );
    let kind = RwSignal::new(
        department
            .as_ref()
            .map_or(DepartmentKind::Business, |d| d.kind)
            .id()
            .to_owned(),
    );
    let supervisor = RwSignal::new(
        department
            .as_ref()
            .and_then(|d| d.supervisor.as_ref())
            .map(|s| s.id.clone())
            .unwrap_or_default(),
    );
    let vice_presidents = Resource::new(|| (), |_| list_vice_presidents());
    let action = ServerAction::<SaveDepartment>::new();

    let form = move || DepartmentForm {
        id: id.clone(),
        code: code.get(),
        name: name.get(),
        kind: kind.get(),
        supervisor: supervisor.get(),
    };
    let problem = {
        let form = form.clone();
        Memo::new(move |_| {
            let server = action.value().get().and_then(Result::err);
            match (form().validate().err(), server) {
                (Some(problem), _) => Some(problem),
                (None, Some(AppError::Invalid(problem))) if !action.pending().get() => {
                    Some(problem)
                }
                _ => None,
            }
        })
    };
    let error_for = move |field: &'static str| {
        Signal::derive(move || {
            problem
                .get()
                .filter(|p| p.field() == field)
                .map(|p| problem_text(locale.get(), p))
        })
    };

    let navigate = use_navigate();
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(_))) {
            navigate("/admin/departments", Default::default());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = form();
        if form.validate().is_ok() {
            action.dispatch(SaveDepartment { department: form });
        }
    };
    let other_error = move || match action.value().get() {
        Some(Err(AppError::Invalid(_))) | Some(Ok(_)) | None => None,
        Some(Err(error)) => Some(view! { <ErrorBox error /> }),
    };

    view! {
        <h1>
            {move || {
                if is_new {
                    locale.get().departments_new()
                } else {
                    locale.get().departments_edit()
                }
            }}
        </h1>
        {other_error}
        <form class="card" method="post" on:submit=submit novalidate>
            <TextField
                label=Signal::derive(move || locale.get().departments_code().to_owned())
                name="code"
                value=code
                error=error_for("code")
                hint=Signal::derive(move || locale.get().departments_code_hint().to_owned())
                required=true
            />
            <TextField
                label=Signal::derive(move || locale.get().departments_name().to_owned())
                name="name"
                value=name
                error=error_for("name")
                required=true
            />
            <div class="field">
                <label for="field-kind">{move || locale.get().departments_kind()}</label>
                <select
                    id="field-kind"
                    prop:value=move || kind.get()
                    on:change=move |ev| kind.set(event_target_value(&ev))
                >
                    {DepartmentKind::ALL
                        .into_iter()
                        .map(|k| {
                            view! {
                                <option value=k.id() selected=move || kind.get() == k.id()>
                                    {move || department_kind_name(locale.get(), k)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="field-supervisor">
                    {move || locale.get().departments_supervisor()}
                </label>
                <Transition>
                    <select
                        id="field-supervisor"
                        prop:value=move || supervisor.get()
                        on:change=move |ev| supervisor.set(event_target_value(&ev))
                    >
                        <option value="">{move || locale.get().departments_no_supervisor()}</option>
                        {move || {
                            vice_presidents
                                .get()
                                .and_then(Result::ok)
                                .unwrap_or_default()
                                .into_iter()
                                .map(|vp| {
                                    let selected = supervisor.get_untracked() == vp.id;
                                    view! {
                                        <option value=vp.id.clone() selected=selected>
                                            {vp.display_name.clone()}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </Transition>
                <p class="field-message field-message-error">{error_for("supervisor")}</p>
            </div>
            <div class="form-actions">
                <button
                    type="submit"
                    class="button-primary"
                    disabled=move || action.pending().get()
                >
                    {move || locale.get().common_save()}
                </button>
                <a href="/admin/departments">{move || locale.get().common_cancel()}</a>
            </div>
        </form>
    }
}
