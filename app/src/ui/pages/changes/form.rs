//! The change request form (信息系统变更申请表) for a new request or a
//! returned one, checked as it is typed by the rules the server applies.

use super::super::projects::this_minute;
use crate::api::{
    AppError, ChangeSubmitted, Problem,
    changes::{ResubmitChange, SubmitChange},
};
use crate::domain::change::{
    ChangeDraft, ChangeOrigin, ChangeProblem, ChangeScope, ChangeTarget, ChangeTrigger,
};
use crate::ui::draft::{DraftKey, DraftStatus, keep_draft};
use crate::ui::{
    change_words::{change_problem_text, origin_name, scope_name, target_name, trigger_name},
    components::{ErrorBox, LongText, TextField},
    use_locale,
};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Each field of the form in its own signal.
#[derive(Clone, Copy)]
struct Fields {
    execute_at: RwSignal<String>,
    origin: RwSignal<String>,
    scope: RwSignal<String>,
    other: RwSignal<String>,
    target: RwSignal<String>,
    triggers: RwSignal<Vec<String>>,
    reason: RwSignal<String>,
    description: RwSignal<String>,
    impact: RwSignal<String>,
}

impl Fields {
    fn from_draft(draft: &ChangeDraft) -> Self {
        Fields {
            execute_at: RwSignal::new(draft.execute_at.clone()),
            origin: RwSignal::new(draft.origin.clone()),
            scope: RwSignal::new(draft.scope.clone()),
            other: RwSignal::new(draft.other_explanation.clone()),
            target: RwSignal::new(draft.target.clone()),
            triggers: RwSignal::new(draft.triggers.clone()),
            reason: RwSignal::new(draft.reason.clone()),
            description: RwSignal::new(draft.description.clone()),
            impact: RwSignal::new(draft.impact.clone()),
        }
    }

    /// Puts a kept draft back into the fields.
    fn restore(self, draft: ChangeDraft) {
        self.execute_at.set(draft.execute_at);
        self.origin.set(draft.origin);
        self.scope.set(draft.scope);
        self.other.set(draft.other_explanation);
        self.target.set(draft.target);
        self.triggers.set(draft.triggers);
        self.reason.set(draft.reason);
        self.description.set(draft.description);
        self.impact.set(draft.impact);
    }

    fn draft(self, system: &str) -> ChangeDraft {
        ChangeDraft {
            system: system.to_owned(),
            execute_at: self.execute_at.get(),
            origin: self.origin.get(),
            scope: self.scope.get(),
            other_explanation: self.other.get(),
            target: self.target.get(),
            triggers: self.triggers.get(),
            reason: self.reason.get(),
            description: self.description.get(),
            impact: self.impact.get(),
        }
    }
}

/// What the form is for: a new request to a system, or correcting a
/// returned one (by id, at the version shown).
#[derive(Clone, Debug, PartialEq)]
pub enum FormPurpose {
    New,
    Resubmit { id: String, version: i64 },
}

#[component]
pub fn ChangeRequestForm(
    system_id: String,
    system_name: String,
    department: String,
    draft: ChangeDraft,
    purpose: FormPurpose,
    /// Where what is typed is kept until it is sent; none when correcting
    /// a returned request, which starts from the request itself.
    #[prop(optional)]
    draft_key: Option<DraftKey>,
) -> impl IntoView {
    let locale = use_locale();
    let fields = Fields::from_draft(&draft);
    let saved_at = RwSignal::new(None);
    if let Some(key) = draft_key.clone() {
        // Kept without the system, which the key already names, so that
        // an untouched form counts as empty.
        keep_draft(
            key,
            move || ChangeDraft {
                system: String::new(),
                ..fields.draft("")
            },
            move |kept| fields.restore(kept),
            saved_at,
        );
    }
    let attempted = RwSignal::new(false);
    let submit_action = ServerAction::<SubmitChange>::new();
    let resubmit_action = ServerAction::<ResubmitChange>::new();
    let pending =
        Signal::derive(move || submit_action.pending().get() || resubmit_action.pending().get());
    let answer = Signal::derive(move || {
        submit_action
            .value()
            .get()
            .or_else(|| resubmit_action.value().get())
    });

    let system = system_id.clone();
    let problems = Memo::new(move |_| fields.draft(&system).problems(this_minute()));
    let error_for = move |field: &'static str, typed: Signal<bool>| {
        Signal::derive(move || {
            let server = match answer.get() {
                Some(Err(AppError::Invalid(Problem::Change(p)))) if p.field() == field => Some(p),
                _ => None,
            };
            let local = problems.get().into_iter().find(|p| p.field() == field);
            let shown = local.filter(|_| attempted.get() || typed.get()).or(server);
            shown.map(|p: ChangeProblem| change_problem_text(locale.get(), p).to_owned())
        })
    };
    let typed = |signal: RwSignal<String>| Signal::derive(move || !signal.get().is_empty());
    let never = Signal::derive(|| false);

    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(ChangeSubmitted { id, .. })) = answer.get() {
            if let Some(key) = &draft_key {
                key.clear();
            }
            navigate(&format!("/changes/{id}"), Default::default());
        }
    });
    let submit = {
        let system = system_id.clone();
        let purpose = purpose.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            attempted.set(true);
            if !problems.get_untracked().is_empty() {
                return;
            }
            let draft = fields.draft(&system);
            match &purpose {
                FormPurpose::New => {
                    submit_action.dispatch(SubmitChange { draft });
                }
                FormPurpose::Resubmit { id, version } => {
                    resubmit_action.dispatch(ResubmitChange {
                        id: id.clone(),
                        version: *version,
                        draft,
                    });
                }
            }
        }
    };
    let other_error = move || match answer.get() {
        Some(Err(AppError::Invalid(Problem::Change(_)))) | Some(Ok(_)) | None => None,
        Some(Err(error)) => Some(view! { <ErrorBox error /> }),
    };
    let label = move |text: fn(crate::i18n::Locale) -> &'static str| {
        Signal::derive(move || text(locale.get()).to_owned())
    };
    let submit_label = match purpose {
        FormPurpose::New => label(|t| t.change_submit()),
        FormPurpose::Resubmit { .. } => label(|t| t.change_resubmit()),
    };

    view! {
        {other_error}
        <form class="card change-form" method="post" on:submit=submit novalidate>
            <dl class="facts">
                <dt>{move || locale.get().change_system()}</dt>
                <dd>{system_name}</dd>
                <dt>{move || locale.get().change_department()}</dt>
                <dd>{department}</dd>
                <dt>{move || locale.get().change_applied_at()}</dt>
                <dd>{move || locale.get().change_applied_at_now()}</dd>
            </dl>
            <TextField
                label=label(|t| t.change_execute_at())
                name="execute_at"
                value=fields.execute_at
                kind="datetime-local"
                error=error_for("execute_at", typed(fields.execute_at))
                hint=label(|t| t.change_execute_at_hint())
                required=true
            />
            <fieldset class="field">
                <legend>{move || locale.get().change_request_type()}</legend>
                <div class="choice-row" role="radiogroup">
                    {ChangeOrigin::ALL
                        .iter()
                        .map(|origin| {
                            let origin = *origin;
                            view! {
                                <Radio
                                    group="origin"
                                    value=origin.id()
                                    label=Signal::derive(move || {
                                        origin_name(locale.get(), origin).to_owned()
                                    })
                                    chosen=fields.origin
                                />
                            }
                        })
                        .collect_view()}
                </div>
                <p class="field-message field-message-error">{error_for("origin", never)}</p>
                <div class="choice-row" role="radiogroup">
                    {ChangeScope::ALL
                        .iter()
                        .map(|scope| {
                            let scope = *scope;
                            view! {
                                <Radio
                                    group="scope"
                                    value=scope.id()
                                    label=Signal::derive(move || {
                                        scope_name(locale.get(), scope).to_owned()
                                    })
                                    chosen=fields.scope
                                />
                            }
                        })
                        .collect_view()}
                </div>
                <p class="field-message field-message-error">{error_for("scope", never)}</p>
                <Show when=move || fields.scope.get() == ChangeScope::Other.id()>
                    <TextField
                        label=label(|t| t.change_other_explanation())
                        name="other_explanation"
                        value=fields.other
                        error=error_for("other_explanation", typed(fields.other))
                        required=true
                    />
                </Show>
            </fieldset>
            <fieldset class="field">
                <legend>{move || locale.get().change_target()}</legend>
                <div class="choice-row" role="radiogroup">
                    {ChangeTarget::ALL
                        .iter()
                        .map(|target| {
                            let target = *target;
                            view! {
                                <Radio
                                    group="target"
                                    value=target.id()
                                    label=Signal::derive(move || {
                                        target_name(locale.get(), target).to_owned()
                                    })
                                    chosen=fields.target
                                />
                            }
                        })
                        .collect_view()}
                </div>
                <p class="field-message field-message-error">{error_for("target", never)}</p>
            </fieldset>
            <fieldset class="field">
                <legend>{move || locale.get().change_triggers()}</legend>
                <div class="choice-grid">
                    {ChangeTrigger::ALL
                        .iter()
                        .map(|trigger| {
                            let id = trigger.id().to_owned();
                            let trigger = *trigger;
                            let checked = {
                                let id = id.clone();
                                move || fields.triggers.get().contains(&id)
                            };
                            view! {
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        name="triggers"
                                        value=trigger.id()
                                        prop:checked=checked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            fields
                                                .triggers
                                                .update(|list| {
                                                    list.retain(|t| *t != id);
                                                    if on {
                                                        list.push(id.clone());
                                                    }
                                                });
                                        }
                                    />
                                    {move || trigger_name(locale.get(), trigger)}
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <LongText
                label=label(|t| t.change_reason())
                name="reason"
                value=fields.reason
                error=error_for("reason", typed(fields.reason))
            />
            <LongText
                label=label(|t| t.change_description())
                name="description"
                value=fields.description
                error=error_for("description", typed(fields.description))
            />
            <LongText
                label=label(|t| t.change_impact())
                name="impact"
                value=fields.impact
                error=error_for("impact", typed(fields.impact))
            />
            <div class="form-actions">
                <button type="submit" class="button-primary" disabled=pending>
                    {submit_label}
                </button>
                <a href=format!("/systems/{system_id}")>{move || locale.get().common_cancel()}</a>
                <DraftStatus saved_at />
            </div>
        </form>
    }
}

#[component]
fn Radio(
    group: &'static str,
    value: &'static str,
    label: Signal<String>,
    chosen: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="radio"
                name=group
                value=value
                prop:checked=move || chosen.get() == value
                on:change=move |_| chosen.set(value.to_owned())
            />
            {label}
        </label>
    }
}
