//! Everything filed on the project, stage by stage, with revisions: a
//! superseded entry stays visible beside the one that replaced it, and a
//! correction shows its reason.

use super::{
    files::DocumentLink,
    output_form::{Correcting, OutputForm},
    page::Reload,
};
use crate::api::{EntryView, ProjectDetail};
use crate::domain::process::{EntryDraft, EntryShape, EntryValue, StageId, may_correct};
use crate::ui::{labels::output_name, use_locale};
use leptos::prelude::*;
use std::collections::BTreeMap;

#[component]
pub fn Entries(detail: ProjectDetail, reload: Reload) -> impl IntoView {
    let locale = use_locale();
    let mut by_stage: BTreeMap<StageId, Vec<EntryView>> = BTreeMap::new();
    for entry in &detail.entries {
        by_stage
            .entry(entry.kind.stage())
            .or_default()
            .push(entry.clone());
    }
    if by_stage.is_empty() {
        return ().into_any();
    }
    view! {
        <section class="card" aria-labelledby="entries-title">
            <h2 id="entries-title">{move || locale.get().entries_title()}</h2>
            {by_stage
                .into_iter()
                .map(|(stage, entries)| {
                    view! {
                        <h3 class="entries-stage">{move || stage.name(locale.get().lang())}</h3>
                        <ul class="entries">
                            {entries
                                .into_iter()
                                .map(|entry| {
                                    view! { <EntryItem entry detail=detail.clone() reload /> }
                                })
                                .collect_view()}
                        </ul>
                    }
                })
                .collect_view()}
        </section>
    }
    .into_any()
}

#[component]
fn EntryItem(entry: EntryView, detail: ProjectDetail, reload: Reload) -> impl IntoView {
    let locale = use_locale();
    let kind = entry.kind;
    let correctable = entry.current
        && kind.shape() != EntryShape::HandoverItem
        && may_correct(&detail.state, &detail.me, kind).is_ok();
    let correcting = RwSignal::new(false);
    let when = entry.filed_at.to_local_minute();
    let revision = entry.revision;
    let by = entry.filed_by.clone();
    let draft = draft_of(&entry.value);
    let value = render_value(&entry.value, &detail);
    view! {
        <li class="entry" class:entry-superseded=!entry.current>
            <div class="entry-head">
                <strong>{move || output_name(locale.get(), kind)}</strong>
                <span class="chip">{move || locale.get().entries_revision(revision)}</span>
                {(!entry.current)
                    .then(|| {
                        view! {
                            <span class="chip chip-muted">
                                {move || locale.get().entries_superseded()}
                            </span>
                        }
                    })}
            </div>
            <div class="entry-value">{value}</div>
            {entry
                .correction_reason
                .clone()
                .map(|reason| {
                    view! {
                        <p class="entry-reason">
                            {move || locale.get().entries_correction_reason(reason.clone())}
                        </p>
                    }
                })}
            <p class="muted">{move || locale.get().entries_filed(by.clone(), when.clone())}</p>
            {correctable
                .then(|| {
                    let entry_id = entry.id.clone();
                    view! {
                        <button
                            type="button"
                            class="button-link"
                            on:click=move |_| correcting.update(|open| *open = !*open)
                        >
                            {move || locale.get().entries_correct()}
                        </button>
                        <Show when=move || correcting.get()>
                            <OutputForm
                                detail=detail.clone()
                                kind
                                reload
                                correcting=Some(Correcting {
                                    entry: entry_id.clone(),
                                    draft: draft.clone(),
                                })
                            />
                        </Show>
                    }
                })}
        </li>
    }
}

/// The form's fields holding an entry's value, for correcting it.
fn draft_of(value: &EntryValue) -> EntryDraft {
    let blank = EntryDraft::default();
    match value.clone() {
        EntryValue::Report { text, document } => EntryDraft {
            text,
            document,
            ..blank
        },
        EntryValue::ReportWithParticipants {
            text,
            participants,
            document,
        } => EntryDraft {
            text,
            people: participants,
            document,
            ..blank
        },
        EntryValue::Identifier { value } => EntryDraft {
            short: value,
            ..blank
        },
        EntryValue::Amount { amount } => EntryDraft {
            amount: amount.to_string(),
            ..blank
        },
        EntryValue::People { people } => EntryDraft { people, ..blank },
        EntryValue::Person { person } => EntryDraft {
            people: vec![person],
            ..blank
        },
        EntryValue::Contractor {
            organisation,
            accounts,
        } => EntryDraft {
            short: organisation,
            people: accounts,
            ..blank
        },
        EntryValue::Meeting {
            name,
            date,
            item,
            minutes,
            document,
        } => EntryDraft {
            short: name,
            date: date.to_string(),
            choice: item,
            text: minutes,
            document,
            ..blank
        },
        EntryValue::ProcurementMethod { method } => EntryDraft {
            choice: method.id().to_owned(),
            ..blank
        },
        EntryValue::Rating { rating } => EntryDraft {
            choice: rating.id().to_owned(),
            ..blank
        },
        EntryValue::HandoverItem { item } => EntryDraft {
            choice: item.id().to_owned(),
            ..blank
        },
        EntryValue::Registration {
            system_name,
            go_live,
        } => EntryDraft {
            short: system_name,
            date: go_live.to_string(),
            ..blank
        },
    }
}

fn render_value(value: &EntryValue, detail: &ProjectDetail) -> AnyView {
    let locale = use_locale();
    let name_of = |id: &String| {
        detail
            .people
            .iter()
            .find(|p| p.id == *id)
            .map_or_else(|| id.clone(), |p| p.display_name.clone())
    };
    let names = |ids: &[String]| ids.iter().map(name_of).collect::<Vec<_>>().join("、");
    let document = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| detail.documents.iter().find(|d| d.id == *id).cloned())
            .map(|document| {
                view! {
                    <p class="entry-document">
                        <DocumentLink document />
                    </p>
                }
            })
    };
    match value.clone() {
        EntryValue::Report {
            text,
            document: doc,
        } => view! {
            <p class="prewrap">{text}</p>
            {document(&doc)}
        }
        .into_any(),
        EntryValue::ReportWithParticipants {
            text,
            participants,
            document: doc,
        } => {
            let people = names(&participants);
            view! {
                <p class="prewrap">{text}</p>
                <p>{move || locale.get().entries_participants(people.clone())}</p>
                {document(&doc)}
            }
            .into_any()
        }
        EntryValue::Identifier { value } => view! { <p>{value}</p> }.into_any(),
        EntryValue::Amount { amount } => {
            view! { <p class="number">{format!("¥{}", amount.to_grouped_yuan())}</p> }.into_any()
        }
        EntryValue::People { people } => view! { <p>{names(&people)}</p> }.into_any(),
        EntryValue::Person { person } => view! { <p>{name_of(&person)}</p> }.into_any(),
        EntryValue::Contractor {
            organisation,
            accounts,
        } => {
            let people = names(&accounts);
            view! {
                <p>{organisation}</p>
                <p class="muted">{move || locale.get().entries_accounts(people.clone())}</p>
            }
            .into_any()
        }
        EntryValue::Meeting {
            name,
            date,
            item,
            minutes,
            document: doc,
        } => {
            let heading = format!("{name} · {date}");
            view! {
                <p>{heading}</p>
                <p>{move || locale.get().entries_agenda_item(item.clone())}</p>
                <p class="prewrap">{minutes}</p>
                {document(&doc)}
            }
            .into_any()
        }
        EntryValue::ProcurementMethod { method } => {
            view! { <p>{move || method.name(locale.get().lang())}</p> }.into_any()
        }
        EntryValue::Rating { rating } => {
            view! { <p>{move || rating.name(locale.get().lang())}</p> }.into_any()
        }
        EntryValue::HandoverItem { item } => {
            view! { <p>{move || locale.get().entries_received(item.name(locale.get().lang()))}</p> }
                .into_any()
        }
        EntryValue::Registration {
            system_name,
            go_live,
        } => {
            let go_live = go_live.to_string();
            view! {
                <p>{system_name}</p>
                <p>{move || locale.get().entries_go_live(go_live.clone())}</p>
            }
            .into_any()
        }
    }
}
