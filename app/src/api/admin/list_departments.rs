use crate::api::{AppError, Department};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "admin/departments/list", input = Json)]
pub async fn list_departments() -> Result<Vec<Department>, AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        departments, request,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::ListDepartments)?;
    departments::list(&state.db).await
}
