//! The department select and role checkboxes shared by the user forms.

use crate::api::{Department, admin::list_departments};
use crate::domain::Role;
use crate::ui::{labels::role_name, use_locale};
use leptos::prelude::*;

#[component]
pub fn MembershipFields(
    department: RwSignal<String>,
    roles: RwSignal<Vec<String>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let locale = use_locale();
    let departments = Resource::new(|| (), |_| list_departments());
    let options = move || departments.get().and_then(Result::ok).unwrap_or_default();

    view! {
        <div class="field">
            <label for="field-department">{move || locale.get().users_department()}</label>
            <Transition>
                <select
                    id="field-department"
                    prop:value=move || department.get()
                    on:change=move |ev| department.set(event_target_value(&ev))
                >
                    <option value="">{move || locale.get().users_no_department()}</option>
                    {move || {
                        options()
                            .into_iter()
                            .map(|d: Department| {
                                let selected = department.get_untracked() == d.id;
                                view! {
                                    <option value=d.id.clone() selected=selected>
                                        {format!("{} {}", d.code, d.name)}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </Transition>
        </div>
        <fieldset class="field roles" aria-describedby="roles-message">
            <legend>{move || locale.get().users_roles()}</legend>
            {Role::ALL
                .into_iter()
                .map(|role| {
                    let id = role.id();
                    let checked = move || roles.get().iter().any(|r| r == id);
                    view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                name="roles"
                                value=id
                                prop:checked=checked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    roles
                                        .update(|list| {
                                            list.retain(|r| r != id);
                                            if on {
                                                list.push(id.to_owned());
                                            }
                                        });
                                }
                            />
                            {move || role_name(locale.get(), role)}
                        </label>
                    }
                })
                .collect_view()}
            <p class="field-message field-message-error" id="roles-message">
                {move || error.get()}
            </p>
        </fieldset>
    }
}
