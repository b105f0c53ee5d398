//! The policy's reference lists: who approves a budget of which size
//! (with a calculator that answers as you type) and the catalogue of
//! information systems from attachment 1.

use crate::domain::{Amount, ApprovalTier, CategoryClass, categories_of};
use crate::ui::{labels::tier_name, messages::amount_text, session::require_user, use_locale};
use leptos::prelude::*;

#[component]
pub fn ReferencePage() -> impl IntoView {
    require_user(None, |_| {
        view! {
            <ApprovalTiers />
            <Catalogue />
        }
        .into_any()
    })
}

#[component]
fn ApprovalTiers() -> impl IntoView {
    let locale = use_locale();
    let typed = RwSignal::new(String::new());
    let answer = move || {
        let text = typed.get();
        if text.trim().is_empty() {
            return None;
        }
        let t = locale.get();
        Some(match Amount::parse(&text) {
            Ok(amount) => {
                let tier = ApprovalTier::for_amount(amount);
                (false, t.reference_tier_answer(amount, tier_name(t, tier)))
            }
            Err(error) => (true, amount_text(t, error).to_owned()),
        })
    };

    view! {
        <section class="card">
            <h1>{move || locale.get().reference_tiers_title()}</h1>
            <p class="muted">{move || locale.get().reference_tiers_intro()}</p>
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{move || locale.get().reference_amount_from()}</th>
                        <th scope="col">{move || locale.get().reference_approver()}</th>
                    </tr>
                </thead>
                <tbody>
                    {ApprovalTier::ALL
                        .into_iter()
                        .map(|tier| {
                            view! {
                                <tr>
                                    <td class="number">{tier.lower_bound().to_string()}</td>
                                    <td>{move || tier_name(locale.get(), tier)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <div class="field">
                <label for="tier-amount">{move || locale.get().reference_try_amount()}</label>
                <input
                    id="tier-amount"
                    type="text"
                    inputmode="decimal"
                    placeholder="50000 / 5万 / 50,000.00"
                    aria-describedby="tier-answer"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
                <p
                    id="tier-answer"
                    class="field-message"
                    class:field-message-error=move || answer().is_some_and(|(bad, _)| bad)
                    aria-live="polite"
                >
                    {move || answer().map(|(_, text)| text)}
                </p>
            </div>
        </section>
    }
}

#[component]
fn Catalogue() -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="card">
            <h2>{move || locale.get().reference_catalogue_title()}</h2>
            {CategoryClass::ALL
                .into_iter()
                .map(|class| {
                    view! {
                        <h3>
                            {move || {
                                format!("{}. {}", class.number(), class.name(locale.get().lang()))
                            }}
                        </h3>
                        <table class="table">
                            <thead>
                                <tr>
                                    <th scope="col">{move || locale.get().reference_code()}</th>
                                    <th scope="col">{move || locale.get().reference_system()}</th>
                                    <th scope="col">{move || locale.get().reference_scope()}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {categories_of(class)
                                    .map(|category| {
                                        view! {
                                            <tr>
                                                <td class="number">{category.code().to_string()}</td>
                                                <td>{move || category.name(locale.get().lang())}</td>
                                                <td>{move || category.scope(locale.get().lang())}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                })
                .collect_view()}
        </section>
    }
}
