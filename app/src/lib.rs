//! ISFlow: outsourced information-system projects and their changes, run
//! as the college's policy GDGM-WI-IT-03-05 prescribes.

pub mod api;
#[cfg(feature = "ssr")]
pub mod backend;
pub mod domain;
pub mod i18n;
pub mod ui;

pub use ui::{App, shell};

/// The browser's entry point: takes over the page the server rendered.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
    mark_hydrated();
}

/// Tells tests (and styles) that the page now runs as an app.
#[cfg(feature = "hydrate")]
fn mark_hydrated() {
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body());
    if let Some(body) = body {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
