use leptos::prelude::*;

/// A labelled text area bound to a signal, with its message beneath.
#[component]
pub fn LongText(
    label: Signal<String>,
    name: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                name=name
                rows="4"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            <p class="field-message">{move || error.get()}</p>
        </div>
    }
}
