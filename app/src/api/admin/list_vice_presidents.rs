use crate::api::{AppError, UserRef};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The people who can supervise a department.
#[server(endpoint = "admin/vice_presidents", input = Json)]
pub async fn list_vice_presidents() -> Result<Vec<UserRef>, AppError> {
    use crate::backend::{
        authz::{Action, authorize},
        request, users,
    };
    use crate::domain::Role;

    let (state, actor) = request::authenticate().await?;
    authorize(&actor, Action::EditDepartments)?;
    users::with_role(&state.db, Role::VicePresident).await
}
