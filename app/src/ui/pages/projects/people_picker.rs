//! Choosing people for a form: a searchable list of ticks, or of one
//! choice, drawn from a pool the server names.

use crate::api::{PeoplePool, projects::candidates};
use crate::ui::{components::ErrorBox, use_locale};
use leptos::prelude::*;

#[component]
pub fn PeoplePicker(
    pool: PeoplePool,
    chosen: RwSignal<Vec<String>>,
    /// One person only: ticking one clears the others.
    single: bool,
    #[prop(into)] name: String,
) -> impl IntoView {
    let locale = use_locale();
    let people = Resource::new(move || pool, candidates);
    let filter = RwSignal::new(String::new());
    let toggle = move |id: String, on: bool| {
        chosen.update(|list| {
            list.retain(|each| *each != id);
            if on {
                if single {
                    list.clear();
                }
                list.push(id);
            }
        });
    };
    let group = name.clone();
    view! {
        <div class="picker" data-field=name>
            <input
                type="search"
                class="picker-filter"
                aria-label=move || locale.get().picker_filter()
                placeholder=move || locale.get().picker_filter()
                prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev))
            />
            <Transition>
                {move || {
                    let group = group.clone();
                    Suspend::new(async move {
                        match people.await {
                            Err(error) => view! { <ErrorBox error /> }.into_any(),
                            Ok(list) => {
                                view! {
                                    <ul class="picker-list" role="group">
                                        {list
                                            .into_iter()
                                            .map(|person| {
                                                let id = person.id.clone();
                                                let shown_name = person.display_name.clone();
                                                let checked_id = id.clone();
                                                view! {
                                                    <li style:display=move || {
                                                        let wanted = filter.get();
                                                        if wanted.is_empty() || shown_name.contains(wanted.trim()) {
                                                            ""
                                                        } else {
                                                            "none"
                                                        }
                                                    }>
                                                        <label class="check">
                                                            <input
                                                                type=if single { "radio" } else { "checkbox" }
                                                                name=group.clone()
                                                                value=id.clone()
                                                                prop:checked=move || { chosen.get().contains(&checked_id) }
                                                                on:change=move |ev| {
                                                                    toggle(id.clone(), event_target_checked(&ev))
                                                                }
                                                            />
                                                            {person.display_name}
                                                        </label>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }
                        }
                    })
                }}
            </Transition>
        </div>
    }
}
