//! The register of information systems (信息系统名录): search and filter,
//! and the Excel export of what is shown.

use crate::api::{SystemFilter, SystemSummary, changes::list_systems};
use crate::domain::CategoryClass;
use crate::ui::{
    components::{ErrorBox, ExportLink, Loading, query_of},
    labels::class_name,
    session::require_user,
    use_locale,
};
use leptos::prelude::*;

#[component]
pub fn SystemsPage() -> impl IntoView {
    require_user(None, |_| view! { <Register /> }.into_any())
}

#[component]
fn Register() -> impl IntoView {
    let locale = use_locale();
    let filter = RwSignal::new(SystemFilter::default());
    let systems = Resource::new(move || filter.get(), list_systems);
    let set = move |apply: fn(&mut SystemFilter, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            filter.update(|f| apply(f, value));
        }
    };
    let export = move || {
        let f = filter.get();
        format!(
            "/exports/systems.xlsx{}",
            query_of(&[
                ("text", &f.text),
                ("department", &f.department),
                ("category", &f.category),
                ("class", &f.class)
            ])
        )
    };
    view! {
        <h1>{move || locale.get().systems_title()}</h1>
        <p class="muted">{move || locale.get().systems_intro()}</p>
        <div class="filters card" role="search">
            <label>
                {move || locale.get().systems_search()}
                <input type="search" on:change=set(|f, v| f.text = v) />
            </label>
            <label>
                {move || locale.get().systems_category()}
                <select on:change=set(|f, v| f.category = v)>
                    <option value="">{move || locale.get().systems_category_all()}</option>
                    {CategoryClass::ALL
                        .into_iter()
                        .map(|class| {
                            view! {
                                <option value=class
                                    .number()
                                    .to_string()>{move || class.name(locale.get().lang())}</option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                {move || locale.get().systems_class()} <select on:change=set(|f, v| f.class = v)>
                    <option value="">{move || locale.get().systems_class_all()}</option>
                    <option value="public_service">
                        {move || locale.get().projects_class_public()}
                    </option>
                    <option value="non_public">
                        {move || locale.get().projects_class_non_public()}
                    </option>
                </select>
            </label>
            <ExportLink href=Signal::derive(
                export,
            )>{move || locale.get().systems_export()}</ExportLink>
        </div>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match systems.await {
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                    Ok(list) if list.is_empty() => {
                        view! { <p class="muted">{move || locale.get().systems_empty()}</p> }
                            .into_any()
                    }
                    Ok(list) => view! { <SystemTable list /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn SystemTable(list: Vec<SystemSummary>) -> impl IntoView {
    let locale = use_locale();
    let count = list.len();
    view! {
        <p class="muted">{move || locale.get().systems_count(count)}</p>
        <div class="table-scroll">
            <table class="list">
                <thead>
                    <tr>
                        <th scope="col">{move || locale.get().systems_name()}</th>
                        <th scope="col">{move || locale.get().systems_category()}</th>
                        <th scope="col">{move || locale.get().systems_class()}</th>
                        <th scope="col">{move || locale.get().systems_department()}</th>
                        <th scope="col">{move || locale.get().systems_contractor()}</th>
                        <th scope="col">{move || locale.get().systems_go_live()}</th>
                        <th scope="col">{move || locale.get().systems_open_changes()}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|system| {
                            let category = system.category;
                            let class = system.class;
                            view! {
                                <tr>
                                    <td>
                                        <a href=format!(
                                            "/systems/{}",
                                            system.id,
                                        )>{system.name.clone()}</a>
                                    </td>
                                    <td>
                                        {move || {
                                            category
                                                .category()
                                                .map(|c| {
                                                    format!("{category} {}", c.name(locale.get().lang()))
                                                })
                                        }}
                                    </td>
                                    <td>{move || class_name(locale.get(), class)}</td>
                                    <td>{system.department.name.clone()}</td>
                                    <td>{system.contractor_org.clone().unwrap_or_default()}</td>
                                    <td>{system.go_live.clone()}</td>
                                    <td>{system.open_changes}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
