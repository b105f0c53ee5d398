//! The current stage: since when, whom it waits on, what it still lacks,
//! the forms of the outputs the user may file, and the decisions the user
//! may take.

use super::{
    decision_panel::DecisionPanel, output_form::OutputForm, page::Reload,
    people_picker::PeoplePicker,
};
use crate::api::{PeoplePool, ProjectDetail, projects::InviteExperts};
use crate::domain::process::{
    Actor, EntryShape, OutputKind, ProjectStatus, StageId, deciders_now, definition,
};
use crate::ui::{
    components::ErrorBox,
    labels::{actor_name, output_name},
    use_locale,
};
use leptos::prelude::*;

/// Outputs of a stage the user may file now: those it requires, and the
/// ones filed again and again while it runs.
pub fn fileable(detail: &ProjectDetail) -> Vec<OutputKind> {
    let state = &detail.state;
    if state.status != ProjectStatus::Active {
        return Vec::new();
    }
    let tier = state.deciding_tier();
    let mut kinds = state.required_outputs(state.stage);
    for kind in OutputKind::ALL {
        let extra = kind.stage() == state.stage && !kinds.contains(&kind);
        if extra && kind.is_repeatable() {
            kinds.push(kind);
        }
    }
    kinds
        .into_iter()
        .filter(|kind| kind.shape() != EntryShape::None)
        // The application form is the project itself, filed when it started.
        .filter(|kind| *kind != OutputKind::ApplicationForm)
        .filter(|kind| kind.filed_by().iter().any(|a| a.admits(&detail.me, tier)))
        .collect()
}

#[component]
pub fn StageWork(detail: ProjectDetail, reload: Reload) -> impl IntoView {
    let locale = use_locale();
    let state = detail.state.clone();
    if state.status != ProjectStatus::Active {
        return ().into_any();
    }
    let stage = state.stage;
    let waiting: Vec<Actor> = deciders_now(&state);
    let missing = state.missing_outputs();
    let since = detail.stage_since.to_local_date();
    let kinds = fileable(&detail);
    let invites = stage == StageId::Feasibility
        && Actor::College(crate::domain::Role::ItClerk).admits(&detail.me, None);
    let policy_steps = definition(stage).stage.policy_steps();
    let step_text = if policy_steps.start() == policy_steps.end() {
        policy_steps.start().to_string()
    } else {
        format!("{}–{}", policy_steps.start(), policy_steps.end())
    };

    view! {
        <section class="card stage-work" aria-labelledby="stage-work-title">
            <h2 id="stage-work-title">
                {move || {
                    locale.get().work_current(stage.name(locale.get().lang()), step_text.clone())
                }}
            </h2>
            <p class="muted">{move || locale.get().work_since(since.clone())}</p>
            <p>
                <strong>{move || locale.get().work_waiting_on()}</strong>
                {move || {
                    waiting
                        .iter()
                        .map(|actor| actor_name(locale.get(), *actor))
                        .collect::<Vec<_>>()
                        .join(locale.get().common_list_separator())
                }}
            </p>
            {if missing.is_empty() {
                view! { <p class="alert alert-ok">{move || locale.get().work_complete()}</p> }
                    .into_any()
            } else {
                view! {
                    <div class="alert alert-warn">
                        <strong>{move || locale.get().work_missing()}</strong>
                        <ul class="missing">
                            {missing
                                .iter()
                                .map(|kind| {
                                    let kind = *kind;
                                    view! { <li>{move || output_name(locale.get(), kind)}</li> }
                                })
                                .collect_view()}
                        </ul>
                    </div>
                }
                    .into_any()
            }}
            {invites.then(|| view! { <InviteExpertsForm id=detail.summary.id.clone() reload /> })}
            {kinds
                .into_iter()
                .map(|kind| {
                    let open = detail.state.missing_outputs().contains(&kind);
                    view! {
                        <details class="output" open=open>
                            <summary>
                                {move || locale.get().work_file(output_name(locale.get(), kind))}
                            </summary>
                            <OutputForm detail=detail.clone() kind reload correcting=None />
                        </details>
                    }
                })
                .collect_view()}
            <DecisionPanel detail=detail.clone() reload />
        </section>
    }
    .into_any()
}

#[component]
fn InviteExpertsForm(id: String, reload: Reload) -> impl IntoView {
    let locale = use_locale();
    let chosen = RwSignal::new(Vec::<String>::new());
    let action = ServerAction::<InviteExperts>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            reload.run(());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(InviteExperts {
            id: id.clone(),
            experts: chosen.get_untracked(),
        });
    };
    view! {
        <details class="output">
            <summary>{move || locale.get().work_invite_experts()}</summary>
            <form on:submit=submit novalidate>
                <PeoplePicker pool=PeoplePool::Experts chosen single=false name="experts" />
                {move || {
                    action
                        .value()
                        .get()
                        .and_then(Result::err)
                        .map(|error| view! { <ErrorBox error /> })
                }}
                <div class="form-actions">
                    <button
                        type="submit"
                        class="button-primary"
                        disabled=move || action.pending().get()
                    >
                        {move || locale.get().work_invite()}
                    </button>
                </div>
            </form>
        </details>
    }
}
