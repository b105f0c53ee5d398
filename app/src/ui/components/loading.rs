use crate::ui::use_locale;
use leptos::prelude::*;

/// What a page shows while its data is on the way.
#[component]
pub fn Loading() -> impl IntoView {
    let locale = use_locale();
    view! { <p class="muted">{move || locale.get().common_loading()}</p> }
}
