//! Drafts of long forms, kept in the browser's own storage per user and per
//! form, so that a closed tab or a dropped connection loses nothing typed.
//! A draft never leaves the browser: the server sees a form only when it is
//! sent, and sending it successfully discards the draft.

use crate::domain::Timestamp;
use crate::ui::use_locale;
use leptos::prelude::*;
use serde::{Deserialize, Serialize, de::DeserializeOwned};

#[derive(Serialize, Deserialize)]
struct Stored<T> {
    saved_at: i64,
    form: T,
}

/// Where one user's draft of one form is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftKey(String);

impl DraftKey {
    /// `form` names the form and, where there can be several, the record
    /// it belongs to (e.g. the system a change request is for).
    pub fn new(user_id: &str, form: &str) -> Self {
        DraftKey(format!("isflow.draft.{user_id}.{form}"))
    }

    pub fn load<T: DeserializeOwned>(&self) -> Option<(T, Timestamp)> {
        let text = storage()?.get_item(&self.0).ok()??;
        // A draft from an older version of the form is dropped, not shown
        // half-read.
        let stored: Stored<T> = serde_json::from_str(&text).ok()?;
        Some((stored.form, Timestamp(stored.saved_at)))
    }

    /// Keeps `form`; answers when, or `None` where the browser keeps
    /// nothing (private windows with storage turned off).
    pub fn save<T: Serialize>(&self, form: &T) -> Option<Timestamp> {
        let saved_at = now_millis();
        let text = serde_json::to_string(&Stored { saved_at, form }).ok()?;
        storage()?.set_item(&self.0, &text).ok()?;
        Some(Timestamp(saved_at))
    }

    pub fn clear(&self) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&self.0);
        }
    }
}

/// Restores a kept draft into the form once the page runs in the browser,
/// then keeps every change; `saved_at` tells when it was last kept. Empty
/// forms are not kept.
pub fn keep_draft<T>(
    key: DraftKey,
    current: impl Fn() -> T + Send + Sync + 'static,
    restore: impl Fn(T) + Send + Sync + 'static,
    saved_at: RwSignal<Option<Timestamp>>,
) where
    T: Serialize + DeserializeOwned + Default + PartialEq + Send + Sync + 'static,
{
    // Effects run only in the browser, after the server's page is taken
    // over, so the restored values never disagree with the server's HTML.
    let restored = RwSignal::new(false);
    let load_key = key.clone();
    Effect::new(move |_| {
        if let Some((form, at)) = load_key.load::<T>() {
            restore(form);
            saved_at.set(Some(at));
        }
        restored.set(true);
    });
    Effect::new(move |_| {
        let form = current();
        if !restored.get() {
            return;
        }
        if form == T::default() {
            key.clear();
            saved_at.set(None);
        } else if let Some(at) = key.save(&form) {
            saved_at.set(Some(at));
        }
    });
}

/// "Draft saved at 14:32", beside the form's buttons.
#[component]
pub fn DraftStatus(saved_at: RwSignal<Option<Timestamp>>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <p class="draft-status muted" role="status" aria-live="polite">
            {move || { saved_at.get().map(|at| locale.get().draft_saved(at.to_local_minute())) }}
        </p>
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

#[cfg(feature = "hydrate")]
fn now_millis() -> i64 {
    js_sys::Date::now() as i64
}

#[cfg(not(feature = "hydrate"))]
fn now_millis() -> i64 {
    0
}
