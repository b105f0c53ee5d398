//! What finance and procurement record beside the stages: payments against
//! the contract (advance, on acceptance, warranty retention) and the asset
//! registration (报增) after acceptance (DESIGN §2, after the table).

use super::{Actor, ActorContext, ProjectState, ProjectStatus, StageId};
use crate::domain::{Amount, AmountError, CalendarDate, DateError, Lang, Role};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentKind {
    /// 预付款, once the contract is signed.
    Advance,
    /// 验收款, once the project has passed acceptance.
    OnAcceptance,
    /// 质保金, the retention paid after the warranty period, once the
    /// system is in use.
    Retention,
}

impl PaymentKind {
    pub const ALL: [PaymentKind; 3] = [
        PaymentKind::Advance,
        PaymentKind::OnAcceptance,
        PaymentKind::Retention,
    ];

    pub fn id(self) -> &'static str {
        match self {
            PaymentKind::Advance => "advance",
            PaymentKind::OnAcceptance => "on_acceptance",
            PaymentKind::Retention => "retention",
        }
    }

    pub fn parse(id: &str) -> Option<Self> {
        PaymentKind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    pub fn name(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            PaymentKind::Advance => ("预付款", "Advance"),
            PaymentKind::OnAcceptance => ("验收款", "On acceptance"),
            PaymentKind::Retention => ("质保金", "Warranty retention"),
        };
        lang.pick(zh, en)
    }

    /// The stage a project must have passed before this payment is due.
    fn due_after(self) -> StageId {
        match self {
            PaymentKind::Advance => StageId::Procurement,
            PaymentKind::OnAcceptance => StageId::Acceptance,
            PaymentKind::Retention => StageId::InUse,
        }
    }
}

/// A payment as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentDraft {
    pub kind: String,
    pub amount: String,
    pub paid_on: String,
    #[serde(default)]
    pub voucher: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub kind: PaymentKind,
    pub amount: Amount,
    pub paid_on: CalendarDate,
    /// The accounting voucher number (凭证号).
    pub voucher: String,
}

/// The asset registration as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetDraft {
    pub asset_number: String,
    pub value: String,
    pub registered_on: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetRegistration {
    pub asset_number: String,
    pub value: Amount,
    pub registered_on: CalendarDate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum LedgerProblem {
    #[error("unknown payment kind")]
    KindUnknown,
    #[error("amount: {0}")]
    Amount(AmountError),
    #[error("amount is zero")]
    AmountZero,
    #[error("date: {0}")]
    Date(DateError),
    #[error("the date is in the future")]
    DateInFuture,
    #[error("voucher or asset number too long")]
    TooLong,
    #[error("asset number missing")]
    AssetNumberMissing,
    #[error("not recorded by this user")]
    NotYours,
    #[error("not due yet at this stage")]
    NotDueYet,
    #[error("payments would exceed the contract amount")]
    ExceedsContract,
    #[error("the asset is already registered")]
    AlreadyRegistered,
    #[error("the project was rejected")]
    ProjectRejected,
}

const NUMBER_LIMIT: usize = 60;

fn amount(text: &str) -> Result<Amount, LedgerProblem> {
    let amount = Amount::parse(text).map_err(LedgerProblem::Amount)?;
    if amount.fen() == 0 {
        return Err(LedgerProblem::AmountZero);
    }
    Ok(amount)
}

fn past_date(text: &str, today: CalendarDate) -> Result<CalendarDate, LedgerProblem> {
    let date = CalendarDate::parse(text).map_err(LedgerProblem::Date)?;
    if date > today {
        return Err(LedgerProblem::DateInFuture);
    }
    Ok(date)
}

impl PaymentDraft {
    pub fn validate(&self, today: CalendarDate) -> Result<Payment, LedgerProblem> {
        let kind = PaymentKind::parse(self.kind.trim()).ok_or(LedgerProblem::KindUnknown)?;
        let voucher = self.voucher.trim().to_owned();
        if voucher.chars().count() > NUMBER_LIMIT {
            return Err(LedgerProblem::TooLong);
        }
        Ok(Payment {
            kind,
            amount: amount(&self.amount)?,
            paid_on: past_date(&self.paid_on, today)?,
            voucher,
        })
    }
}

impl AssetDraft {
    pub fn validate(&self, today: CalendarDate) -> Result<AssetRegistration, LedgerProblem> {
        let asset_number = self.asset_number.trim().to_owned();
        if asset_number.is_empty() {
            return Err(LedgerProblem::AssetNumberMissing);
        }
        if asset_number.chars().count() > NUMBER_LIMIT {
            return Err(LedgerProblem::TooLong);
        }
        Ok(AssetRegistration {
            asset_number,
            value: amount(&self.value)?,
            registered_on: past_date(&self.registered_on, today)?,
        })
    }
}

/// Whether the stage is behind the project: it has moved past it, or
/// finished the whole process.
fn has_passed(state: &ProjectState, stage: StageId) -> bool {
    state.stage > stage || state.status == ProjectStatus::Finished
}

/// Whether `who` may record `payment`, given what has been paid so far.
pub fn may_record_payment(
    state: &ProjectState,
    who: &ActorContext,
    payment: &Payment,
    paid_so_far: Amount,
) -> Result<(), LedgerProblem> {
    if !Actor::College(Role::Finance).admits(who, None) {
        return Err(LedgerProblem::NotYours);
    }
    if state.status == ProjectStatus::Rejected {
        return Err(LedgerProblem::ProjectRejected);
    }
    if !has_passed(state, payment.kind.due_after()) {
        return Err(LedgerProblem::NotDueYet);
    }
    let contract = state.contract_amount.ok_or(LedgerProblem::NotDueYet)?;
    let total = paid_so_far.fen().saturating_add(payment.amount.fen());
    if total > contract.fen() {
        return Err(LedgerProblem::ExceedsContract);
    }
    Ok(())
}

/// Whether `who` may register the system as an asset: procurement, once,
/// after acceptance.
pub fn may_register_asset(
    state: &ProjectState,
    who: &ActorContext,
    already_registered: bool,
) -> Result<(), LedgerProblem> {
    if !Actor::College(Role::Procurement).admits(who, None) {
        return Err(LedgerProblem::NotYours);
    }
    if state.status == ProjectStatus::Rejected {
        return Err(LedgerProblem::ProjectRejected);
    }
    if !has_passed(state, StageId::Acceptance) {
        return Err(LedgerProblem::NotDueYet);
    }
    if already_registered {
        return Err(LedgerProblem::AlreadyRegistered);
    }
    Ok(())
}

/// Something finance or procurement still has to record on a project:
/// the inbox's question for them, since no stage waits on either.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LedgerTask {
    /// A payment has fallen due and is not recorded yet.
    Payment(PaymentKind),
    /// The system passed acceptance and is not registered as an asset.
    AssetRegistration,
}

/// What has been recorded on a project's ledger so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LedgerSoFar {
    pub paid: Vec<PaymentKind>,
    pub paid_total: Amount,
    pub asset_registered: bool,
}

/// The payments and the registration `who` could record now and that are
/// still missing. A payment of a kind already recorded is not asked for
/// again (an instalment may still be added by hand), nor is anything once
/// the contract is paid in full.
pub fn ledger_tasks(
    state: &ProjectState,
    who: &ActorContext,
    so_far: &LedgerSoFar,
) -> Vec<LedgerTask> {
    if state.status == ProjectStatus::Rejected {
        return Vec::new();
    }
    let mut tasks = Vec::new();
    let contract_open = state
        .contract_amount
        .is_some_and(|contract| so_far.paid_total < contract);
    if Actor::College(Role::Finance).admits(who, None) && contract_open {
        tasks.extend(
            PaymentKind::ALL
                .into_iter()
                .filter(|kind| has_passed(state, kind.due_after()) && !so_far.paid.contains(kind))
                .map(LedgerTask::Payment),
        );
    }
    let registrar = Actor::College(Role::Procurement).admits(who, None);
    if registrar && has_passed(state, StageId::Acceptance) && !so_far.asset_registered {
        tasks.push(LedgerTask::AssetRegistration);
    }
    tasks
}
