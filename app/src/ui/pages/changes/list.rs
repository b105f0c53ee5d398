//! Change management: the open requests as a board in the six stages of
//! the policy, and every request in a filterable ledger with its Excel
//! export.

use crate::api::{
    ChangeFilter, ChangeSummary,
    changes::{change_board, list_changes},
};
use crate::domain::change::{ChangeStage, ChangeStatus};
use crate::ui::{
    change_words::state_text,
    components::{ErrorBox, ExportLink, Loading, query_of},
    session::require_user,
    use_locale,
};
use leptos::prelude::*;

#[component]
pub fn ChangesPage() -> impl IntoView {
    require_user(None, |_| view! { <Changes /> }.into_any())
}

#[component]
fn Changes() -> impl IntoView {
    let locale = use_locale();
    let filter = RwSignal::new(ChangeFilter::default());
    let live = crate::ui::live::use_live();
    let open = Resource::new(
        move || (filter.get(), live.tick.get()),
        |(f, _)| change_board(f),
    );
    let all = Resource::new(
        move || (filter.get(), live.tick.get()),
        |(f, _)| list_changes(f),
    );
    let set = move |apply: fn(&mut ChangeFilter, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            filter.update(|f| apply(f, value));
        }
    };
    let export = move || {
        let f = filter.get();
        format!(
            "/exports/changes.xlsx{}",
            query_of(&[
                ("text", &f.text),
                ("department", &f.department),
                ("year", &f.year),
                ("status", &f.status),
            ])
        )
    };
    view! {
        <h1>{move || locale.get().change_list_title()}</h1>
        <p class="muted">{move || locale.get().change_list_intro()}</p>
        <div class="filters card" role="search">
            <label>
                {move || locale.get().change_search()}
                <input type="search" on:change=set(|f, v| f.text = v) />
            </label>
            <label>
                {move || locale.get().change_year()}
                <input
                    type="number"
                    inputmode="numeric"
                    min="2000"
                    max="2100"
                    on:change=set(|f, v| f.year = v)
                />
            </label>
            <label>
                {move || locale.get().change_step()} <select on:change=set(|f, v| f.status = v)>
                    <option value="">{move || locale.get().change_status_all()}</option>
                    {[ChangeStatus::Open, ChangeStatus::Registered, ChangeStatus::Rejected]
                        .into_iter()
                        .map(|status| {
                            view! {
                                <option value=status
                                    .id()>
                                    {move || crate::ui::change_words::status_name(
                                        locale.get(),
                                        status,
                                    )}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <ExportLink href=Signal::derive(
                export,
            )>{move || locale.get().change_export()}</ExportLink>
        </div>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match open.await {
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                    Ok(cards) => view! { <ChangeColumns cards /> }.into_any(),
                }
            })}
        </Transition>
        <section class="card" aria-labelledby="all-changes">
            <h2 id="all-changes">{move || locale.get().change_all_requests()}</h2>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match all.await {
                        Err(error) => view! { <ErrorBox error /> }.into_any(),
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">{move || locale.get().change_empty()}</p> }
                                .into_any()
                        }
                        Ok(list) => {
                            let count = list.len();
                            view! {
                                <p class="muted">{move || locale.get().change_count(count)}</p>
                                <ChangeTable list />
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// The open requests in the policy's six stages; the columns scroll
/// sideways on a phone.
#[component]
fn ChangeColumns(cards: Vec<ChangeSummary>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="board change-board">
            {ChangeStage::ALL
                .into_iter()
                .map(|stage| {
                    let in_stage: Vec<ChangeSummary> = cards
                        .iter()
                        .filter(|c| c.state.step.stage() == stage)
                        .cloned()
                        .collect();
                    let count = in_stage.len();
                    view! {
                        <section class="board-column" data-stage=stage.id()>
                            <h3>
                                {move || stage.name(locale.get().lang())} " "
                                <span class="muted">{count}</span>
                            </h3>
                            {if in_stage.is_empty() {
                                view! {
                                    <p class="muted">{move || locale.get().change_board_empty()}</p>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <ul class="board-cards">
                                        {in_stage
                                            .into_iter()
                                            .map(|card| {
                                                let step = card.state.step;
                                                view! {
                                                    <li class="card board-card">
                                                        <a href=format!(
                                                            "/changes/{}",
                                                            card.id,
                                                        )>{card.number.to_string()}</a>
                                                        <p>{card.system_name.clone()}</p>
                                                        <p class="muted">
                                                            {card.department.name.clone()} " · "
                                                            {move || step.name(locale.get().lang())}
                                                        </p>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }}
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Change requests as a table: number, system, department, dates, state.
#[component]
pub fn ChangeTable(list: Vec<ChangeSummary>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="table-scroll">
            <table class="list">
                <thead>
                    <tr>
                        <th scope="col">{move || locale.get().change_number()}</th>
                        <th scope="col">{move || locale.get().change_system()}</th>
                        <th scope="col">{move || locale.get().change_department()}</th>
                        <th scope="col">{move || locale.get().change_applied_at()}</th>
                        <th scope="col">{move || locale.get().change_execute_at()}</th>
                        <th scope="col">{move || locale.get().change_step()}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|change| {
                            let (step, status) = (change.state.step, change.state.status);
                            view! {
                                <tr>
                                    <td>
                                        <a href=format!(
                                            "/changes/{}",
                                            change.id,
                                        )>{change.number.to_string()}</a>
                                    </td>
                                    <td>{change.system_name.clone()}</td>
                                    <td>{change.department.name.clone()}</td>
                                    <td>{change.applied_at.to_local_minute()}</td>
                                    <td>{change.execute_at.clone()}</td>
                                    <td>{move || state_text(locale.get(), step, status)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
