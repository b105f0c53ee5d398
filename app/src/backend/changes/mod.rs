//! Change requests to systems in the register (DESIGN §4), and the
//! register itself.

mod decide;
mod lists;
mod record;
mod submit;
mod systems;

pub use decide::decide;
pub use lists::{board, inbox, list};
pub use record::load;
pub use submit::{resubmit, submit};
pub use systems::{register, system_detail};

use super::{auth::session::Actor, db::Db, errors::internal};
use crate::api::{AppError, ChangeDetail, Conflict};

/// Everything the change page and the printed form show.
pub async fn detail(db: &Db, actor: &Actor, id: &str) -> Result<ChangeDetail, AppError> {
    let (row, project) = load(db, actor, id).await?;
    let external = super::projects::ProjectRecord::shown_as_external(actor.roles());
    Ok(ChangeDetail {
        summary: row.summary()?,
        form: row.form()?,
        created_by: row.created_by_name.clone(),
        project_id: project.key(),
        me: project.context_for(&actor.user),
        on_behalf: super::projects::principals_for(db, actor, &project).await?,
        signoffs: row.signoffs(external),
        documents: super::documents::list_for_change(db, &row.id).await?,
    })
}

/// A write that lost the compare-and-set to another decision is a stale
/// page for the user; anything else is the server's fault.
fn stale_or_internal(doing: &'static str) -> impl FnOnce(surrealdb::Error) -> AppError {
    move |error| {
        if error.is_thrown() && error.message().contains("change_stale") {
            tracing::info!("lost a race while {doing}");
            AppError::Conflict(Conflict::Stale)
        } else {
            internal(doing)(error)
        }
    }
}
