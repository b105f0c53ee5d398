//! The decision the viewer may take on a change request now, for
//! themselves or for someone who delegated their decisions to them.

use super::page::Reload;
use crate::api::{AppError, ChangeDetail, changes::DecideChange};
use crate::domain::change::{
    ChangeDecision, ChangeDecisionRequest, ChangeStep, change_decisions_open_to,
};
use crate::ui::{
    change_words::{decision_label, opinion_label},
    components::ErrorBox,
    use_locale,
};
use leptos::prelude::*;

#[component]
pub fn ChangeDecisionPanel(detail: ChangeDetail, reload: Reload) -> impl IntoView {
    let locale = use_locale();
    let state = detail.summary.state;
    let step = state.step;
    // Whose decisions: the user's own (empty id), or a principal's.
    let mut parties: Vec<(String, String, Vec<ChangeDecision>)> = Vec::new();
    let own = change_decisions_open_to(state, &detail.me);
    if !own.is_empty() {
        parties.push((String::new(), String::new(), own));
    }
    for principal in &detail.on_behalf {
        let theirs = change_decisions_open_to(state, &principal.context);
        if !theirs.is_empty() {
            parties.push((
                principal.user.id.clone(),
                principal.user.display_name.clone(),
                theirs,
            ));
        }
    }
    if parties.is_empty() {
        return ().into_any();
    }
    let acting_for = RwSignal::new(parties[0].0.clone());
    let offered = {
        let parties = parties.clone();
        Memo::new(move |_| {
            let who = acting_for.get();
            parties
                .iter()
                .find(|(id, _, _)| *id == who)
                .map(|(_, _, decisions)| decisions.clone())
                .unwrap_or_default()
        })
    };
    let opinion = RwSignal::new(String::new());
    let training = RwSignal::new(String::new());
    let action = ServerAction::<DecideChange>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            reload.run(());
        }
    });
    let (id, version) = (detail.summary.id.clone(), detail.summary.version);
    let decide = move |decision: ChangeDecision| {
        let principal = acting_for.get_untracked();
        action.dispatch(DecideChange {
            id: id.clone(),
            version,
            request: ChangeDecisionRequest {
                step,
                decision,
                opinion: opinion.get_untracked(),
                training: training.get_untracked(),
            },
            on_behalf_of: (!principal.is_empty()).then_some(principal),
        });
    };
    let may_refuse = move || offered.get().iter().any(|d| d.needs_reason());
    let has_principals = parties.len() > 1 || !parties[0].0.is_empty();

    view! {
        <div class="decision card" role="group" aria-labelledby="change-decision-title">
            <h2 id="change-decision-title">{move || locale.get().change_decision_title()}</h2>
            {has_principals
                .then(|| {
                    view! {
                        <div class="field">
                            <label for="change-decision-as">
                                {move || locale.get().decision_acting_as()}
                            </label>
                            <select
                                id="change-decision-as"
                                prop:value=move || acting_for.get()
                                on:change=move |ev| acting_for.set(event_target_value(&ev))
                            >
                                {parties
                                    .iter()
                                    .map(|(id, name, _)| {
                                        let name = name.clone();
                                        let shown = move || {
                                            if name.is_empty() {
                                                locale.get().decision_myself().to_owned()
                                            } else {
                                                locale.get().decision_on_behalf(name.clone())
                                            }
                                        };
                                        view! { <option value=id.clone()>{shown}</option> }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                    }
                })}
            <div class="field">
                <label for="change-opinion">{move || opinion_label(locale.get(), step)}</label>
                <textarea
                    id="change-opinion"
                    rows="3"
                    prop:value=move || opinion.get()
                    on:input=move |ev| opinion.set(event_target_value(&ev))
                ></textarea>
                <p class="field-message">
                    {move || may_refuse().then(|| locale.get().change_reason_note())}
                </p>
            </div>
            {(step == ChangeStep::Testing)
                .then(|| {
                    view! {
                        <div class="field">
                            <label for="change-training">
                                {move || locale.get().change_training()}
                            </label>
                            <textarea
                                id="change-training"
                                rows="3"
                                prop:value=move || training.get()
                                on:input=move |ev| training.set(event_target_value(&ev))
                            ></textarea>
                        </div>
                    }
                })}
            <div class="form-actions decision-buttons">
                {move || {
                    offered
                        .get()
                        .into_iter()
                        .map(|decision| {
                            let class = if decision.needs_reason() {
                                "button-danger"
                            } else {
                                "button-primary"
                            };
                            let decide = decide.clone();
                            view! {
                                <button
                                    type="button"
                                    class=class
                                    data-decision=decision.id()
                                    disabled=move || action.pending().get()
                                    on:click=move |_| decide(decision)
                                >
                                    {move || decision_label(locale.get(), step, decision)}
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </div>
            {move || {
                action
                    .value()
                    .get()
                    .and_then(Result::err)
                    .map(|error: AppError| view! { <ErrorBox error /> })
            }}
        </div>
    }
    .into_any()
}
