use crate::api::{AppError, Department};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "admin/departments/get", input = Json)]
pub async fn get_department(id: String) -> Result<Department, AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        departments, request,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::EditDepartments)?;
    departments::get(&state.db, &id).await
}
