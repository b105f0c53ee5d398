//! The project's timeline: every event of its audit trail, who did it in
//! which role, on whose behalf, what, with the opinion given.

use crate::api::{TimelineAction, TimelineEvent};
use crate::i18n::Locale;
use crate::ui::{
    labels::{decision_name, output_name, role_name},
    use_locale,
};
use leptos::prelude::*;

#[component]
pub fn Timeline(events: Vec<TimelineEvent>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{move || locale.get().timeline_title()}</h2>
            <ol class="timeline">
                {events
                    .into_iter()
                    .rev()
                    .map(|event| view! { <TimelineItem event /> })
                    .collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn TimelineItem(event: TimelineEvent) -> impl IntoView {
    let locale = use_locale();
    let when = event.at.to_local_minute();
    let who = {
        let event = event.clone();
        move || {
            let t = locale.get();
            let roles: Vec<&str> = event.roles.iter().map(|r| role_name(t, *r)).collect();
            let mut who = format!("{}（{}）", event.actor_name, roles.join("、"));
            if let Some(principal) = &event.on_behalf_of {
                who = t.timeline_on_behalf(who, principal.clone());
            }
            who
        }
    };
    let what = {
        let event = event.clone();
        move || action_text(locale.get(), &event)
    };
    let comment = event.comment.clone();
    view! {
        <li class="timeline-item">
            <time>{when}</time>
            <p>
                <strong>{who}</strong>
                " "
                {what}
            </p>
            {(!comment.is_empty())
                .then(|| view! { <blockquote class="prewrap">{comment}</blockquote> })}
        </li>
    }
}

fn action_text(t: Locale, event: &TimelineEvent) -> String {
    let stage = |s: Option<crate::domain::process::StageId>| {
        s.map(|s| s.name(t.lang())).unwrap_or_default()
    };
    match &event.action {
        TimelineAction::Started => t.timeline_started().to_owned(),
        TimelineAction::Decided(decision) => {
            let moved = event.stage_before != event.stage_after;
            let decided =
                t.timeline_decided(decision_name(t, *decision), stage(event.stage_before));
            if moved {
                format!("{decided} → {}", stage(event.stage_after))
            } else {
                decided
            }
        }
        TimelineAction::Filed(kind) => t.timeline_filed(output_name(t, *kind)),
        TimelineAction::Corrected(kind) => t.timeline_corrected(output_name(t, *kind)),
        TimelineAction::ExpertsInvited => t.timeline_experts_invited().to_owned(),
        TimelineAction::DocumentUploaded(name) => t.timeline_uploaded(name),
        TimelineAction::PaymentRecorded => t.timeline_payment().to_owned(),
        TimelineAction::AssetRegistered => t.timeline_asset().to_owned(),
        TimelineAction::Other(action) => action.clone(),
    }
}
