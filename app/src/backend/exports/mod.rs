//! Files people take away: the change request as Word, and the ledgers
//! (台账) of projects, systems and changes as Excel, each with the
//! filters the page had in force and as far as the viewer may see.

mod docx;
mod sheet;

use super::{auth::session::Actor, changes, db::Db, errors::internal, projects};
use crate::api::{AppError, BoardFilter, ChangeFilter, SystemFilter};
use crate::domain::{CalendarDate, LocalMinute};
use crate::i18n::Locale;
use crate::ui::change_words::state_text;
use crate::ui::labels::{class_name, stage_text, tier_name};
use sheet::{Cell, Column};

/// A file ready to send: its name and bytes.
pub struct Export {
    pub file_name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[tracing::instrument(skip_all, fields(user = %actor.id(), change = %id))]
pub async fn change_docx(db: &Db, actor: &Actor, id: &str, t: Locale) -> Result<Export, AppError> {
    let detail = changes::detail(db, actor, id).await?;
    let bytes = docx::change_request(t, &detail).map_err(internal("writing a change request"))?;
    Ok(Export {
        file_name: format!("{}.docx", detail.summary.number),
        content_type: DOCX,
        bytes,
    })
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

#[tracing::instrument(skip_all, fields(user = %actor.id()))]
pub async fn projects_xlsx(
    db: &Db,
    actor: &Actor,
    filter: &BoardFilter,
    t: Locale,
) -> Result<Export, AppError> {
    let list = projects::ledger(db, actor, filter).await?;
    let external = projects::ProjectRecord::shown_as_external(actor.roles());
    let columns = [
        Column {
            header: t.projects_name(),
            width: 36.0,
        },
        Column {
            header: t.projects_department(),
            width: 18.0,
        },
        Column {
            header: t.projects_category(),
            width: 24.0,
        },
        Column {
            header: t.projects_class(),
            width: 28.0,
        },
        Column {
            header: t.projects_budget(),
            width: 16.0,
        },
        Column {
            header: t.projects_approver(),
            width: 20.0,
        },
        Column {
            header: t.projects_stage(),
            width: 18.0,
        },
        Column {
            header: t.projects_started(),
            width: 14.0,
        },
    ];
    let rows: Vec<Vec<Cell>> = list
        .iter()
        .map(|p| {
            let category = p
                .category
                .category()
                .map(|c| format!("{} {}", p.category, c.name(t.lang())))
                .unwrap_or_default();
            vec![
                text(p.name.clone()),
                text(p.department.name.clone()),
                text(category),
                text(class_name(t, p.class)),
                // Contractors and experts see no budget matters (DESIGN §6).
                if external {
                    Cell::Empty
                } else {
                    Cell::Yuan(p.budget)
                },
                text(tier_name(t, p.tier)),
                text(stage_text(t, p.stage, p.status)),
                date_cell(&p.created_at.to_local_date()),
            ]
        })
        .collect();
    write(t.nav_projects(), "projects", &columns, &rows)
}

#[tracing::instrument(skip_all, fields(user = %actor.id()))]
pub async fn systems_xlsx(
    db: &Db,
    actor: &Actor,
    filter: &SystemFilter,
    t: Locale,
) -> Result<Export, AppError> {
    let list = changes::register(db, actor, filter).await?;
    let columns = [
        Column {
            header: t.systems_name(),
            width: 32.0,
        },
        Column {
            header: t.systems_category(),
            width: 24.0,
        },
        Column {
            header: t.systems_class(),
            width: 28.0,
        },
        Column {
            header: t.systems_department(),
            width: 18.0,
        },
        Column {
            header: t.systems_contractor(),
            width: 24.0,
        },
        Column {
            header: t.systems_go_live(),
            width: 14.0,
        },
        Column {
            header: t.systems_open_changes(),
            width: 10.0,
        },
    ];
    let rows: Vec<Vec<Cell>> = list
        .iter()
        .map(|s| {
            let category = s
                .category
                .category()
                .map(|c| format!("{} {}", s.category, c.name(t.lang())))
                .unwrap_or_default();
            vec![
                text(s.name.clone()),
                text(category),
                text(class_name(t, s.class)),
                text(s.department.name.clone()),
                text(s.contractor_org.clone().unwrap_or_default()),
                date_cell(&s.go_live),
                Cell::Count(s.open_changes),
            ]
        })
        .collect();
    write(t.systems_title(), "systems", &columns, &rows)
}

#[tracing::instrument(skip_all, fields(user = %actor.id()))]
pub async fn changes_xlsx(
    db: &Db,
    actor: &Actor,
    filter: &ChangeFilter,
    t: Locale,
) -> Result<Export, AppError> {
    let list = changes::list(db, actor, filter).await?;
    let columns = [
        Column {
            header: t.change_number(),
            width: 16.0,
        },
        Column {
            header: t.change_system(),
            width: 32.0,
        },
        Column {
            header: t.change_department(),
            width: 18.0,
        },
        Column {
            header: t.change_applied_at(),
            width: 18.0,
        },
        Column {
            header: t.change_execute_at(),
            width: 18.0,
        },
        Column {
            header: t.change_step(),
            width: 18.0,
        },
    ];
    let rows: Vec<Vec<Cell>> = list
        .iter()
        .map(|c| {
            vec![
                text(c.number.to_string()),
                text(c.system_name.clone()),
                text(c.department.name.clone()),
                Cell::Minute(LocalMinute::from(c.applied_at)),
                LocalMinute::parse(&c.execute_at).map_or(Cell::Empty, Cell::Minute),
                text(state_text(t, c.state.step, c.state.status)),
            ]
        })
        .collect();
    write(t.change_list_title(), "changes", &columns, &rows)
}

fn date_cell(text: &str) -> Cell {
    CalendarDate::parse(text).map_or(Cell::Empty, Cell::Date)
}

fn write(
    title: &str,
    file: &str,
    columns: &[Column],
    rows: &[Vec<Cell>],
) -> Result<Export, AppError> {
    let bytes = sheet::ledger(title, columns, rows).map_err(internal("writing a ledger"))?;
    let today = projects::now().to_local_date();
    Ok(Export {
        file_name: format!("{file}-{today}.xlsx"),
        content_type: XLSX,
        bytes,
    })
}
