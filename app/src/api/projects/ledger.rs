use crate::api::AppError;
use crate::domain::process::{AssetDraft, PaymentDraft};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Finance records a payment against the project's contract.
#[server(endpoint = "projects/payment", input = Json)]
pub async fn record_payment(id: String, draft: PaymentDraft) -> Result<(), AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        projects, request,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::WorkOnProjects)?;
    projects::record_payment(&state.db, &actor, &id, &draft).await
}

/// Procurement registers the accepted system as a fixed asset (报增).
#[server(endpoint = "projects/asset", input = Json)]
pub async fn register_asset(id: String, draft: AssetDraft) -> Result<(), AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        projects, request,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::WorkOnProjects)?;
    projects::register_asset(&state.db, &actor, &id, &draft).await
}
