//! The fixed lists some outputs choose from.

use crate::domain::Lang;
use serde::{Deserialize, Serialize};

/// 采购方式, as the college's procurement rules name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProcurementMethod {
    OpenTender,
    InvitedTender,
    CompetitiveNegotiation,
    CompetitiveConsultation,
    Inquiry,
    SingleSource,
    /// 校内自行采购, for amounts below the public procurement threshold.
    InHouse,
}

/// 项目评价等级
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Excellent,
    Good,
    Satisfactory,
    Unsatisfactory,
}

/// What the IT centre confirms receiving at handover (DESIGN §2, stage 16).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandoverItem {
    Documents,
    SourceCode,
    UserManual,
}

macro_rules! choice_list {
    ($type:ident { $($variant:ident => $id:literal, $zh:literal, $en:literal;)+ }) => {
        impl $type {
            pub const ALL: &'static [$type] = &[$($type::$variant),+];

            pub fn id(self) -> &'static str {
                match self { $($type::$variant => $id),+ }
            }

            pub fn name(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($type::$variant, Lang::Zh) => $zh,
                      ($type::$variant, Lang::En) => $en,)+
                }
            }

            pub fn parse(id: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|each| each.id() == id)
            }
        }
    };
}

choice_list!(ProcurementMethod {
    OpenTender => "open_tender", "公开招标", "Open tender";
    InvitedTender => "invited_tender", "邀请招标", "Invited tender";
    CompetitiveNegotiation => "competitive_negotiation", "竞争性谈判", "Competitive negotiation";
    CompetitiveConsultation => "competitive_consultation", "竞争性磋商", "Competitive consultation";
    Inquiry => "inquiry", "询价", "Request for quotation";
    SingleSource => "single_source", "单一来源采购", "Single source";
    InHouse => "in_house", "校内自行采购", "In-house purchase";
});

choice_list!(Rating {
    Excellent => "excellent", "优秀", "Excellent";
    Good => "good", "良好", "Good";
    Satisfactory => "satisfactory", "合格", "Satisfactory";
    Unsatisfactory => "unsatisfactory", "不合格", "Unsatisfactory";
});

choice_list!(HandoverItem {
    Documents => "documents", "项目文档资料", "Project documents";
    SourceCode => "source_code", "源代码", "Source code";
    UserManual => "user_manual", "用户手册", "User manual";
});

impl HandoverItem {
    /// The checklist counts as confirmed once every item has been received.
    pub fn all_confirmed<'a>(confirmed: impl IntoIterator<Item = &'a HandoverItem>) -> bool {
        let confirmed: std::collections::BTreeSet<_> = confirmed.into_iter().collect();
        HandoverItem::ALL
            .iter()
            .all(|item| confirmed.contains(item))
    }
}
