//! The list of departments and who supervises each.

use crate::api::{Department, admin::list_departments};
use crate::domain::Capability;
use crate::ui::{
    components::{ErrorBox, Loading},
    labels::department_kind_name,
    session::require_user,
    use_locale,
};
use leptos::prelude::*;

#[component]
pub fn DepartmentsPage() -> impl IntoView {
    require_user(Some(Capability::ManageDepartments), |_| {
        view! { <DepartmentList /> }.into_any()
    })
}

#[component]
fn DepartmentList() -> impl IntoView {
    let locale = use_locale();
    let departments = Resource::new(|| (), |_| list_departments());
    view! {
        <div class="page-head">
            <h1>{move || locale.get().nav_departments()}</h1>
            <a class="button-primary" href="/admin/departments/new">
                {move || locale.get().departments_new()}
            </a>
        </div>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match departments.await {
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                    Ok(list) => {
                        view! {
                            <table class="table table-responsive">
                                <thead>
                                    <tr>
                                        <th scope="col">
                                            {move || locale.get().departments_code()}
                                        </th>
                                        <th scope="col">
                                            {move || locale.get().departments_name()}
                                        </th>
                                        <th scope="col">
                                            {move || locale.get().departments_kind()}
                                        </th>
                                        <th scope="col">
                                            {move || locale.get().departments_supervisor()}
                                        </th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list
                                        .into_iter()
                                        .map(|d| view! { <DepartmentRow department=d /> })
                                        .collect_view()}
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
fn DepartmentRow(department: Department) -> impl IntoView {
    let locale = use_locale();
    let kind = department.kind;
    view! {
        <tr>
            <td data-label=move || locale.get().departments_code()>{department.code.clone()}</td>
            <td data-label=move || locale.get().departments_name()>
                <a href=format!(
                    "/admin/departments/{}",
                    department.id,
                )>{department.name.clone()}</a>
            </td>
            <td data-label=move || {
                locale.get().departments_kind()
            }>{move || department_kind_name(locale.get(), kind)}</td>
            <td data-label=move || {
                locale.get().departments_supervisor()
            }>
                {department.supervisor.as_ref().map(|s| s.display_name.clone()).unwrap_or_default()}
            </td>
        </tr>
    }
}
