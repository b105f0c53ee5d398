//! The six phases the stages fall into, for grouping the board and the
//! dashboard. The interface names them from its locale files.

use serde::{Deserialize, Serialize};

/// Declared in process order, so `a < b` means `a` comes earlier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// 立项
    Initiation,
    /// 审批
    Approval,
    /// 采购
    Procurement,
    /// 实施
    Implementation,
    /// 验收
    Acceptance,
    /// 运行与评价
    OperationAndEvaluation,
}

impl Phase {
    pub const ALL: [Phase; 6] = [
        Phase::Initiation,
        Phase::Approval,
        Phase::Procurement,
        Phase::Implementation,
        Phase::Acceptance,
        Phase::OperationAndEvaluation,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Phase::Initiation => "initiation",
            Phase::Approval => "approval",
            Phase::Procurement => "procurement",
            Phase::Implementation => "implementation",
            Phase::Acceptance => "acceptance",
            Phase::OperationAndEvaluation => "operation_and_evaluation",
        }
    }
}
