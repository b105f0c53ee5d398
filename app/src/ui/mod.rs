//! Pages and components. Everything a user reads comes from `Locale`.

pub(crate) mod change_words;
mod components;
pub(crate) mod draft;
mod header;
pub(crate) mod labels;
pub(crate) mod live;
mod locale;
mod messages;
mod nav;
mod pages;
mod session;

use header::Header;
use leptos::prelude::*;
use leptos_meta::{Html, MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};
pub use locale::use_locale;
use pages::{
    AccountPage, BoardPage, ChangeNewPage, ChangePage, ChangePrintPage, ChangesPage,
    DepartmentEditPage, DepartmentsPage, HomePage, InboxPage, NotFoundPage, ProjectNewPage,
    ProjectPage, ProjectPrintPage, ProjectsPage, ReferencePage, SignInPage, SystemPage,
    SystemsPage, UserEditPage, UserNewPage, UsersPage,
};

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale = locale::provide_locale();
    session::provide_session();
    live::provide_live();

    view! {
        <Html attr:lang=move || locale.get().tag() />
        <Stylesheet id="isflow" href="/pkg/isflow.css" />
        <Title text=move || locale.get().app_name() />
        <Router>
            <a class="skip-link" href="#main">
                {move || locale.get().nav_skip_to_content()}
            </a>
            <Header />
            <main id="main" class="page">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/inbox") view=InboxPage ssr=SsrMode::Async />
                    <Route path=path!("/board") view=BoardPage ssr=SsrMode::Async />
                    <Route path=path!("/projects") view=ProjectsPage ssr=SsrMode::Async />
                    <Route path=path!("/projects/new") view=ProjectNewPage ssr=SsrMode::Async />
                    <Route path=path!("/projects/:id") view=ProjectPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/projects/:id/print")
                        view=ProjectPrintPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/systems") view=SystemsPage ssr=SsrMode::Async />
                    <Route path=path!("/systems/:id") view=SystemPage ssr=SsrMode::Async />
                    <Route path=path!("/changes") view=ChangesPage ssr=SsrMode::Async />
                    <Route path=path!("/changes/new") view=ChangeNewPage ssr=SsrMode::Async />
                    <Route path=path!("/changes/:id") view=ChangePage ssr=SsrMode::Async />
                    <Route
                        path=path!("/changes/:id/print")
                        view=ChangePrintPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/reference") view=ReferencePage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/users") view=UsersPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/users/new") view=UserNewPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/users/:id") view=UserEditPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/admin/departments")
                        view=DepartmentsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/admin/departments/:id")
                        view=DepartmentEditPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </main>
        </Router>
    }
}
