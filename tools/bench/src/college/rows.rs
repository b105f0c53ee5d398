//! Records exactly as ISFlow stores them, written in bulk. Field names
//! and types follow the migrations in `app/src/backend/migrations`.

use surrealdb::types::{Datetime, RecordId, SurrealValue};

pub fn at(millis: i64) -> Datetime {
    Datetime::from(chrono::DateTime::from_timestamp_millis(millis).unwrap_or_default())
}

pub fn id(table: &str, key: &str) -> RecordId {
    RecordId::new(table, key)
}

#[derive(Clone, SurrealValue)]
pub struct DepartmentRow {
    pub id: RecordId,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub supervisor: Option<RecordId>,
    pub created_at: Datetime,
}

#[derive(Clone, SurrealValue)]
pub struct UserRow {
    pub id: RecordId,
    pub user_name: String,
    pub display_name: String,
    pub password_hash: String,
    pub department: Option<RecordId>,
    pub roles: Vec<String>,
    pub enabled: bool,
    pub created_at: Datetime,
}

#[derive(Clone, SurrealValue)]
pub struct ProjectRow {
    pub id: RecordId,
    pub name: String,
    pub department: RecordId,
    pub category: String,
    pub class: String,
    pub budget_fen: i64,
    pub application: String,
    pub process_version: String,
    pub stage: String,
    pub status: String,
    pub created_by: RecordId,
    pub created_at: Datetime,
    pub version: i64,
    pub outputs: Vec<String>,
    pub final_budget_fen: Option<i64>,
    pub contract_fen: Option<i64>,
    pub approved_tier: Option<String>,
    pub handover: Vec<String>,
    pub experts: Vec<RecordId>,
    pub group_members: Vec<RecordId>,
    pub leader: Option<RecordId>,
    pub contractors: Vec<RecordId>,
    pub contractor_org: Option<String>,
    pub registry_number: Option<String>,
    pub stage_since: Datetime,
    pub updated_at: Datetime,
}

#[derive(Clone, SurrealValue)]
pub struct EntryRow {
    pub id: RecordId,
    pub project: RecordId,
    pub kind: String,
    pub stage: String,
    pub revision: i64,
    pub value: String,
    pub filed_by: RecordId,
    pub filed_by_name: String,
    pub filed_at: Datetime,
    pub current: bool,
    pub people: Vec<RecordId>,
}

#[derive(Clone, SurrealValue)]
pub struct DocumentRow {
    pub id: RecordId,
    pub project: RecordId,
    pub name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_by: RecordId,
    pub uploaded_by_name: String,
    pub uploaded_at: Datetime,
}

#[derive(Clone, SurrealValue)]
pub struct SystemRow {
    pub id: RecordId,
    pub project: RecordId,
    pub name: String,
    pub department: RecordId,
    pub category: String,
    pub class: String,
    pub contractor_org: Option<String>,
    pub go_live: String,
    pub registered_at: Datetime,
}

#[derive(Clone, SurrealValue)]
pub struct PaymentRow {
    pub id: RecordId,
    pub project: RecordId,
    pub kind: String,
    pub amount_fen: i64,
    pub paid_on: String,
    pub voucher: String,
    pub recorded_by: RecordId,
    pub recorded_by_name: String,
    pub recorded_at: Datetime,
}

#[derive(Clone, SurrealValue)]
pub struct AssetRow {
    pub id: RecordId,
    pub project: RecordId,
    pub asset_number: String,
    pub value_fen: i64,
    pub registered_on: String,
    pub recorded_by: RecordId,
    pub recorded_by_name: String,
    pub recorded_at: Datetime,
}

#[derive(Clone, SurrealValue)]
pub struct BlobRow {
    pub id: RecordId,
    pub data: surrealdb::types::Bytes,
    pub size: i64,
}
