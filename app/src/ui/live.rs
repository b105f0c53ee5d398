//! Keeps what a page shows current without a reload. The browser listens
//! to the server's stream of changes (`/events`) and the resources that
//! show projects and change requests load again when one they show
//! changes. After a lost connection the browser reconnects by itself and
//! everything is loaded again, so nothing that happened meanwhile is
//! missed.

use leptos::prelude::*;

/// The last change heard of, numbered so that a page can tell it from the
/// one before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heard {
    pub seq: u64,
    /// `project` or `change`.
    pub kind: String,
    pub id: String,
    pub project: String,
    pub version: i64,
}

#[derive(Clone, Copy)]
pub struct Live {
    /// Counts every change heard and every reconnection: lists that
    /// depend on it load again.
    pub tick: RwSignal<u64>,
    pub last: RwSignal<Option<Heard>>,
    /// False while the connection is lost and being made again.
    pub online: RwSignal<bool>,
    pub reconnections: RwSignal<u64>,
}

pub fn provide_live() {
    let live = Live {
        tick: RwSignal::new(0),
        last: RwSignal::new(None),
        online: RwSignal::new(true),
        reconnections: RwSignal::new(0),
    };
    provide_context(live);
    // Effects run only in the browser, once the page is taken over.
    Effect::new(move |_| connect(live));
}

pub fn use_live() -> Live {
    use_context::<Live>().unwrap_or_else(|| Live {
        tick: RwSignal::new(0),
        last: RwSignal::new(None),
        online: RwSignal::new(true),
        reconnections: RwSignal::new(0),
    })
}

impl Live {
    /// For a page showing one record: loads it again when someone else
    /// changes it, and when the connection comes back. The page's own
    /// actions load it themselves; a change heard of is therefore acted
    /// on only after a short pause, and only if the page has not loaded
    /// that version by then, so that a page is never replaced while one of
    /// its own actions is still on its way.
    pub fn follow(
        self,
        concerns: impl Fn(&Heard) -> bool + Send + Sync + 'static,
        loaded_version: impl Fn() -> Option<i64> + Send + Sync + Copy + 'static,
        reload: Callback<()>,
    ) {
        Effect::new(move |_| {
            if let Some(heard) = self.last.get().filter(|h| concerns(h)) {
                let newer = move || loaded_version().is_none_or(|v| v < heard.version);
                if newer() {
                    set_timeout(
                        move || {
                            if newer() {
                                reload.run(());
                            }
                        },
                        PAUSE,
                    );
                }
            }
        });
        Effect::new(move |previous: Option<u64>| {
            let now = self.reconnections.get();
            if previous.is_some_and(|p| p != now) {
                reload.run(());
            }
            now
        });
    }
}

/// Longer than a page's own action takes to come back and reload it.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(600);

/// Opens the stream, and opens it afresh when the browser says it is back
/// online (a stream cut while offline may never report an error).
#[cfg(feature = "hydrate")]
fn connect(live: Live) {
    use std::{cell::RefCell, rc::Rc};
    use wasm_bindgen::{JsCast, closure::Closure};

    let Some(window) = web_sys::window() else {
        return;
    };
    let current: Rc<RefCell<Option<web_sys::EventSource>>> = Rc::new(RefCell::new(open(live)));

    let dropped = current.clone();
    let on_offline = Closure::<dyn FnMut()>::new(move || {
        live.online.set(false);
        if let Some(source) = dropped.borrow_mut().take() {
            source.close();
        }
    });
    let _ = window.add_event_listener_with_callback("offline", on_offline.as_ref().unchecked_ref());
    on_offline.forget();

    let on_online = Closure::<dyn FnMut()>::new(move || {
        let mut slot = current.borrow_mut();
        if let Some(old) = slot.take() {
            old.close();
        }
        *slot = open(live);
    });
    let _ = window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    on_online.forget();
}

#[cfg(feature = "hydrate")]
fn open(live: Live) -> Option<web_sys::EventSource> {
    use wasm_bindgen::{JsCast, closure::Closure};

    #[derive(serde::Deserialize)]
    struct Event {
        kind: String,
        id: String,
        project: String,
        version: i64,
    }

    let source = web_sys::EventSource::new("/events").ok()?;
    let on_change =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |message: web_sys::MessageEvent| {
            let text = message.data().as_string().unwrap_or_default();
            let Ok(event) = serde_json::from_str::<Event>(&text) else {
                return;
            };
            let seq = live.tick.get_untracked() + 1;
            live.last.set(Some(Heard {
                seq,
                kind: event.kind,
                id: event.id,
                project: event.project,
                version: event.version,
            }));
            live.tick.set(seq);
        });
    let _ = source.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    on_change.forget();

    // Told to load everything again (the server could not keep up).
    let on_resync = Closure::<dyn FnMut()>::new(move || live.tick.update(|n| *n += 1));
    let _ = source.add_event_listener_with_callback("resync", on_resync.as_ref().unchecked_ref());
    on_resync.forget();

    let on_open = Closure::<dyn FnMut()>::new(move || {
        if !live.online.get_untracked() {
            // Back after a break: load everything again to catch up.
            live.online.set(true);
            live.reconnections.update(|n| *n += 1);
            live.tick.update(|n| *n += 1);
        }
    });
    source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    on_open.forget();

    let watched = source.clone();
    let on_error = Closure::<dyn FnMut()>::new(move || {
        // CONNECTING: the browser is trying again by itself; CLOSED: the
        // server refused the stream (signed out), which is not "offline".
        if watched.ready_state() == web_sys::EventSource::CONNECTING {
            live.online.set(false);
        }
    });
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Some(source)
}

#[cfg(not(feature = "hydrate"))]
fn connect(_: Live) {}
