//! Record ids cross to the browser as their key alone (`user:abc` → `abc`);
//! the table is implied by where the id is used.

use rand::{Rng, distr::Alphanumeric};
use surrealdb::types::{RecordId, RecordIdKey};

/// A new record key: 20 lower-case letters and digits, made here so that
/// a record and the audit event naming it are written in one transaction.
pub fn new_key() -> String {
    rand::rng()
        .sample_iter(Alphanumeric)
        .take(20)
        .map(|b| char::from(b).to_ascii_lowercase())
        .collect()
}

pub fn key_of(id: &RecordId) -> String {
    match &id.key {
        RecordIdKey::String(key) => key.clone(),
        RecordIdKey::Number(number) => number.to_string(),
        other => format!("{other:?}"),
    }
}

/// Keys that ISFlow generates are short alphanumerics; anything else in a
/// request is refused before it reaches a query.
pub fn is_valid_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 64
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}
