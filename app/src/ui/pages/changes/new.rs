//! Requesting a change to a system: the form opens from the system's page
//! with the system and the department filled in.

use super::form::{ChangeRequestForm, FormPurpose};
use crate::api::{AppError, changes::load_system};
use crate::domain::change::ChangeDraft;
use crate::ui::{
    components::{ErrorBox, Loading},
    session::require_user,
    use_locale,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ChangeNewPage() -> impl IntoView {
    require_user(None, |_| view! { <NewChange /> }.into_any())
}

#[component]
fn NewChange() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let system = Resource::new(
        move || query.read().get("system").unwrap_or_default(),
        |id| async move {
            if id.is_empty() {
                Ok(None)
            } else {
                load_system(id).await.map(Some)
            }
        },
    );
    view! {
        <h1>{move || locale.get().change_form_title()}</h1>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match system.await {
                    Ok(None) => {
                        view! { <p class="notice">{move || locale.get().change_no_system()}</p> }
                            .into_any()
                    }
                    Ok(Some(detail)) if !detail.may_request_change => {
                        view! { <ErrorBox error=AppError::Forbidden /> }.into_any()
                    }
                    Ok(Some(detail)) => {
                        let draft = ChangeDraft {
                            system: detail.system.id.clone(),
                            ..ChangeDraft::default()
                        };
                        view! {
                            <ChangeRequestForm
                                system_id=detail.system.id.clone()
                                system_name=detail.system.name.clone()
                                department=detail.system.department.name.clone()
                                draft
                                purpose=FormPurpose::New
                            />
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorBox error /> }.into_any(),
                }
            })}
        </Transition>
    }
}
