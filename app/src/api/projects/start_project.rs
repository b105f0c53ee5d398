use crate::api::AppError;
use crate::domain::ApplicationDraft;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Starts a project from its application form (项目申报表) in the
/// applicant's department; returns the new project's id.
#[server(endpoint = "projects/start", input = Json)]
pub async fn start_project(draft: ApplicationDraft) -> Result<String, AppError> {
    use crate::api::Problem;
    use crate::backend::{
        authz::{Action, authorize},
        projects, request,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::StartProject)?;
    let application = draft
        .validate(projects::today()?)
        .map_err(|problems| problems.first().copied().map(Problem::Application))
        .map_err(|problem| problem.map_or(AppError::BadRequest, AppError::Invalid))?;
    projects::start(&state.db, &actor, &application).await
}
