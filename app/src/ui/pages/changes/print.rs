//! The change request printed on A4 as the policy's attachment 2: the same
//! table and boxes, the sign-off boxes filled from the record of decisions
//! with room left for a handwritten signature.

use crate::api::{ChangeDetail, SignoffView, changes::load_change};
use crate::domain::change::{ChangeOrigin, ChangeScope, ChangeStep};
use crate::ui::{
    change_words::{origin_name, scope_name},
    components::{ErrorBox, Loading},
    session::require_user,
    use_locale,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ChangePrintPage() -> impl IntoView {
    require_user(None, |_| view! { <PrintLoader /> }.into_any())
}

#[component]
fn PrintLoader() -> impl IntoView {
    let params = use_params_map();
    let change = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        load_change,
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match change.await {
                    Ok(detail) => view! { <PrintedForm detail /> }.into_any(),
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn tick(on: bool) -> &'static str {
    if on { "☑" } else { "☐" }
}

#[component]
fn PrintedForm(detail: ChangeDetail) -> impl IntoView {
    let locale = use_locale();
    let summary = detail.summary.clone();
    let form = detail.form.clone();
    let (origin, scope) = (form.origin, form.scope);
    let other = form.other_explanation.clone();
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <div class="print-controls no-print">
            <p class="muted">{move || locale.get().print_hint()}</p>
            <button type="button" class="button-primary" on:click=print>
                {move || locale.get().print_print()}
            </button>
            " "
            <a href=format!("/changes/{}", summary.id)>{move || locale.get().print_back()}</a>
        </div>
        <article class="paper">
            <h1 class="paper-title">{move || locale.get().change_form_title()}</h1>
            <p class="paper-number">
                {move || locale.get().change_number()} "："
                <span data-field="number">{summary.number.to_string()}</span>
            </p>
            <table class="paper-form">
                <colgroup>
                    <col class="paper-label" />
                    <col />
                    <col class="paper-label" />
                    <col />
                    <col class="paper-label" />
                    <col />
                </colgroup>
                <tbody>
                    <tr>
                        <th scope="row">{move || locale.get().change_department()}</th>
                        <td>{summary.department.name.clone()}</td>
                        <th scope="row">{move || locale.get().change_applied_at()}</th>
                        <td>{summary.applied_at.to_local_minute()}</td>
                        <th scope="row">{move || locale.get().change_execute_at()}</th>
                        <td>{form.execute_at.to_string()}</td>
                    </tr>
                    <tr>
                        <th scope="row">{move || locale.get().change_system()}</th>
                        <td colspan="5">{summary.system_name.clone()}</td>
                    </tr>
                    <RequestTypeRow origin scope other />
                    <tr class="paper-text">
                        <th scope="row">{move || locale.get().change_reason()}</th>
                        <td colspan="5">{form.reason.clone()}</td>
                    </tr>
                    <tr class="paper-text">
                        <th scope="row">{move || locale.get().change_description()}</th>
                        <td colspan="5">{form.description.clone()}</td>
                    </tr>
                    <tr class="paper-text">
                        <th scope="row">{move || locale.get().change_impact()}</th>
                        <td colspan="5">{form.impact.clone()}</td>
                    </tr>
                    <SignatureRows detail=detail.clone() />
                </tbody>
            </table>
        </article>
    }
}

/// The request type, ticked as on the paper form. Its own component (and
/// an erased view) keeps the form's view type within the compiler's limits.
#[component]
fn RequestTypeRow(origin: ChangeOrigin, scope: ChangeScope, other: String) -> impl IntoView {
    let locale = use_locale();
    view! {
        <tr>
            <th scope="row">{move || locale.get().change_request_type()}</th>
            <td colspan="5" class="paper-ticks">
                <p>
                    {ChangeOrigin::ALL
                        .iter()
                        .map(|o| {
                            let o = *o;
                            view! {
                                <span>
                                    {tick(o == origin)} {move || origin_name(locale.get(), o)}
                                </span>
                            }
                        })
                        .collect_view()}
                </p>
                <p>
                    {[ChangeScope::Added, ChangeScope::Modified, ChangeScope::Reduced]
                        .into_iter()
                        .map(|s| {
                            view! {
                                <span>
                                    {tick(s == scope)} {move || scope_name(locale.get(), s)}
                                </span>
                            }
                        })
                        .collect_view()}
                </p>
                <p>
                    <span>
                        {tick(scope == ChangeScope::Other)}
                        {move || locale.get().change_other_explanation()} " "
                        <u>{if other.is_empty() { "\u{a0}".repeat(16) } else { other.clone() }}</u>
                    </span>
                </p>
            </td>
        </tr>
    }
    .into_any()
}

/// The four sign-off boxes of attachment 2, filled from the decisions.
#[component]
fn SignatureRows(detail: ChangeDetail) -> impl IntoView {
    let locale = use_locale();
    let signoff = |step: ChangeStep| detail.signoff(step).cloned();
    view! {
        <tr class="paper-signatures">
            <th scope="row">{move || locale.get().change_executor_sign()}</th>
            <td>
                <SignBox box_name="executor" signoff=signoff(ChangeStep::Execution) />
            </td>
            <th scope="row">{move || locale.get().change_head_sign()}</th>
            <td>
                <SignBox box_name="department_head" signoff=signoff(ChangeStep::HeadSignature) />
            </td>
            <th scope="row">{move || locale.get().change_it_head_sign()}</th>
            <td>
                <SignBox box_name="it_head" signoff=signoff(ChangeStep::Review) />
            </td>
        </tr>
        <tr class="paper-signatures">
            <th scope="row">{move || locale.get().change_leader_opinion()}</th>
            <td colspan="5">
                <SignBox box_name="leader" signoff=signoff(ChangeStep::Approval) />
            </td>
        </tr>
    }
    .into_any()
}

/// One sign-off box: the decider, their opinion and the time from the
/// record, then a line for the handwritten signature.
#[component]
fn SignBox(box_name: &'static str, signoff: Option<SignoffView>) -> impl IntoView {
    let locale = use_locale();
    let filled = signoff.is_some();
    let content = signoff.map(|s| {
        let name = s.name.clone();
        let principal = s.on_behalf_of.clone();
        let shown = move || match &principal {
            Some(principal) => format!("{name}{}", locale.get().print_on_behalf(principal.clone())),
            None => name.clone(),
        };
        view! {
            <p class="sign-name">{shown}</p>
            {(!s.opinion.is_empty())
                .then(|| view! { <p class="sign-opinion">{s.opinion.clone()}</p> })}
            <p class="sign-time">{s.at.to_local_minute()}</p>
        }
    });
    view! {
        <div class="sign-box" data-box=box_name data-filled=filled.to_string()>
            {content}
            <p class="sign-line">
                {move || locale.get().print_signature()} <span class="sign-space"></span>
            </p>
        </div>
    }
}
