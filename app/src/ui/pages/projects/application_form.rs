//! The project application form (项目申报表), checked as it is typed by the
//! same rules the server applies; the approver is named as the budget is
//! typed, and the project's kind follows from two questions.

use super::today::today;
use crate::api::{AppError, Problem, projects::StartProject};
use crate::domain::{
    ApplicationDraft, ApplicationProblem, CategoryClass, ProjectClass, Role, categories_of,
};
use crate::ui::draft::{DraftKey, DraftStatus, keep_draft};
use crate::ui::{
    components::{ErrorBox, LongText, TextField},
    labels::tier_name,
    messages::application_text,
    session::require_user,
    use_locale,
};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ProjectNewPage() -> impl IntoView {
    require_user(None, |user| {
        if let Some(department) = user
            .department
            .clone()
            .filter(|_| user.has(Role::DeptClerk))
        {
            view! { <ApplicationForm department=department.name user_id=user.id.clone() /> }
                .into_any()
        } else {
            view! { <ErrorBox error=AppError::Forbidden /> }.into_any()
        }
    })
}

/// The text fields of the form, each bound to its own signal.
#[derive(Clone, Copy)]
struct Fields {
    name: RwSignal<String>,
    category: RwSignal<String>,
    network: RwSignal<bool>,
    beyond_unit: RwSignal<bool>,
    budget: RwSignal<String>,
    basis_higher: RwSignal<bool>,
    basis_plan: RwSignal<bool>,
    basis_need: RwSignal<bool>,
    basis_explanation: RwSignal<String>,
    objectives: RwSignal<String>,
    scope: RwSignal<String>,
    go_live: RwSignal<String>,
    contact_name: RwSignal<String>,
    contact_phone: RwSignal<String>,
}

impl Fields {
    fn new() -> Self {
        Fields {
            name: RwSignal::new(String::new()),
            category: RwSignal::new(String::new()),
            network: RwSignal::new(false),
            beyond_unit: RwSignal::new(false),
            budget: RwSignal::new(String::new()),
            basis_higher: RwSignal::new(false),
            basis_plan: RwSignal::new(false),
            basis_need: RwSignal::new(false),
            basis_explanation: RwSignal::new(String::new()),
            objectives: RwSignal::new(String::new()),
            scope: RwSignal::new(String::new()),
            go_live: RwSignal::new(String::new()),
            contact_name: RwSignal::new(String::new()),
            contact_phone: RwSignal::new(String::new()),
        }
    }

    /// Puts a kept draft back into the fields.
    fn restore(self, draft: ApplicationDraft) {
        self.name.set(draft.name);
        self.category.set(draft.category);
        self.network.set(draft.connects_to_network);
        self.beyond_unit.set(draft.serves_beyond_unit);
        self.budget.set(draft.budget);
        self.basis_higher.set(draft.basis_higher_requirements);
        self.basis_plan.set(draft.basis_development_plan);
        self.basis_need.set(draft.basis_business_need);
        self.basis_explanation.set(draft.basis_explanation);
        self.objectives.set(draft.objectives);
        self.scope.set(draft.scope_and_users);
        self.go_live.set(draft.expected_go_live);
        self.contact_name.set(draft.contact_name);
        self.contact_phone.set(draft.contact_phone);
    }

    fn draft(self) -> ApplicationDraft {
        ApplicationDraft {
            name: self.name.get(),
            category: self.category.get(),
            connects_to_network: self.network.get(),
            serves_beyond_unit: self.beyond_unit.get(),
            budget: self.budget.get(),
            basis_higher_requirements: self.basis_higher.get(),
            basis_development_plan: self.basis_plan.get(),
            basis_business_need: self.basis_need.get(),
            basis_explanation: self.basis_explanation.get(),
            objectives: self.objectives.get(),
            scope_and_users: self.scope.get(),
            expected_go_live: self.go_live.get(),
            contact_name: self.contact_name.get(),
            contact_phone: self.contact_phone.get(),
        }
    }
}

/// The form; `department` applies, being the clerk's own (the server takes
/// it from the session, never from the form). What is typed is kept as a
/// draft in the browser until the form is sent.
#[component]
fn ApplicationForm(department: String, user_id: String) -> impl IntoView {
    let locale = use_locale();
    let fields = Fields::new();
    let draft_key = DraftKey::new(&user_id, "application");
    let saved_at = RwSignal::new(None);
    keep_draft(
        draft_key.clone(),
        move || fields.draft(),
        move |draft| fields.restore(draft),
        saved_at,
    );
    let attempted = RwSignal::new(false);
    let action = ServerAction::<StartProject>::new();

    let problems = Memo::new(move |_| match today() {
        Some(today) => fields.draft().problems(today),
        None => Vec::new(),
    });
    // A field's message shows once it has been typed into, or after a
    // first attempt to submit; the server's answer shows in any case.
    let error_for = move |field: &'static str, typed: Signal<bool>| {
        Signal::derive(move || {
            let server = match action.value().get() {
                Some(Err(AppError::Invalid(Problem::Application(p)))) if p.field() == field => {
                    Some(p)
                }
                _ => None,
            };
            let local = problems.get().into_iter().find(|p| p.field() == field);
            let shown = local.filter(|_| attempted.get() || typed.get()).or(server);
            shown.map(|p: ApplicationProblem| application_text(locale.get(), p))
        })
    };
    let typed = |signal: RwSignal<String>| Signal::derive(move || !signal.get().is_empty());
    let never = Signal::derive(|| false);

    let approver = move || {
        let tier = fields.draft().approval_tier()?;
        Some(
            locale
                .get()
                .form_approver_hint(tier_name(locale.get(), tier)),
        )
    };
    let class_text = move || {
        let class = ApplicationDraft {
            connects_to_network: fields.network.get(),
            serves_beyond_unit: fields.beyond_unit.get(),
            ..Default::default()
        }
        .class();
        let name = match class {
            ProjectClass::PublicService => locale.get().projects_class_public(),
            ProjectClass::NonPublic => locale.get().projects_class_non_public(),
        };
        locale.get().form_class_result(name)
    };

    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = action.value().get() {
            draft_key.clear();
            navigate(&format!("/projects/{id}"), Default::default());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        if problems.get_untracked().is_empty() {
            action.dispatch(StartProject {
                draft: fields.draft(),
            });
        }
    };
    let other_error = move || match action.value().get() {
        Some(Err(AppError::Invalid(_))) | Some(Ok(_)) | None => None,
        Some(Err(error)) => Some(view! { <ErrorBox error /> }),
    };
    let label = |text: fn(crate::i18n::Locale) -> &'static str| {
        Signal::derive(move || text(locale.get()).to_owned())
    };

    view! {
        <h1>{move || locale.get().form_title()}</h1>
        {other_error}
        <form class="card" method="post" on:submit=submit novalidate>
            <div class="field">
                <label for="field-department">{move || locale.get().projects_department()}</label>
                <input id="field-department" type="text" readonly prop:value=department />
            </div>
            <TextField
                label=label(|t| t.form_name())
                name="name"
                value=fields.name
                error=error_for("name", typed(fields.name))
                required=true
            />
            <div class="field">
                <label for="field-category">{move || locale.get().form_category()}</label>
                <select
                    id="field-category"
                    prop:value=move || fields.category.get()
                    on:change=move |ev| fields.category.set(event_target_value(&ev))
                >
                    <option value="">{move || locale.get().form_choose()}</option>
                    {CategoryClass::ALL
                        .into_iter()
                        .map(|class| {
                            view! {
                                <optgroup label=move || {
                                    class.name(locale.get().lang())
                                }>
                                    {categories_of(class)
                                        .map(|c| {
                                            let code = c.code();
                                            view! {
                                                <option value=code
                                                    .to_string()>
                                                    {move || format!("{code} {}", c.name(locale.get().lang()))}
                                                </option>
                                            }
                                        })
                                        .collect_view()}
                                </optgroup>
                            }
                        })
                        .collect_view()}
                </select>
                <p class="field-message field-message-error">
                    {error_for("category", typed(fields.category))}
                </p>
            </div>
            <fieldset class="field">
                <legend>{move || locale.get().projects_class()}</legend>
                <Check label=label(|t| t.form_network()) value=fields.network />
                <Check label=label(|t| t.form_beyond_unit()) value=fields.beyond_unit />
                <p class="field-message" aria-live="polite">
                    <strong>{class_text}</strong>
                </p>
                <p class="field-message">{move || locale.get().form_class_definition()}</p>
            </fieldset>
            <TextField
                label=label(|t| t.form_budget())
                name="budget"
                value=fields.budget
                error=error_for("budget", typed(fields.budget))
                hint=Signal::derive(move || {
                    approver().unwrap_or_else(|| locale.get().form_budget_hint().to_owned())
                })
                required=true
            />
            <fieldset class="field">
                <legend>{move || locale.get().form_basis()}</legend>
                <Check label=label(|t| t.form_basis_higher()) value=fields.basis_higher />
                <Check label=label(|t| t.form_basis_plan()) value=fields.basis_plan />
                <Check label=label(|t| t.form_basis_need()) value=fields.basis_need />
                <p class="field-message field-message-error">{error_for("basis", never)}</p>
            </fieldset>
            <LongText
                label=label(|t| t.form_basis_explanation())
                name="basis_explanation"
                value=fields.basis_explanation
                error=error_for("basis_explanation", typed(fields.basis_explanation))
            />
            <LongText
                label=label(|t| t.form_objectives())
                name="objectives"
                value=fields.objectives
                error=error_for("objectives", typed(fields.objectives))
            />
            <LongText
                label=label(|t| t.form_scope())
                name="scope_and_users"
                value=fields.scope
                error=error_for("scope_and_users", typed(fields.scope))
            />
            <TextField
                label=label(|t| t.form_go_live())
                name="expected_go_live"
                value=fields.go_live
                error=error_for("expected_go_live", typed(fields.go_live))
                hint=label(|t| t.form_go_live_hint())
                required=true
            />
            <TextField
                label=label(|t| t.form_contact_name())
                name="contact_name"
                value=fields.contact_name
                error=error_for("contact_name", typed(fields.contact_name))
                required=true
            />
            <TextField
                label=label(|t| t.form_contact_phone())
                name="contact_phone"
                value=fields.contact_phone
                kind="tel"
                error=error_for("contact_phone", typed(fields.contact_phone))
                required=true
            />
            <div class="form-actions">
                <button
                    type="submit"
                    class="button-primary"
                    disabled=move || action.pending().get()
                >
                    {move || locale.get().form_submit()}
                </button>
                <a href="/projects">{move || locale.get().common_cancel()}</a>
                <DraftStatus saved_at />
            </div>
        </form>
    }
}

#[component]
fn Check(label: Signal<String>, value: RwSignal<bool>) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev))
            />
            {label}
        </label>
    }
}
