use crate::api::AppError;
use crate::domain::process::{EntryDraft, OutputKind};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Files an output of the project's current stage.
#[server(endpoint = "projects/file", input = Json)]
pub async fn file_output(id: String, kind: OutputKind, draft: EntryDraft) -> Result<(), AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        projects, request,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::WorkOnProjects)?;
    projects::file(&state.db, &actor, &id, kind, &draft).await
}
