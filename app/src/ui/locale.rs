//! The interface language: chosen from a cookie so the server renders the
//! same language the browser then hydrates, switched without a reload.

use crate::i18n::Locale;
use leptos::prelude::*;

pub fn provide_locale() -> RwSignal<Locale> {
    let locale = RwSignal::new(initial_locale());
    provide_context(locale);
    locale
}

/// The current language, as a signal to read inside reactive closures.
pub fn use_locale() -> RwSignal<Locale> {
    use_context::<RwSignal<Locale>>().unwrap_or_else(|| RwSignal::new(Locale::default()))
}

#[cfg(feature = "ssr")]
fn initial_locale() -> Locale {
    let Some(parts) = use_context::<http::request::Parts>() else {
        return Locale::default();
    };
    let cookies: Vec<&str> = parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect();
    Locale::from_cookie_header(&cookies.join("; "))
}

#[cfg(not(feature = "ssr"))]
fn initial_locale() -> Locale {
    document_cookie()
        .map(|c| Locale::from_cookie_header(&c))
        .unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
fn document_cookie() -> Option<String> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    document
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()?
        .cookie()
        .ok()
}

/// Remembers the choice for a year and applies it at once.
pub fn switch_locale(locale: RwSignal<Locale>, to: Locale) {
    #[cfg(not(feature = "ssr"))]
    {
        use wasm_bindgen::JsCast;
        let cookie = format!(
            "{}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            Locale::COOKIE,
            to.tag()
        );
        let document = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok());
        if let Some(document) = document {
            let _ = document.set_cookie(&cookie);
        }
    }
    locale.set(to);
}
