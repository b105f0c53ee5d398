use leptos::prelude::*;

/// The message shown under a field, if any; empty when the field is fine.
pub type FieldError = Signal<Option<String>>;

/// A labelled text input bound to a signal, with its message beneath.
#[component]
pub fn TextField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] name: String,
    value: RwSignal<String>,
    #[prop(optional, into)] error: Option<FieldError>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let message_id = format!("{id}-message");
    let has_error = move || error.is_some_and(|e| e.get().is_some());

    view! {
        <div class="field" class:field-invalid=has_error>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                required=required
                disabled=disabled
                aria-invalid=move || if has_error() { "true" } else { "false" }
                aria-describedby=message_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <p class="field-message" id=message_id>
                {move || {
                    error
                        .and_then(|e| e.get())
                        .or_else(|| hint.map(|h| h.get()))
                        .unwrap_or_default()
                }}
            </p>
        </div>
    }
}
