use crate::api::AppError;
use crate::ui::{messages::error_text, use_locale};
use leptos::prelude::*;

/// An error in words the user can act on, announced to screen readers.
#[component]
pub fn ErrorBox(error: AppError) -> impl IntoView {
    let locale = use_locale();
    view! {
        <p class="alert alert-error" role="alert">
            {move || error_text(locale.get(), &error)}
        </p>
    }
}
