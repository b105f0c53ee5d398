use crate::api::AppError;
use crate::domain::process::EntryDraft;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Corrects an output of a completed stage: a new revision with a reason,
/// kept beside the entry it corrects.
#[server(endpoint = "projects/correct", input = Json)]
pub async fn correct_output(
    id: String,
    entry: String,
    draft: EntryDraft,
    reason: String,
) -> Result<(), AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        projects, request,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::WorkOnProjects)?;
    projects::correct(&state.db, &actor, &id, &entry, &draft, &reason).await
}
