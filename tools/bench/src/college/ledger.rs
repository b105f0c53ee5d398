//! The ledger beside a walked project: the payments finance recorded as
//! they fell due, and procurement's asset registration after acceptance.

use super::people::College;
use super::rows::{AssetRow, PaymentRow, at, id};
use super::walk::{Plan, Walked};
use app::backend::audit::Event;
use app::backend::ids::new_key;
use app::domain::process::{PaymentKind, ProjectStatus, StageId};
use app::domain::{Role, Timestamp};
use rand::{Rng, rngs::StdRng};

pub struct Ledger {
    pub payments: Vec<PaymentRow>,
    pub asset: Option<AssetRow>,
    pub events: Vec<(i64, Event)>,
}

/// Each payment kind, the stage it falls due after, its share of the
/// contract in percent, and how often it has been recorded by now.
const DUE: [(PaymentKind, StageId, u64, f64); 3] = [
    (PaymentKind::Advance, StageId::Procurement, 30, 0.9),
    (PaymentKind::OnAcceptance, StageId::Acceptance, 60, 0.85),
    (PaymentKind::Retention, StageId::InUse, 10, 0.7),
];

pub fn entries(college: &College, plan: &Plan, walked: &mut Walked, rng: &mut StdRng) -> Ledger {
    let mut ledger = Ledger {
        payments: Vec::new(),
        asset: None,
        events: Vec::new(),
    };
    let state = &walked.state;
    let Some(contract) = state.contract_amount else {
        return ledger;
    };
    if state.status == ProjectStatus::Rejected {
        return ledger;
    }
    let passed = |stage: StageId| state.stage > stage || state.status == ProjectStatus::Finished;
    let project_key = app::backend::ids::key_of(&walked.project.id);
    let subject = format!("project:{project_key}");
    let mut when = walked.events.last().map_or(plan.until_ms, |(t, _)| *t);

    for (kind, after, percent, likelihood) in DUE {
        if !passed(after) || !rng.random_bool(likelihood) {
            continue;
        }
        when = (when + 3_600_000).min(plan.until_ms.max(when));
        let clerk = &college.people[college.any(Role::Finance, rng)];
        let amount = contract.fen() * percent / 100;
        let paid_on = Timestamp(when).to_local_date();
        let voucher = format!("PZ{}", &new_key()[..8]);
        ledger.payments.push(PaymentRow {
            id: id("payment", &new_key()),
            project: walked.project.id.clone(),
            kind: kind.id().to_owned(),
            amount_fen: amount as i64,
            paid_on: paid_on.clone(),
            voucher: voucher.clone(),
            recorded_by: id("user", &clerk.key),
            recorded_by_name: clerk.display_name.clone(),
            recorded_at: at(when),
        });
        let event = Event::new(clerk.by(), "project.payment", subject.clone()).details(
            &serde_json::json!({
                "kind": kind.id(), "amount_fen": amount, "paid_on": paid_on, "voucher": voucher,
            }),
        );
        ledger.events.push((when, event));
        walked.project.version += 1;
    }

    if passed(StageId::Acceptance) && rng.random_bool(0.85) {
        let registrar = &college.people[college.any(Role::Procurement, rng)];
        let registered_on = Timestamp(when).to_local_date();
        let asset_number = format!("ZC-{}", &project_key[..8]);
        ledger.asset = Some(AssetRow {
            id: id("asset", &project_key),
            project: walked.project.id.clone(),
            asset_number: asset_number.clone(),
            value_fen: contract.fen() as i64,
            registered_on: registered_on.clone(),
            recorded_by: id("user", &registrar.key),
            recorded_by_name: registrar.display_name.clone(),
            recorded_at: at(when),
        });
        let event =
            Event::new(registrar.by(), "project.asset", subject).details(&serde_json::json!({
                "asset_number": asset_number, "value_fen": contract.fen(),
                "registered_on": registered_on,
            }));
        ledger.events.push((when, event));
    }
    ledger
}
