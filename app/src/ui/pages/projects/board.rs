//! The board: active projects as cards in columns of stages grouped by
//! phase. On a desktop a card can be dragged to the next stage when the
//! user may take that stage's forward decision; on a phone the columns
//! scroll sideways and each card has a move menu.

use crate::api::{
    BoardCard, BoardFilter,
    projects::{DecideStage, board},
};
use crate::domain::process::{DecisionRequest, Phase, StageId};
use crate::domain::{ApprovalTier, CATALOGUE};
use crate::ui::{
    components::{ErrorBox, ExportLink, Loading, query_of},
    labels::{decision_name, phase_name, tier_name},
    session::require_user,
    use_locale,
};
use leptos::prelude::*;

#[component]
pub fn BoardPage() -> impl IntoView {
    require_user(None, |_| view! { <Board /> }.into_any())
}

/// The card being dragged: its project, stage, version and the decision a
/// drop would take.
#[derive(Clone, Debug, PartialEq)]
struct Dragged {
    card: BoardCard,
}

#[component]
fn Board() -> impl IntoView {
    let locale = use_locale();
    let filter = RwSignal::new(BoardFilter::default());
    let live = crate::ui::live::use_live();
    let cards = Resource::new(move || (filter.get(), live.tick.get()), |(f, _)| board(f));
    // Every department with an active project, for the filter's choices.
    let everything = Resource::new(|| (), |_| board(BoardFilter::default()));
    let decide = ServerAction::<DecideStage>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = decide.value().get() {
            cards.refetch();
        }
    });
    let dragged = RwSignal::new(None::<Dragged>);
    let move_on = Callback::new(move |card: BoardCard| {
        if let Some(decision) = card.forward {
            decide.dispatch(DecideStage {
                id: card.project.id.clone(),
                version: card.version,
                request: DecisionRequest::new(card.project.stage, decision),
                on_behalf_of: None,
            });
        }
    });

    view! {
        <h1>{move || locale.get().board_title()}</h1>
        // The filters' choices wait for the projects they are made from,
        // so that the server's page and the browser's first render agree.
        <Transition>
            {move || Suspend::new(async move {
                let everything = everything.await.unwrap_or_default();
                view! { <BoardFilters filter everything /> }
            })}
        </Transition>
        {move || {
            decide.value().get().and_then(Result::err).map(|error| view! { <ErrorBox error /> })
        }}
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match cards.await {
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                    Ok(cards) => view! { <Columns cards dragged move_on /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn BoardFilters(filter: RwSignal<BoardFilter>, everything: Vec<BoardCard>) -> impl IntoView {
    let locale = use_locale();
    let set = move |apply: fn(&mut BoardFilter, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            filter.update(|f| apply(f, value));
        }
    };
    let mut departments: Vec<(String, String)> = everything
        .iter()
        .map(|c| {
            let department = &c.project.department;
            (department.code.clone(), department.name.clone())
        })
        .collect();
    departments.sort();
    departments.dedup();
    let mut years: Vec<String> = everything
        .iter()
        .map(|c| c.project.created_at.to_local_date()[..4].to_owned())
        .collect();
    years.sort();
    years.dedup();
    years.reverse();
    view! {
        <form class="filters card" on:submit=|ev| ev.prevent_default()>
            <label>
                {move || locale.get().projects_department()}
                <select on:change=set(|f, v| f.department = v)>
                    <option value="">{move || locale.get().board_all()}</option>
                    {departments
                        .into_iter()
                        .map(|(code, name)| view! { <option value=code>{name}</option> })
                        .collect_view()}
                </select>
            </label>
            <label>
                {move || locale.get().projects_category()}
                <select on:change=set(|f, v| f.category = v)>
                    <option value="">{move || locale.get().board_all()}</option>
                    {CATALOGUE
                        .iter()
                        .map(|c| {
                            let code = c.code();
                            view! {
                                <option value=code
                                    .to_string()>
                                    {move || format!("{code} {}", c.name(locale.get().lang()))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                {move || locale.get().projects_approver()} <select on:change=set(|f, v| f.tier = v)>
                    <option value="">{move || locale.get().board_all()}</option>
                    {ApprovalTier::ALL
                        .into_iter()
                        .map(|tier| {
                            view! {
                                <option value=tier
                                    .id()>{move || tier_name(locale.get(), tier)}</option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                {move || locale.get().board_year()} <select on:change=set(|f, v| f.year = v)>
                    <option value="">{move || locale.get().board_all()}</option>
                    {years
                        .into_iter()
                        .map(|y| view! { <option value=y.clone()>{y.clone()}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="check">
                <input
                    type="checkbox"
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        filter.update(|f| f.overdue_only = on);
                    }
                />
                {move || locale.get().board_overdue_only()}
            </label>
            <ExportLink href=Signal::derive(move || {
                let f = filter.get();
                let overdue = if f.overdue_only { "true" } else { "" };
                format!(
                    "/exports/projects.xlsx{}",
                    query_of(
                        &[
                            ("department", f.department.as_str()),
                            ("category", &f.category),
                            ("tier", &f.tier),
                            ("year", &f.year),
                            ("overdue_only", overdue),
                        ],
                    ),
                )
            })>{move || locale.get().board_export()}</ExportLink>
        </form>
    }
}

#[component]
fn Columns(
    cards: Vec<BoardCard>,
    dragged: RwSignal<Option<Dragged>>,
    move_on: Callback<BoardCard>,
) -> impl IntoView {
    let locale = use_locale();
    let count = cards.len();
    view! {
        <p class="muted">{move || locale.get().board_count(count)}</p>
        <div class="board" role="list">
            {Phase::ALL
                .into_iter()
                .map(|phase| {
                    let stages: Vec<StageId> = StageId::ALL
                        .into_iter()
                        .filter(|s| s.phase() == phase)
                        .collect();
                    let cards = cards.clone();
                    view! {
                        <section
                            class="board-phase"
                            role="listitem"
                            aria-label=move || phase_name(locale.get(), phase)
                        >
                            <h2 class="board-phase-title">
                                {move || phase_name(locale.get(), phase)}
                            </h2>
                            <div class="board-columns">
                                {stages
                                    .into_iter()
                                    .map(|stage| {
                                        let here: Vec<BoardCard> = cards
                                            .iter()
                                            .filter(|c| c.project.stage == stage)
                                            .cloned()
                                            .collect();
                                        view! { <Column stage cards=here dragged move_on /> }
                                    })
                                    .collect_view()}
                            </div>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn Column(
    stage: StageId,
    cards: Vec<BoardCard>,
    dragged: RwSignal<Option<Dragged>>,
    move_on: Callback<BoardCard>,
) -> impl IntoView {
    let locale = use_locale();
    // A drop here takes the dragged card's forward decision, which leads
    // to this stage.
    let accepts = move || {
        dragged
            .get()
            .is_some_and(|d| d.card.forward.is_some() && d.card.project.stage.next() == Some(stage))
    };
    let count = cards.len();
    view! {
        <div
            class="board-column"
            class:drop-target=accepts
            data-stage=stage.id()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                if accepts() {
                    ev.prevent_default();
                }
            }
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                if accepts() && let Some(d) = dragged.get_untracked() {
                    move_on.run(d.card);
                }
                dragged.set(None);
            }
        >
            <h3 class="board-column-title">
                {move || stage.name(locale.get().lang())} <span class="chip">{count}</span>
            </h3>
            <ul class="board-cards">
                {cards
                    .into_iter()
                    .map(|card| view! { <Card card dragged move_on /> })
                    .collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

#[component]
fn Card(
    card: BoardCard,
    dragged: RwSignal<Option<Dragged>>,
    move_on: Callback<BoardCard>,
) -> impl IntoView {
    let locale = use_locale();
    let project = card.project.clone();
    let tier = project.tier;
    let movable = card.forward.is_some();
    let next = project.stage.next();
    let on_drag = {
        let card = card.clone();
        move |_ev: leptos::ev::DragEvent| dragged.set(Some(Dragged { card: card.clone() }))
    };
    let menu_card = card.clone();
    view! {
        <li
            class="board-card"
            class:overdue=card.overdue
            draggable=if movable { "true" } else { "false" }
            on:dragstart=on_drag
            on:dragend=move |_| dragged.set(None)
            data-project=project.id.clone()
        >
            <a href=format!("/projects/{}", project.id)>{project.name.clone()}</a>
            <p class="muted">
                {project.department.name.clone()} " · " {project.budget.to_string()}
            </p>
            <p class="muted">
                {move || tier_name(locale.get(), tier)}
                {card
                    .overdue
                    .then(|| {
                        view! {
                            " "
                            <span class="chip chip-warn">
                                {move || locale.get().board_overdue()}
                            </span>
                        }
                    })}
            </p>
            {movable
                .then(|| {
                    let decision = card.forward;
                    view! {
                        <details class="move-menu">
                            <summary>{move || locale.get().board_move()}</summary>
                            <button
                                type="button"
                                class="button-primary"
                                on:click=move |_| move_on.run(menu_card.clone())
                            >
                                {move || {
                                    let t = locale.get();
                                    let action = decision
                                        .map(|d| decision_name(t, d))
                                        .unwrap_or_default();
                                    let target = next.map(|s| s.name(t.lang())).unwrap_or_default();
                                    t.board_move_to(action, target)
                                }}
                            </button>
                        </details>
                    }
                })}
        </li>
    }
    .into_any()
}
