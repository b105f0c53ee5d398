//! Record ids cross to the browser as their key alone (`user:abc` → `abc`);
//! the table is implied by where the id is used.

use surrealdb::types::{RecordId, RecordIdKey};

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
