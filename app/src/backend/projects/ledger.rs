//! Payments against the contract and the asset registration, each checked
//! by the process module and written with its audit event.

use super::super::{
    audit::{self, By, Event},
    auth::session::Actor,
    db::Db,
    errors::internal,
    ids::new_key,
};
use super::{ProjectRecord, load_visible, today};
use crate::api::{AppError, AssetView, PaymentView, Problem};
use crate::domain::Amount;
use crate::domain::process::{
    AssetDraft, PaymentDraft, PaymentKind, may_record_payment, may_register_asset,
};
use surrealdb::types::{SurrealValue, Value};

#[derive(SurrealValue)]
struct PaymentRow {
    kind: String,
    amount_fen: i64,
    paid_on: String,
    voucher: String,
    recorded_by_name: String,
}

#[derive(SurrealValue)]
struct AssetRow {
    asset_number: String,
    value_fen: i64,
    registered_on: String,
    recorded_by_name: String,
}

fn fen(value: i64) -> Amount {
    Amount::from_fen(u64::try_from(value).unwrap_or_default())
}

fn fen_value(amount: Amount) -> Result<i64, AppError> {
    i64::try_from(amount.fen()).map_err(|_| AppError::BadRequest)
}

/// The project's payments in the order paid, and its asset registration.
pub async fn read(
    db: &Db,
    record: &ProjectRecord,
) -> Result<(Vec<PaymentView>, Option<AssetView>), AppError> {
    let mut response = db
        .query(
            "SELECT kind, amount_fen, paid_on, voucher, recorded_by_name FROM payment
                 WHERE project = $project ORDER BY paid_on, recorded_at;
             SELECT asset_number, value_fen, registered_on, recorded_by_name
                 FROM ONLY type::record('asset', $key);",
        )
        .bind(("project", record.id.clone()))
        .bind(("key", record.key()))
        .await
        .map_err(internal("reading payments"))?;
    let payments: Vec<PaymentRow> = response.take(0).map_err(internal("reading payments"))?;
    let asset: Option<AssetRow> = response.take(1).map_err(internal("reading the asset"))?;
    let payments = payments
        .into_iter()
        .filter_map(|row| {
            Some(PaymentView {
                kind: PaymentKind::parse(&row.kind)?,
                amount: fen(row.amount_fen),
                paid_on: row.paid_on,
                voucher: row.voucher,
                recorded_by: row.recorded_by_name,
            })
        })
        .collect();
    let asset = asset.map(|row| AssetView {
        asset_number: row.asset_number,
        value: fen(row.value_fen),
        registered_on: row.registered_on,
        recorded_by: row.recorded_by_name,
    });
    Ok((payments, asset))
}

/// Records a payment; the project's version guards the running total.
#[tracing::instrument(skip_all, fields(user = %actor.id(), project = %id))]
pub async fn record_payment(
    db: &Db,
    actor: &Actor,
    id: &str,
    draft: &PaymentDraft,
) -> Result<(), AppError> {
    let payment = draft.validate(today()?).map_err(Problem::Ledger)?;
    let record = load_visible(db, actor, id).await?;
    let state = record.state()?;
    let (payments, _) = read(db, &record).await?;
    let paid = payments.iter().map(|p| p.amount.fen()).sum::<u64>();
    may_record_payment(
        &state,
        &record.context_for(&actor.user),
        &payment,
        Amount::from_fen(paid),
    )
    .map_err(refused)?;

    let event = Event::new(
        By::actor(actor),
        "project.payment",
        format!("project:{}", record.key()),
    )
    .details(&serde_json::json!({
        "kind": payment.kind.id(), "amount_fen": payment.amount.fen(),
        "paid_on": payment.paid_on.to_string(), "voucher": payment.voucher,
    }));
    let change = "LET $project = type::record('project', $key);
         IF (SELECT VALUE version FROM ONLY $project) != $seen { THROW 'project_stale' };
         CREATE type::record('payment', $payment_key) SET project = $project, kind = $kind,
             amount_fen = $amount, paid_on = $paid_on, voucher = $voucher,
             recorded_by = type::record('user', $me), recorded_by_name = $me_name,
             recorded_at = time::now();
         UPDATE $project SET version = $seen + 1, updated_at = time::now();";
    let vars: [(&'static str, Value); 9] = [
        ("key", record.key().into_value()),
        ("seen", record.version.into_value()),
        ("payment_key", new_key().into_value()),
        ("kind", payment.kind.id().to_owned().into_value()),
        ("amount", fen_value(payment.amount)?.into_value()),
        ("paid_on", payment.paid_on.to_string().into_value()),
        ("voucher", payment.voucher.into_value()),
        ("me", actor.id().to_owned().into_value()),
        ("me_name", actor.user.display_name.clone().into_value()),
    ];
    audit::commit(db, &event, change, &vars)
        .await
        .map_err(super::entries::stale_or_internal("recording a payment"))
}

/// Registers the system as a fixed asset, once.
#[tracing::instrument(skip_all, fields(user = %actor.id(), project = %id))]
pub async fn register_asset(
    db: &Db,
    actor: &Actor,
    id: &str,
    draft: &AssetDraft,
) -> Result<(), AppError> {
    let asset = draft.validate(today()?).map_err(Problem::Ledger)?;
    let record = load_visible(db, actor, id).await?;
    let state = record.state()?;
    let (_, existing) = read(db, &record).await?;
    may_register_asset(&state, &record.context_for(&actor.user), existing.is_some())
        .map_err(refused)?;

    let event = Event::new(
        By::actor(actor),
        "project.asset",
        format!("project:{}", record.key()),
    )
    .details(&serde_json::json!({
        "asset_number": asset.asset_number, "value_fen": asset.value.fen(),
        "registered_on": asset.registered_on.to_string(),
    }));
    // CREATE fails on an existing key, so two registrations racing each
    // other leave exactly one.
    let change = "CREATE type::record('asset', $key) SET project = type::record('project', $key),
             asset_number = $asset_number, value_fen = $value, registered_on = $registered_on,
             recorded_by = type::record('user', $me), recorded_by_name = $me_name,
             recorded_at = time::now();";
    let vars: [(&'static str, Value); 6] = [
        ("key", record.key().into_value()),
        ("asset_number", asset.asset_number.into_value()),
        ("value", fen_value(asset.value)?.into_value()),
        (
            "registered_on",
            asset.registered_on.to_string().into_value(),
        ),
        ("me", actor.id().to_owned().into_value()),
        ("me_name", actor.user.display_name.clone().into_value()),
    ];
    audit::commit(db, &event, change, &vars)
        .await
        .map_err(|error| {
            if error.message().contains("already exists") {
                AppError::Invalid(Problem::Ledger(
                    crate::domain::process::LedgerProblem::AlreadyRegistered,
                ))
            } else {
                internal("registering an asset")(error)
            }
        })
}

/// Someone other than finance or procurement is refused outright; the
/// rest are problems of the entry that its author can mend.
fn refused(problem: crate::domain::process::LedgerProblem) -> AppError {
    match problem {
        crate::domain::process::LedgerProblem::NotYours => AppError::Forbidden,
        other => Problem::Ledger(other).into(),
    }
}
