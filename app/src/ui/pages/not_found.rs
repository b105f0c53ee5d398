use crate::api::AppError;
use crate::ui::components::ErrorBox;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <ErrorBox error=AppError::NotFound />
        <p>
            <a href="/">{move || crate::ui::use_locale().get().nav_home()}</a>
        </p>
    }
}
