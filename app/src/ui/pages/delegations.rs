//! Delegating my decisions to a colleague for a range of days, and the
//! delegations I gave or received.

use super::projects::PeoplePicker;
use crate::api::{
    AppError, DelegationView, PeoplePool, Problem,
    delegations::{CreateDelegation, RevokeDelegation, list_delegations},
};
use crate::domain::DelegationDraft;
use crate::ui::{
    components::{ErrorBox, Loading, TextField},
    messages::delegation_text,
    use_locale,
};
use leptos::prelude::*;

#[component]
pub fn Delegations() -> impl IntoView {
    let locale = use_locale();
    let create = ServerAction::<CreateDelegation>::new();
    let revoke = ServerAction::<RevokeDelegation>::new();
    let list = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| list_delegations(),
    );
    let delegate = RwSignal::new(Vec::<String>::new());
    let starts = RwSignal::new(String::new());
    let ends = RwSignal::new(String::new());
    let problem = move || match create.value().get() {
        Some(Err(AppError::Invalid(Problem::Delegation(p)))) => {
            Some(delegation_text(locale.get(), p).to_owned())
        }
        _ => None,
    };
    let other_error = move || match create.value().get() {
        Some(Err(AppError::Invalid(Problem::Delegation(_)))) | Some(Ok(())) | None => None,
        Some(Err(error)) => Some(view! { <ErrorBox error /> }),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(CreateDelegation {
            draft: DelegationDraft {
                delegate: delegate
                    .get_untracked()
                    .first()
                    .cloned()
                    .unwrap_or_default(),
                starts: starts.get_untracked(),
                ends: ends.get_untracked(),
            },
        });
    };
    let label = |text: fn(crate::i18n::Locale) -> &'static str| {
        Signal::derive(move || text(locale.get()).to_owned())
    };

    view! {
        <section class="card" aria-labelledby="delegations-title">
            <h2 id="delegations-title">{move || locale.get().delegation_title()}</h2>
            <p class="muted">{move || locale.get().delegation_intro()}</p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(error) => view! { <ErrorBox error /> }.into_any(),
                        Ok(items) if items.is_empty() => {
                            view! { <p class="muted">{move || locale.get().delegation_none()}</p> }
                                .into_any()
                        }
                        Ok(items) => {
                            view! {
                                <ul class="entries">
                                    {items
                                        .into_iter()
                                        .map(|item| view! { <DelegationItem item revoke /> })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
            <form class="output-form" on:submit=submit novalidate>
                <fieldset class="field">
                    <legend>{move || locale.get().delegation_delegate()}</legend>
                    <PeoplePicker
                        pool=PeoplePool::Staff
                        chosen=delegate
                        single=true
                        name="delegate"
                    />
                </fieldset>
                <TextField
                    label=label(|t| t.delegation_starts())
                    name="starts"
                    value=starts
                    kind="date"
                    required=true
                />
                <TextField
                    label=label(|t| t.delegation_ends())
                    name="ends"
                    value=ends
                    kind="date"
                    required=true
                />
                <p class="field-message field-message-error">{problem}</p>
                {other_error}
                <div class="form-actions">
                    <button
                        type="submit"
                        class="button-primary"
                        disabled=move || create.pending().get()
                    >
                        {move || locale.get().delegation_create()}
                    </button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn DelegationItem(item: DelegationView, revoke: ServerAction<RevokeDelegation>) -> impl IntoView {
    let locale = use_locale();
    let id = item.id.clone();
    let text = {
        let item = item.clone();
        move || {
            let t = locale.get();
            if item.given {
                t.delegation_given(
                    item.delegate.display_name.clone(),
                    item.starts.clone(),
                    item.ends.clone(),
                )
            } else {
                t.delegation_received(
                    item.principal.display_name.clone(),
                    item.starts.clone(),
                    item.ends.clone(),
                )
            }
        }
    };
    view! {
        <li class="entry">
            <p>{text}</p>
            {item
                .given
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="button-link"
                            on:click=move |_| {
                                revoke.dispatch(RevokeDelegation { id: id.clone() });
                            }
                        >
                            {move || locale.get().delegation_revoke()}
                        </button>
                    }
                })}
        </li>
    }
}
