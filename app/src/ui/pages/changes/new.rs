//! Requesting a change to a system: the form opens from the system's page
//! with the system and the department filled in.

use super::form::{ChangeRequestForm, FormPurpose};
use crate::api::{AppError, changes::load_system};
use crate::domain::change::ChangeDraft;
use crate::ui::draft::DraftKey;
use crate::ui::{
    components::{ErrorBox, Loading},
    session::require_user,
    use_locale,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ChangeNewPage() -> impl IntoView {
    require_user(None, |user| {
        view! { <NewChange user_id=user.id.clone() /> }.into_any()
    })
}

#[component]
fn NewChange(user_id: String) -> impl IntoView {
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
            {move || {
                let user_id = user_id.clone();
                Suspend::new(async move {
                    match system.await {
                        Ok(None) => {
                            view! {
                                <p class="notice">{move || locale.get().change_no_system()}</p>
                            }
                                .into_any()
                        }
                        Ok(Some(detail)) if !detail.may_request_change => {
                            view! { <ErrorBox error=AppError::Forbidden /> }.into_any()
                        }
                        Ok(Some(detail)) => {
                            let key = DraftKey::new(
                                &user_id,
                                &format!("change.{}", detail.system.id),
                            );
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
                                    draft_key=key
                                />
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorBox error /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}
