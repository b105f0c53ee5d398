//! The form of one output, shaped by what the output is: a report, an
//! amount, people, a meeting, a choice. Checked as it is typed by the same
//! code the server runs; used both to file and to correct.

use super::{files::DocumentChooser, page::Reload, people_picker::PeoplePicker};
use crate::api::{
    AppError, PeoplePool, Problem, ProjectDetail,
    projects::{CorrectOutput, FileOutput},
};
use crate::domain::ApprovalTier;
use crate::domain::process::{
    EntryDraft, EntryField, EntryShape, HandoverItem, OutputKind, ProcurementMethod, Rating,
};
use crate::ui::{
    components::{ErrorBox, TextField},
    labels::tier_name,
    messages::entry_text,
    use_locale,
};
use leptos::prelude::*;

/// A correction: the entry corrected and what it held.
#[derive(Clone, Debug, PartialEq)]
pub struct Correcting {
    pub entry: String,
    pub draft: EntryDraft,
}

#[derive(Clone, Copy)]
struct Fields {
    text: RwSignal<String>,
    short: RwSignal<String>,
    amount: RwSignal<String>,
    people: RwSignal<Vec<String>>,
    date: RwSignal<String>,
    choice: RwSignal<String>,
    document: RwSignal<Option<String>>,
}

impl Fields {
    fn new(draft: EntryDraft) -> Self {
        Fields {
            text: RwSignal::new(draft.text),
            short: RwSignal::new(draft.short),
            amount: RwSignal::new(draft.amount),
            people: RwSignal::new(draft.people),
            date: RwSignal::new(draft.date),
            choice: RwSignal::new(draft.choice),
            document: RwSignal::new(draft.document),
        }
    }

    fn draft(self) -> EntryDraft {
        EntryDraft {
            text: self.text.get(),
            short: self.short.get(),
            amount: self.amount.get(),
            people: self.people.get(),
            date: self.date.get(),
            choice: self.choice.get(),
            document: self.document.get(),
        }
    }
}

#[component]
pub fn OutputForm(
    detail: ProjectDetail,
    kind: OutputKind,
    reload: Reload,
    correcting: Option<Correcting>,
) -> impl IntoView {
    if kind.shape() == EntryShape::HandoverItem {
        return view! { <HandoverChecklist detail reload /> }.into_any();
    }
    let locale = use_locale();
    let id = detail.summary.id.clone();
    let initial = correcting
        .as_ref()
        .map(|c| c.draft.clone())
        .unwrap_or_else(|| starting_draft(&detail, kind));
    let fields = Fields::new(initial);
    let reason = RwSignal::new(String::new());
    let attempted = RwSignal::new(false);
    let file = ServerAction::<FileOutput>::new();
    let correct = ServerAction::<CorrectOutput>::new();
    let answer = Signal::derive(move || file.value().get().or_else(|| correct.value().get()));
    let pending = Signal::derive(move || file.pending().get() || correct.pending().get());
    Effect::new(move |_| {
        if let Some(Ok(())) = answer.get() {
            reload.run(());
        }
    });

    let problem = Memo::new(move |_| fields.draft().validate(kind).err());
    let message = move |field: EntryField| {
        Signal::derive(move || {
            let server = match answer.get() {
                Some(Err(AppError::Invalid(Problem::Entry(p)))) if p.field() == field => Some(p),
                _ => None,
            };
            let local = problem
                .get()
                .filter(|p| p.field() == field && attempted.get());
            local.or(server).map(|p| entry_text(locale.get(), p))
        })
    };
    let other_error = move || match answer.get() {
        Some(Err(AppError::Invalid(Problem::Entry(_)))) | Some(Ok(())) | None => None,
        Some(Err(error)) => Some(view! { <ErrorBox error /> }),
    };
    let correcting_entry = correcting.as_ref().map(|c| c.entry.clone());
    let is_correction = correcting_entry.is_some();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        if problem.get_untracked().is_some() {
            return;
        }
        match correcting_entry.clone() {
            Some(entry) => {
                correct.dispatch(CorrectOutput {
                    id: id.clone(),
                    entry,
                    draft: fields.draft(),
                    reason: reason.get_untracked(),
                });
            }
            None => {
                file.dispatch(FileOutput {
                    id: id.clone(),
                    kind,
                    draft: fields.draft(),
                });
            }
        }
    };
    let label = |text: fn(crate::i18n::Locale) -> &'static str| {
        Signal::derive(move || text(locale.get()).to_owned())
    };
    // Field ids must be unique on the page; each output has one form, and
    // a correction's form is told apart from a filing's.
    let prefix = match &correcting {
        Some(c) => format!("{}-{}", kind.id(), c.entry),
        None => kind.id().to_owned(),
    };
    let name_of = move |suffix: &str| format!("{prefix}-{suffix}");
    let approved = detail.state.approved_tier;

    let body = match kind.shape() {
        EntryShape::Report => view! {
            <LongText
                label=label(|t| t.entry_summary())
                name=name_of("text")
                value=fields.text
                error=message(EntryField::Text)
            />
            <DocumentChooser detail=detail.clone() chosen=fields.document />
        }
        .into_any(),
        EntryShape::ReportWithParticipants => view! {
            <LongText
                label=label(|t| t.entry_summary())
                name=name_of("text")
                value=fields.text
                error=message(EntryField::Text)
            />
            <fieldset class="field">
                <legend>{move || locale.get().entry_participants()}</legend>
                <PeoplePicker
                    pool=PeoplePool::Anyone
                    chosen=fields.people
                    single=false
                    name=name_of("people")
                />
                <p class="field-message">{message(EntryField::People)}</p>
            </fieldset>
            <DocumentChooser detail=detail.clone() chosen=fields.document />
        }
        .into_any(),
        EntryShape::Identifier => view! {
            <TextField
                label=label(|t| t.entry_identifier())
                name=name_of("short")
                value=fields.short
                error=message(EntryField::Short)
                required=true
            />
        }
        .into_any(),
        EntryShape::Amount => {
            let hint = Signal::derive(move || {
                let amount = crate::domain::Amount::parse(&fields.amount.get()).ok()?;
                let tier = ApprovalTier::for_amount(amount);
                let t = locale.get();
                let over = kind == OutputKind::ContractAmount && approved.is_some_and(|a| tier > a);
                Some(if over {
                    t.entry_contract_over(tier_name(t, tier))
                } else {
                    t.form_approver_hint(tier_name(t, tier))
                })
            });
            view! {
                <TextField
                    label=label(|t| t.entry_amount())
                    name=name_of("amount")
                    value=fields.amount
                    error=message(EntryField::Amount)
                    hint=Signal::derive(move || hint.get().unwrap_or_default())
                    required=true
                />
            }
            .into_any()
        }
        EntryShape::People | EntryShape::Person => {
            let single = kind.shape() == EntryShape::Person;
            view! {
                <fieldset class="field">
                    <legend>{move || locale.get().entry_people()}</legend>
                    <PeoplePicker
                        pool=PeoplePool::Staff
                        chosen=fields.people
                        single
                        name=name_of("people")
                    />
                    <p class="field-message">{message(EntryField::People)}</p>
                </fieldset>
            }
            .into_any()
        }
        EntryShape::Contractor => view! {
            <TextField
                label=label(|t| t.entry_organisation())
                name=name_of("short")
                value=fields.short
                error=message(EntryField::Short)
                required=true
            />
            <fieldset class="field">
                <legend>{move || locale.get().entry_contractor_accounts()}</legend>
                <PeoplePicker
                    pool=PeoplePool::Contractors
                    chosen=fields.people
                    single=false
                    name=name_of("people")
                />
                <p class="field-message">{message(EntryField::People)}</p>
            </fieldset>
        }
        .into_any(),
        EntryShape::Meeting => view! {
            <TextField
                label=label(|t| t.entry_meeting_name())
                name=name_of("short")
                value=fields.short
                error=message(EntryField::Short)
                required=true
                hint=label(|t| t.entry_meeting_name_hint())
            />
            <TextField
                label=label(|t| t.entry_meeting_date())
                name=name_of("date")
                value=fields.date
                error=message(EntryField::Date)
                kind="date"
                required=true
            />
            <TextField
                label=label(|t| t.entry_meeting_item())
                name=name_of("choice")
                value=fields.choice
                error=message(EntryField::Choice)
                required=true
            />
            <LongText
                label=label(|t| t.entry_minutes())
                name=name_of("text")
                value=fields.text
                error=message(EntryField::Text)
            />
            <DocumentChooser detail=detail.clone() chosen=fields.document />
            <p class="field-message field-invalid" role="alert">
                {move || message(EntryField::Document).get()}
            </p>
        }
        .into_any(),
        EntryShape::ProcurementMethod => view! {
            <ChoiceField
                label=label(|t| t.output_procurement_method())
                name=name_of("choice")
                value=fields.choice
                error=message(EntryField::Choice)
                choices=ProcurementMethod::ALL
                    .iter()
                    .map(|m| (m.id(), *m))
                    .map(|(id, m)| (id, Callback::new(move |lang| m.name(lang))))
                    .collect()
            />
        }
        .into_any(),
        EntryShape::Rating => view! {
            <ChoiceField
                label=label(|t| t.output_evaluation_rating())
                name=name_of("choice")
                value=fields.choice
                error=message(EntryField::Choice)
                choices=Rating::ALL
                    .iter()
                    .map(|r| (r.id(), *r))
                    .map(|(id, r)| (id, Callback::new(move |lang| r.name(lang))))
                    .collect()
            />
        }
        .into_any(),
        EntryShape::Registration => view! {
            <TextField
                label=label(|t| t.entry_system_name())
                name=name_of("short")
                value=fields.short
                error=message(EntryField::Short)
                required=true
            />
            <TextField
                label=label(|t| t.entry_go_live())
                name=name_of("date")
                value=fields.date
                error=message(EntryField::Date)
                kind="date"
                required=true
            />
        }
        .into_any(),
        EntryShape::HandoverItem | EntryShape::None => ().into_any(),
    };

    view! {
        <form class="output-form" on:submit=submit novalidate>
            {body}
            {is_correction
                .then(|| {
                    view! {
                        <LongText
                            label=label(|t| t.entry_correction_reason())
                            name=name_of("reason")
                            value=reason
                            error=Signal::derive(|| None)
                        />
                    }
                })}
            {other_error}
            <div class="form-actions">
                <button type="submit" class="button-primary" disabled=move || pending.get()>
                    {move || {
                        if is_correction {
                            locale.get().entry_save_correction()
                        } else {
                            locale.get().entry_save()
                        }
                    }}
                </button>
            </div>
        </form>
    }
    .into_any()
}

/// What a new entry's form starts with: the system's name defaults to the
/// project's, and the go-live date to the one applied for.
fn starting_draft(detail: &ProjectDetail, kind: OutputKind) -> EntryDraft {
    match kind {
        OutputKind::SystemRegistered => EntryDraft {
            short: detail.summary.name.clone(),
            ..EntryDraft::default()
        },
        _ => EntryDraft::default(),
    }
}

/// The handover checklist: each item confirmed received on its own.
#[component]
fn HandoverChecklist(detail: ProjectDetail, reload: Reload) -> impl IntoView {
    let locale = use_locale();
    let action = ServerAction::<FileOutput>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            reload.run(());
        }
    });
    let confirmed = detail.state.handover.clone();
    let id = detail.summary.id.clone();
    view! {
        <ul class="checklist">
            {HandoverItem::ALL
                .iter()
                .map(|item| {
                    let item = *item;
                    let done = confirmed.contains(&item);
                    let id = id.clone();
                    view! {
                        <li class:done=done>
                            <span>{move || item.name(locale.get().lang())}</span>
                            {if done {
                                view! {
                                    <span class="chip chip-finished">
                                        {move || locale.get().entry_received()}
                                    </span>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <button
                                        type="button"
                                        class="button"
                                        disabled=move || action.pending().get()
                                        on:click=move |_| {
                                            action
                                                .dispatch(FileOutput {
                                                    id: id.clone(),
                                                    kind: OutputKind::HandoverChecklistConfirmed,
                                                    draft: EntryDraft {
                                                        choice: item.id().to_owned(),
                                                        ..EntryDraft::default()
                                                    },
                                                });
                                        }
                                    >
                                        {move || locale.get().entry_confirm_received()}
                                    </button>
                                }
                                    .into_any()
                            }}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        {move || {
            action.value().get().and_then(Result::err).map(|error| view! { <ErrorBox error /> })
        }}
    }
}

#[component]
pub fn LongText(
    label: Signal<String>,
    #[prop(into)] name: String,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                name=name
                rows="4"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            <p class="field-message">{move || error.get()}</p>
        </div>
    }
}

#[component]
fn ChoiceField(
    label: Signal<String>,
    #[prop(into)] name: String,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    choices: Vec<(&'static str, Callback<crate::domain::Lang, &'static str>)>,
) -> impl IntoView {
    let locale = use_locale();
    let id = format!("field-{name}");
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=name
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="">{move || locale.get().form_choose()}</option>
                {choices
                    .into_iter()
                    .map(|(choice, name)| {
                        view! {
                            <option value=choice>{move || name.run(locale.get().lang())}</option>
                        }
                    })
                    .collect_view()}
            </select>
            <p class="field-message">{move || error.get()}</p>
        </div>
    }
}
