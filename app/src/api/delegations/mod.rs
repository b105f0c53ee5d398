//! Delegating one's decisions to another user for a range of days.

use crate::api::{AppError, DelegationView};
use crate::domain::DelegationDraft;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Delegations the user gave or received that are still running.
#[server(endpoint = "delegations/list", input = Json)]
pub async fn list_delegations() -> Result<Vec<DelegationView>, AppError> {
    use crate::backend::{delegations, request};

    let (state, actor) = request::authenticate().await?;
    delegations::list(&state.db, &actor).await
}

#[server(endpoint = "delegations/create", input = Json)]
pub async fn create_delegation(draft: DelegationDraft) -> Result<(), AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        delegations, request,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::Delegate)?;
    delegations::create(&state.db, &actor, &draft).await
}

/// Ends a delegation the user gave.
#[server(endpoint = "delegations/revoke", input = Json)]
pub async fn revoke_delegation(id: String) -> Result<(), AppError> {
    use crate::backend::{delegations, request};

    let (state, actor) = request::authenticate().await?;
    delegations::revoke(&state.db, &actor, &id).await
}
