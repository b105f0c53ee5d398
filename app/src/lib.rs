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
}
