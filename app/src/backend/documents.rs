//! Documents uploaded to projects: checked by their content against an
//! allow-list, stored once per content under its SHA-256, every upload kept
//! as its own version, and handed out only to users who may see the
//! project.

use super::projects::ProjectRecord;
use super::{
    audit::{self, By, Event},
    auth::session::Actor,
    db::Db,
    errors::internal,
    ids::{is_valid_key, key_of, new_key},
    projects::{load_visible, principals_for},
};
use crate::api::{AppError, DocumentView, EntryView, Problem};
use crate::domain::Timestamp;
use crate::domain::process;
use sha2::{Digest, Sha256};
use surrealdb::types::{Bytes, Datetime, RecordId, SurrealValue, Value};

/// Longest file name kept; longer names are cut.
const NAME_LIMIT: usize = 120;

/// The kinds of file a project's documents may be, recognised from their
/// first bytes; the name a browser sends proves nothing.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(ZIP) {
        Some(office_kind(bytes))
    } else if bytes.starts_with(OLE) {
        // Word, Excel and PowerPoint files before 2007.
        Some("application/x-ole-storage")
    } else if !bytes.is_empty() && !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok() {
        Some("text/plain; charset=utf-8")
    } else {
        None
    }
}

/// Office Open XML files are zip archives whose first entries name the
/// application; anything else zipped is kept as a zip.
fn office_kind(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(4096)];
    let holds = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if holds(b"word/") {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    } else if holds(b"xl/") {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    } else if holds(b"ppt/") {
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    } else {
        "application/zip"
    }
}

/// A file name safe to store and to send back in a header: no path, no
/// control characters, no quotes, not too long.
pub fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '\\' | ';'))
        .take(NAME_LIMIT)
        .collect();
    let cleaned = cleaned.trim().to_owned();
    if cleaned.is_empty() {
        "document".to_owned()
    } else {
        cleaned
    }
}

/// Stores an upload to a project the actor may see and work on.
#[tracing::instrument(skip_all, fields(user = %actor.id(), project = %project_id, size = bytes.len()))]
pub async fn store(
    db: &Db,
    actor: &Actor,
    project_id: &str,
    name: &str,
    bytes: Vec<u8>,
) -> Result<DocumentView, AppError> {
    let record = load_visible(db, actor, project_id).await?;
    let state = record.state()?;
    let mut contexts = vec![record.context_for(&actor.user)];
    let principals = principals_for(db, actor, &record).await?;
    contexts.extend(principals.into_iter().map(|p| p.context));
    if !contexts.iter().any(|who| process::may_upload(&state, who)) {
        tracing::warn!("upload by someone not working on the project refused");
        return Err(AppError::Forbidden);
    }
    write(db, actor, &record.key(), None, name, bytes).await
}

/// Stores an upload to a change request (its test report, training record
/// or other archive). Only whoever acts at the request's current step may
/// add to it: the papers belong to that step's work.
pub async fn store_for_change(
    db: &Db,
    actor: &Actor,
    change_id: &str,
    name: &str,
    bytes: Vec<u8>,
) -> Result<DocumentView, AppError> {
    let (change, project) = super::changes::load(db, actor, change_id).await?;
    let state = change.state()?;
    let acting = crate::domain::change::may_act(state.step, &change.context_for(&actor.user));
    if !state.status.is_open() || !acting {
        tracing::warn!(
            change = change_id,
            "upload by someone not acting on the request refused"
        );
        return Err(AppError::Forbidden);
    }
    write(db, actor, &project.key(), Some(change.key()), name, bytes).await
}

async fn write(
    db: &Db,
    actor: &Actor,
    project_key: &str,
    change_key: Option<String>,
    name: &str,
    bytes: Vec<u8>,
) -> Result<DocumentView, AppError> {
    let content_type = sniff(&bytes).ok_or(Problem::DocumentType)?;
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let name = clean_name(name);
    let size = i64::try_from(bytes.len()).map_err(|_| AppError::BadRequest)?;
    let key = new_key();
    let target = match &change_key {
        Some(change) => format!("change_request:{change}"),
        None => format!("project:{project_key}"),
    };
    let event =
        Event::new(By::actor(actor), "document.upload", target).details(&serde_json::json!({
            "document": key, "name": name, "sha256": sha256, "size": size
        }));
    // The same content always has the same key, so writing it again
    // changes nothing.
    let change = "UPSERT type::record('blob', $sha256) SET data = $data, size = $size;
         CREATE type::record('document', $key) SET project = type::record('project', $project),
             change_request = IF $change THEN type::record('change_request', $change) END,
             name = $name, content_type = $content_type, size = $size, sha256 = $sha256,
             uploaded_by = type::record('user', $me), uploaded_by_name = $me_name,
             uploaded_at = time::now();";
    let vars: [(&'static str, Value); 10] = [
        ("key", key.clone().into_value()),
        ("project", project_key.to_owned().into_value()),
        ("change", change_key.into_value()),
        ("name", name.clone().into_value()),
        ("content_type", content_type.to_owned().into_value()),
        ("size", size.into_value()),
        ("sha256", sha256.clone().into_value()),
        ("data", Value::Bytes(Bytes::from(bytes))),
        ("me", actor.id().to_owned().into_value()),
        ("me_name", actor.user.display_name.clone().into_value()),
    ];
    audit::commit(db, &event, change, &vars)
        .await
        .map_err(internal("storing a document"))?;
    tracing::info!(document = %key, %sha256, "document stored");
    Ok(DocumentView {
        id: key,
        name,
        content_type: content_type.to_owned(),
        size: size as u64,
        sha256,
        uploaded_by: actor.user.display_name.clone(),
        uploaded_at: super::projects::now(),
    })
}

#[derive(SurrealValue)]
struct DocumentRow {
    id: RecordId,
    project: RecordId,
    uploaded_by: RecordId,
    name: String,
    content_type: String,
    size: i64,
    sha256: String,
    uploaded_by_name: String,
    uploaded_at: Datetime,
}

impl DocumentRow {
    fn view(self) -> DocumentView {
        DocumentView {
            id: key_of(&self.id),
            name: self.name,
            content_type: self.content_type,
            size: u64::try_from(self.size).unwrap_or_default(),
            sha256: self.sha256,
            uploaded_by: self.uploaded_by_name,
            uploaded_at: Timestamp(self.uploaded_at.timestamp_millis()),
        }
    }
}

/// A document and its bytes, if the actor may see its project.
pub async fn fetch(db: &Db, actor: &Actor, id: &str) -> Result<(DocumentView, Vec<u8>), AppError> {
    if !is_valid_key(id) {
        return Err(AppError::NotFound);
    }
    let row: Option<DocumentRow> = db
        .query(
            "SELECT id, project, uploaded_by, name, content_type, size, sha256, uploaded_by_name, uploaded_at
             FROM ONLY type::record('document', $id)",
        )
        .bind(("id", id.to_owned()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("loading a document"))?;
    let row = row.ok_or(AppError::NotFound)?;
    // Answers NotFound for a project the actor may not see.
    let record = load_visible(db, actor, &key_of(&row.project)).await?;
    if ProjectRecord::shown_as_external(actor.roles()) {
        let entries = super::projects::entries_seen_by(db, &record, actor).await?;
        if !shown_to_external(actor, &entries, &row) {
            return Err(AppError::NotFound);
        }
    }
    let data: Option<Bytes> = db
        .query("SELECT VALUE data FROM ONLY type::record('blob', $sha256)")
        .bind(("sha256", row.sha256.clone()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("loading a document's content"))?;
    let data = data.ok_or_else(|| internal("loading a document's content")("blob missing"))?;
    Ok((row.view(), data.to_vec()))
}

/// The project's documents as `actor` may see them: everything for the
/// college's people; for an expert or a contractor only what the entries
/// they are shown attach, and their own uploads.
pub async fn visible(
    db: &Db,
    actor: &Actor,
    record: &ProjectRecord,
    entries: &[EntryView],
) -> Result<Vec<DocumentView>, AppError> {
    let rows = rows_of(db, &record.id).await?;
    let external = ProjectRecord::shown_as_external(actor.roles());
    Ok(rows
        .into_iter()
        .filter(|row| !external || shown_to_external(actor, entries, row))
        .map(DocumentRow::view)
        .collect())
}

fn shown_to_external(actor: &Actor, entries: &[EntryView], row: &DocumentRow) -> bool {
    let id = key_of(&row.id);
    key_of(&row.uploaded_by) == actor.id()
        || entries
            .iter()
            .any(|e| e.value.document() == Some(id.as_str()))
}

/// The project's own documents (not its change requests'), newest first.
pub async fn list(db: &Db, project: &RecordId) -> Result<Vec<DocumentView>, AppError> {
    Ok(rows_of(db, project)
        .await?
        .into_iter()
        .map(DocumentRow::view)
        .collect())
}

async fn rows_of(db: &Db, project: &RecordId) -> Result<Vec<DocumentRow>, AppError> {
    let rows: Vec<DocumentRow> = db
        .query(
            "SELECT id, project, uploaded_by, name, content_type, size, sha256, uploaded_by_name, uploaded_at
             FROM document WHERE project = $project AND change_request IS NONE
             ORDER BY uploaded_at DESC",
        )
        .bind(("project", project.clone()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("listing documents"))?;
    Ok(rows)
}

/// The documents archived with a change request, newest first.
pub async fn list_for_change(db: &Db, change: &RecordId) -> Result<Vec<DocumentView>, AppError> {
    let rows: Vec<DocumentRow> = db
        .query(
            "SELECT id, project, uploaded_by, name, content_type, size, sha256, uploaded_by_name, uploaded_at
             FROM document WHERE change_request = $change ORDER BY uploaded_at DESC",
        )
        .bind(("change", change.clone()))
        .await
        .and_then(|mut r| r.take(0))
        .map_err(internal("listing a change request's documents"))?;
    Ok(rows.into_iter().map(DocumentRow::view).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_recognised_by_content_not_name() {
        let cases: [(&[u8], Option<&str>); 7] = [
            (b"%PDF-1.7\n", Some("application/pdf")),
            (b"\x89PNG\r\n\x1a\n....", Some("image/png")),
            (
                b"PK\x03\x04....word/document.xml",
                Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ),
            ("需求说明".as_bytes(), Some("text/plain; charset=utf-8")),
            (b"MZ\x90\x00\x03", None),
            (b"\x00\x00\x00", None),
            (b"", None),
        ];
        for (bytes, expected) in cases {
            assert_eq!(sniff(bytes), expected, "{bytes:?}");
        }
    }

    #[test]
    fn names_lose_paths_and_header_breaking_characters() {
        let cases = [
            ("../../etc/passwd", "passwd"),
            ("C:\\docs\\方案.docx", "方案.docx"),
            ("a\"b;\r\nc.pdf", "abc.pdf"),
            ("   ", "document"),
        ];
        for (name, expected) in cases {
            assert_eq!(clean_name(name), expected);
        }
    }
}
