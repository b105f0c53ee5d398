use crate::api::{AppError, DepartmentForm};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Creates a department, or updates it when the form carries an id.
#[server(endpoint = "admin/departments/save", input = Json)]
pub async fn save_department(department: DepartmentForm) -> Result<String, AppError> {
    use crate::backend::{
        audit::By,
        authz::{Action, authorize},
        departments, request,
    };

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::EditDepartments)?;
    let valid = department.validate()?;
    let id = Some(department.id.trim()).filter(|id| !id.is_empty());
    departments::save(&state.db, By::actor(&actor), id, &valid).await
}
