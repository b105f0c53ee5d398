//! Backup and restore of the whole database as one SurrealQL file: every
//! table's definition, fields and indexes, then its records, documents'
//! bytes included. A backup is written under a temporary name and renamed
//! once complete, so a file with the chosen name is always whole. A
//! restore goes only into an empty database and is accepted only when the
//! restored audit trail verifies.

use super::{audit, db::Db, migrations};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use surrealdb::types::SurrealValue;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("the database could not be exported: {0}")]
    Export(surrealdb::Error),
    #[error("the backup file could not be written: {0}")]
    File(std::io::Error),
    #[error("the database could not be read: {0}")]
    Read(surrealdb::Error),
    #[error("the database already holds tables ({0}); restore only into an empty one")]
    NotEmpty(String),
    #[error("the backup could not be imported: {0}")]
    Import(surrealdb::Error),
    #[error(transparent)]
    Migrate(#[from] migrations::MigrationError),
    #[error("the restored audit trail does not verify: {0:?}")]
    Trail(audit::Break),
}

/// How many records each table holds.
pub type Counts = BTreeMap<String, u64>;

/// Writes the whole database to `path`.
#[tracing::instrument(skip(db))]
pub async fn export(db: &Db, path: &Path) -> Result<Counts, BackupError> {
    let partial = partial_name(path);
    db.export(&partial).await.map_err(BackupError::Export)?;
    std::fs::File::open(&partial)
        .and_then(|file| file.sync_all())
        .and_then(|()| std::fs::rename(&partial, path))
        .map_err(BackupError::File)?;
    let counts = counts(db).await?;
    tracing::info!(tables = counts.len(), "backup written");
    Ok(counts)
}

fn partial_name(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

/// Restores the backup at `path` into `db`, which must be empty, then
/// applies any migrations newer than the backup and checks the trail.
#[tracing::instrument(skip(db))]
pub async fn restore(db: &Db, path: &Path) -> Result<Counts, BackupError> {
    let tables = tables(db).await?;
    if !tables.is_empty() {
        return Err(BackupError::NotEmpty(tables.join(", ")));
    }
    db.import(path).await.map_err(BackupError::Import)?;
    migrations::apply(db).await?;
    let trail = audit::verify(db).await.map_err(BackupError::Read)?;
    if let Some(broken) = trail.first_break {
        return Err(BackupError::Trail(broken));
    }
    let counts = counts(db).await?;
    tracing::info!(
        events = trail.events,
        "backup restored and its audit trail verified"
    );
    Ok(counts)
}

/// The names of the tables the database defines.
pub async fn tables(db: &Db) -> Result<Vec<String>, BackupError> {
    let info: Option<serde_json::Value> = db
        .query("INFO FOR DB")
        .await
        .and_then(|mut response| response.take(0))
        .map_err(BackupError::Read)?;
    let tables = info
        .as_ref()
        .and_then(|info| info.get("tables"))
        .and_then(serde_json::Value::as_object)
        .map(|tables| tables.keys().cloned().collect())
        .unwrap_or_default();
    Ok(tables)
}

#[derive(SurrealValue)]
struct Count {
    count: u64,
}

pub async fn counts(db: &Db) -> Result<Counts, BackupError> {
    let mut counts = Counts::new();
    for table in tables(db).await? {
        let count: Option<Count> = db
            .query("SELECT count() FROM type::table($table) GROUP ALL")
            .bind(("table", table.clone()))
            .await
            .and_then(|mut response| response.take(0))
            .map_err(BackupError::Read)?;
        counts.insert(table, count.map_or(0, |c| c.count));
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_is_written_beside_its_final_name() {
        assert_eq!(
            partial_name(Path::new("/backups/isflow.surql")),
            PathBuf::from("/backups/isflow.surql.partial")
        );
    }
}
