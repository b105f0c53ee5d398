//! The decisions the user may take at the current stage, for themselves or
//! for someone who delegated their decisions to them, with the opinion
//! and, for a return, the stage to return to.

use super::page::Reload;
use crate::api::{AppError, ProjectDetail, projects::DecideStage};
use crate::domain::process::{
    Decision, DecisionRequest, Leads, StageId, decisions_open_to, definition,
};
use crate::ui::{components::ErrorBox, labels::decision_name, use_locale};
use leptos::prelude::*;

#[component]
pub fn DecisionPanel(detail: ProjectDetail, reload: Reload) -> impl IntoView {
    let locale = use_locale();
    let state = detail.state.clone();
    let stage = state.stage;
    // Whose decisions: the user's own (empty id), or a principal's.
    let mut parties: Vec<(String, String, Vec<Decision>)> = Vec::new();
    let own = decisions_open_to(&state, &detail.me);
    if !own.is_empty() {
        parties.push((String::new(), String::new(), own));
    }
    for principal in &detail.on_behalf {
        let theirs = decisions_open_to(&state, &principal.context);
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
    let return_to = RwSignal::new(String::new());
    let action = ServerAction::<DecideStage>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            reload.run(());
        }
    });
    let (id, version) = (detail.summary.id.clone(), detail.version);
    let decide = move |decision: Decision| {
        let mut request =
            DecisionRequest::new(stage, decision).with_reason(opinion.get_untracked());
        if definition(stage).leads(decision) == Some(Leads::BackToChosen)
            && let Ok(target) = return_to.get_untracked().parse::<StageId>()
        {
            request = request.returning_to(target);
        }
        let principal = acting_for.get_untracked();
        action.dispatch(DecideStage {
            id: id.clone(),
            version,
            request,
            on_behalf_of: (!principal.is_empty()).then_some(principal),
        });
    };
    let offers_return = move || {
        offered
            .get()
            .iter()
            .any(|d| definition(stage).leads(*d) == Some(Leads::BackToChosen))
    };
    let needs_reason_note = move || {
        offered
            .get()
            .iter()
            .any(|d| definition(stage).leads(*d).is_some_and(Leads::needs_reason))
    };
    let has_principals = parties.len() > 1 || !parties[0].0.is_empty();

    view! {
        <div class="decision" role="group" aria-labelledby="decision-title">
            <h3 id="decision-title">{move || locale.get().decision_title()}</h3>
            {has_principals
                .then(|| {
                    view! {
                        <div class="field">
                            <label for="decision-as">
                                {move || locale.get().decision_acting_as()}
                            </label>
                            <select
                                id="decision-as"
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
                <label for="decision-opinion">{move || locale.get().decision_opinion()}</label>
                <textarea
                    id="decision-opinion"
                    rows="3"
                    prop:value=move || opinion.get()
                    on:input=move |ev| opinion.set(event_target_value(&ev))
                ></textarea>
                <p class="field-message">
                    {move || needs_reason_note().then(|| locale.get().decision_reason_note())}
                </p>
            </div>
            <Show when=offers_return>
                <div class="field">
                    <label for="decision-return">{move || locale.get().decision_return_to()}</label>
                    <select
                        id="decision-return"
                        prop:value=move || return_to.get()
                        on:change=move |ev| return_to.set(event_target_value(&ev))
                    >
                        <option value="">{move || locale.get().form_choose()}</option>
                        {stage
                            .earlier()
                            .map(|earlier| {
                                view! {
                                    <option value=earlier
                                        .id()>{move || earlier.name(locale.get().lang())}</option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </Show>
            <div class="form-actions decision-buttons">
                {move || {
                    offered
                        .get()
                        .into_iter()
                        .map(|decision| {
                            let forward = definition(stage).leads(decision) == Some(Leads::Forward);
                            let class = if forward { "button-primary" } else { "button-danger" };
                            let decide = decide.clone();
                            view! {
                                <button
                                    type="button"
                                    class=class
                                    data-decision=decision.id()
                                    disabled=move || action.pending().get()
                                    on:click=move |_| decide(decision)
                                >
                                    {move || decision_name(locale.get(), decision)}
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
