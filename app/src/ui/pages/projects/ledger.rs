//! Payments against the contract and the asset registration: what finance
//! and procurement record beside the stages.

use super::page::Reload;
use crate::api::{
    AppError, Problem, ProjectDetail,
    projects::{RecordPayment, RegisterAsset},
};
use crate::domain::Role;
use crate::domain::process::{AssetDraft, PaymentDraft, PaymentKind, ProjectStatus};
use crate::ui::{components::TextField, messages::ledger_text, use_locale};
use leptos::prelude::*;

#[component]
pub fn Ledger(detail: ProjectDetail, reload: Reload) -> impl IntoView {
    let locale = use_locale();
    let contract = detail.state.contract_amount;
    let finance = detail.me.roles.contains(&Role::Finance);
    let procurement = detail.me.roles.contains(&Role::Procurement);
    let relevant = contract.is_some() || !detail.payments.is_empty() || detail.asset.is_some();
    if !relevant || detail.state.status == ProjectStatus::Rejected {
        return ().into_any();
    }
    let paid: u64 = detail.payments.iter().map(|p| p.amount.fen()).sum();
    let paid = crate::domain::Amount::from_fen(paid);
    let contract_text = contract.map(|c| c.to_string()).unwrap_or_default();
    let payments = detail.payments.clone();
    let asset = detail.asset.clone();
    let id = detail.summary.id.clone();

    view! {
        <section class="card" aria-labelledby="ledger-title">
            <h2 id="ledger-title">{move || locale.get().ledger_title()}</h2>
            <p>{move || locale.get().ledger_paid(paid.to_string(), contract_text.clone())}</p>
            {(!payments.is_empty())
                .then(|| {
                    view! {
                        <table class="table table-responsive">
                            <thead>
                                <tr>
                                    <th scope="col">{move || locale.get().ledger_kind()}</th>
                                    <th scope="col">{move || locale.get().ledger_amount()}</th>
                                    <th scope="col">{move || locale.get().ledger_paid_on()}</th>
                                    <th scope="col">{move || locale.get().ledger_voucher()}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {payments
                                    .into_iter()
                                    .map(|p| {
                                        let kind = p.kind;
                                        view! {
                                            <tr>
                                                <td data-label=move || {
                                                    locale.get().ledger_kind()
                                                }>{move || kind.name(locale.get().lang())}</td>
                                                <td
                                                    class="number"
                                                    data-label=move || locale.get().ledger_amount()
                                                >
                                                    {p.amount.to_string()}
                                                </td>
                                                <td data-label=move || {
                                                    locale.get().ledger_paid_on()
                                                }>{p.paid_on.clone()}</td>
                                                <td data-label=move || {
                                                    locale.get().ledger_voucher()
                                                }>{p.voucher.clone()}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                })}
            {asset
                .map(|a| {
                    view! {
                        <p>
                            {move || {
                                locale
                                    .get()
                                    .ledger_asset_registered(
                                        a.asset_number.clone(),
                                        a.value.to_string(),
                                        a.registered_on.clone(),
                                    )
                            }}
                        </p>
                    }
                        .into_any()
                })}
            {finance.then(|| view! { <PaymentForm id=id.clone() reload /> }.into_any())}
            {(procurement && detail.asset.is_none())
                .then(|| view! { <AssetForm id=id.clone() reload /> }.into_any())}
        </section>
    }
    .into_any()
}

fn ledger_error(t: crate::i18n::Locale, answer: Option<Result<(), AppError>>) -> Option<String> {
    match answer {
        Some(Err(AppError::Invalid(Problem::Ledger(problem)))) => {
            Some(ledger_text(t, problem).to_owned())
        }
        Some(Err(error)) => Some(crate::ui::messages::error_text(t, &error)),
        _ => None,
    }
}

#[component]
fn PaymentForm(id: String, reload: Reload) -> impl IntoView {
    let locale = use_locale();
    let kind = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let paid_on = RwSignal::new(String::new());
    let voucher = RwSignal::new(String::new());
    let action = ServerAction::<RecordPayment>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            reload.run(());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(RecordPayment {
            id: id.clone(),
            draft: PaymentDraft {
                kind: kind.get_untracked(),
                amount: amount.get_untracked(),
                paid_on: paid_on.get_untracked(),
                voucher: voucher.get_untracked(),
            },
        });
    };
    let label = |text: fn(crate::i18n::Locale) -> &'static str| {
        Signal::derive(move || text(locale.get()).to_owned())
    };
    view! {
        <details class="output">
            <summary>{move || locale.get().ledger_record_payment()}</summary>
            <form class="output-form" on:submit=submit novalidate>
                <div class="field">
                    <label for="payment-kind">{move || locale.get().ledger_kind()}</label>
                    <select id="payment-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                        <option value="">{move || locale.get().form_choose()}</option>
                        {PaymentKind::ALL
                            .into_iter()
                            .map(|k| {
                                view! {
                                    <option value=k
                                        .id()>{move || k.name(locale.get().lang())}</option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <TextField
                    label=label(|t| t.ledger_amount())
                    name="payment-amount"
                    value=amount
                    required=true
                />
                <TextField
                    label=label(|t| t.ledger_paid_on())
                    name="payment-date"
                    value=paid_on
                    kind="date"
                    required=true
                />
                <TextField
                    label=label(|t| t.ledger_voucher())
                    name="payment-voucher"
                    value=voucher
                />
                <p class="field-message field-message-error">
                    {move || ledger_error(locale.get(), action.value().get())}
                </p>
                <div class="form-actions">
                    <button
                        type="submit"
                        class="button-primary"
                        disabled=move || action.pending().get()
                    >
                        {move || locale.get().entry_save()}
                    </button>
                </div>
            </form>
        </details>
    }
}

#[component]
fn AssetForm(id: String, reload: Reload) -> impl IntoView {
    let locale = use_locale();
    let number = RwSignal::new(String::new());
    let value = RwSignal::new(String::new());
    let registered_on = RwSignal::new(String::new());
    let action = ServerAction::<RegisterAsset>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            reload.run(());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(RegisterAsset {
            id: id.clone(),
            draft: AssetDraft {
                asset_number: number.get_untracked(),
                value: value.get_untracked(),
                registered_on: registered_on.get_untracked(),
            },
        });
    };
    let label = |text: fn(crate::i18n::Locale) -> &'static str| {
        Signal::derive(move || text(locale.get()).to_owned())
    };
    view! {
        <details class="output">
            <summary>{move || locale.get().ledger_register_asset()}</summary>
            <form class="output-form" on:submit=submit novalidate>
                <TextField
                    label=label(|t| t.ledger_asset_number())
                    name="asset-number"
                    value=number
                    required=true
                />
                <TextField
                    label=label(|t| t.ledger_asset_value())
                    name="asset-value"
                    value=value
                    required=true
                />
                <TextField
                    label=label(|t| t.ledger_registered_on())
                    name="asset-date"
                    value=registered_on
                    kind="date"
                    required=true
                />
                <p class="field-message field-message-error">
                    {move || ledger_error(locale.get(), action.value().get())}
                </p>
                <div class="form-actions">
                    <button
                        type="submit"
                        class="button-primary"
                        disabled=move || action.pending().get()
                    >
                        {move || locale.get().entry_save()}
                    </button>
                </div>
            </form>
        </details>
    }
}
