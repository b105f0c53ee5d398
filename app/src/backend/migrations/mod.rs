//! The schema as ordered migrations. Each runs once, in its own
//! transaction together with the record that it ran, so a crash half-way
//! never leaves a migration half-applied or applied twice. Changing the
//! schema means adding a file here, never editing one that has shipped:
//! a changed file is refused at start-up by its checksum.

use super::db::{Db, root_cause};
use sha2::{Digest, Sha256};
use surrealdb::types::SurrealValue;

struct Migration {
    version: i64,
    name: &'static str,
    sql: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "accounts",
        sql: include_str!("0001_accounts.surql"),
    },
    Migration {
        version: 2,
        name: "audit",
        sql: include_str!("0002_audit.surql"),
    },
    Migration {
        version: 3,
        name: "projects",
        sql: include_str!("0003_projects.surql"),
    },
    Migration {
        version: 4,
        name: "project_work",
        sql: include_str!("0004_project_work.surql"),
    },
    Migration {
        version: 5,
        name: "ledger",
        sql: include_str!("0005_ledger.surql"),
    },
    Migration {
        version: 6,
        name: "changes",
        sql: include_str!("0006_changes.surql"),
    },
];

/// The schema version this build brings a database up to.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// The ledger of applied migrations must exist before it can be read.
const LEDGER: &str = "
    DEFINE TABLE IF NOT EXISTS migration SCHEMAFULL;
    DEFINE FIELD IF NOT EXISTS version ON migration TYPE int;
    DEFINE FIELD IF NOT EXISTS name ON migration TYPE string;
    DEFINE FIELD IF NOT EXISTS checksum ON migration TYPE string;
    DEFINE FIELD IF NOT EXISTS applied_at ON migration TYPE datetime;
    DEFINE INDEX IF NOT EXISTS migration_version ON migration FIELDS version UNIQUE;
";

#[derive(Debug, thiserror::Error)]
pub enum MigrationError {
    #[error("could not read the applied migrations: {0}")]
    Ledger(surrealdb::Error),
    #[error("migration {version} ({name}) failed: {source}")]
    Failed {
        version: i64,
        name: &'static str,
        source: surrealdb::Error,
    },
    #[error(
        "migration {version} ({name}) differs from the one applied to this database; \
         shipped migrations must never be edited"
    )]
    Edited { version: i64, name: &'static str },
}

#[derive(SurrealValue)]
struct Applied {
    version: i64,
    checksum: String,
}

pub async fn apply(db: &Db) -> Result<(), MigrationError> {
    let applied: Vec<Applied> = db
        .query(LEDGER)
        .query("SELECT version, checksum FROM migration ORDER BY version")
        .await
        .and_then(root_cause)
        .and_then(|mut response| response.take(response.num_statements() - 1))
        .map_err(MigrationError::Ledger)?;

    for migration in MIGRATIONS {
        let checksum = hex::encode(Sha256::digest(migration.sql.as_bytes()));
        match applied.iter().find(|a| a.version == migration.version) {
            Some(done) if done.checksum == checksum => continue,
            Some(_) => {
                return Err(MigrationError::Edited {
                    version: migration.version,
                    name: migration.name,
                });
            }
            None => run(db, migration, checksum).await?,
        }
    }
    Ok(())
}

async fn run(db: &Db, migration: &Migration, checksum: String) -> Result<(), MigrationError> {
    let failed = |source| MigrationError::Failed {
        version: migration.version,
        name: migration.name,
        source,
    };
    let record = "CREATE migration SET version = $version, name = $name, \
                  checksum = $checksum, applied_at = time::now();";
    let script = format!(
        "BEGIN TRANSACTION;\n{}\n{record}\nCOMMIT TRANSACTION;",
        migration.sql
    );

    db.query(script)
        .bind(("version", migration.version))
        .bind(("name", migration.name))
        .bind(("checksum", checksum))
        .await
        .and_then(root_cause)
        .map_err(failed)?;
    tracing::info!(
        version = migration.version,
        name = migration.name,
        "applied migration"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_run_from_one_without_gaps() {
        for (index, migration) in MIGRATIONS.iter().enumerate() {
            assert_eq!(migration.version, index as i64 + 1, "{}", migration.name);
        }
    }
}
