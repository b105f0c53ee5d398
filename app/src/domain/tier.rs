//! Who approves a project's budget, by amount (DESIGN §3, policy step 6).
//! Lower bounds are inclusive: “5万元以上(含5万元)”.

use super::{Amount, Role};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalTier {
    /// Below 50,000 yuan: the applying department approves it itself.
    DepartmentHead,
    /// 50,000 to below 200,000: the department's supervising vice president.
    VicePresident,
    /// 200,000 to below 500,000.
    President,
    /// 500,000 to below 5,000,000: 校长办公会.
    PresidentsOfficeMeeting,
    /// 5,000,000 and above: 党委会.
    PartyCommittee,
}

impl ApprovalTier {
    pub const ALL: [ApprovalTier; 5] = [
        ApprovalTier::DepartmentHead,
        ApprovalTier::VicePresident,
        ApprovalTier::President,
        ApprovalTier::PresidentsOfficeMeeting,
        ApprovalTier::PartyCommittee,
    ];

    /// The tier the policy assigns to a budget of this amount.
    pub fn for_amount(amount: Amount) -> Self {
        const VICE_PRESIDENT_FROM: Amount = Amount::from_yuan(50_000);
        const PRESIDENT_FROM: Amount = Amount::from_yuan(200_000);
        const MEETING_FROM: Amount = Amount::from_yuan(500_000);
        const PARTY_COMMITTEE_FROM: Amount = Amount::from_yuan(5_000_000);

        match amount {
            a if a >= PARTY_COMMITTEE_FROM => ApprovalTier::PartyCommittee,
            a if a >= MEETING_FROM => ApprovalTier::PresidentsOfficeMeeting,
            a if a >= PRESIDENT_FROM => ApprovalTier::President,
            a if a >= VICE_PRESIDENT_FROM => ApprovalTier::VicePresident,
            _ => ApprovalTier::DepartmentHead,
        }
    }

    /// The inclusive lower bound of the tier, for explaining the rule.
    pub fn lower_bound(self) -> Amount {
        match self {
            ApprovalTier::DepartmentHead => Amount::ZERO,
            ApprovalTier::VicePresident => Amount::from_yuan(50_000),
            ApprovalTier::President => Amount::from_yuan(200_000),
            ApprovalTier::PresidentsOfficeMeeting => Amount::from_yuan(500_000),
            ApprovalTier::PartyCommittee => Amount::from_yuan(5_000_000),
        }
    }

    /// The role that records the decision in ISFlow. For a meeting this
    /// is its secretary: the decision is the meeting's, never one person's.
    pub fn deciding_role(self) -> Role {
        match self {
            ApprovalTier::DepartmentHead => Role::DeptHead,
            ApprovalTier::VicePresident => Role::VicePresident,
            ApprovalTier::President => Role::President,
            ApprovalTier::PresidentsOfficeMeeting | ApprovalTier::PartyCommittee => {
                Role::MeetingSecretary
            }
        }
    }

    pub fn is_collective(self) -> bool {
        self.deciding_role() == Role::MeetingSecretary
    }

    pub fn id(self) -> &'static str {
        match self {
            ApprovalTier::DepartmentHead => "department_head",
            ApprovalTier::VicePresident => "vice_president",
            ApprovalTier::President => "president",
            ApprovalTier::PresidentsOfficeMeeting => "presidents_office_meeting",
            ApprovalTier::PartyCommittee => "party_committee",
        }
    }

    pub fn parse(id: &str) -> Option<Self> {
        ApprovalTier::ALL.into_iter().find(|tier| tier.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tier(yuan_text: &str) -> ApprovalTier {
        ApprovalTier::for_amount(Amount::parse(yuan_text).expect("test amounts are valid"))
    }

    #[test]
    fn each_boundary_falls_in_the_tier_the_policy_names() {
        let cases = [
            ("0", ApprovalTier::DepartmentHead),
            ("49999.99", ApprovalTier::DepartmentHead),
            ("50000", ApprovalTier::VicePresident),
            ("199999.99", ApprovalTier::VicePresident),
            ("200000", ApprovalTier::President),
            ("499999.99", ApprovalTier::President),
            ("500000", ApprovalTier::PresidentsOfficeMeeting),
            ("4999999.99", ApprovalTier::PresidentsOfficeMeeting),
            ("5000000", ApprovalTier::PartyCommittee),
            ("100000000", ApprovalTier::PartyCommittee),
        ];
        for (amount, expected) in cases {
            assert_eq!(tier(amount), expected, "amount {amount}");
        }
    }

    #[test]
    fn meetings_are_recorded_by_their_secretary() {
        let collective: Vec<_> = ApprovalTier::ALL
            .into_iter()
            .filter(|t| t.is_collective())
            .collect();
        assert_eq!(
            collective,
            [
                ApprovalTier::PresidentsOfficeMeeting,
                ApprovalTier::PartyCommittee
            ]
        );
        assert_eq!(ApprovalTier::DepartmentHead.deciding_role(), Role::DeptHead);
        assert_eq!(
            ApprovalTier::VicePresident.deciding_role(),
            Role::VicePresident
        );
        assert_eq!(ApprovalTier::President.deciding_role(), Role::President);
    }

    #[test]
    fn each_tier_starts_at_its_lower_bound() {
        for tier in ApprovalTier::ALL {
            assert_eq!(ApprovalTier::for_amount(tier.lower_bound()), tier);
        }
    }

    proptest! {
        #[test]
        fn a_larger_amount_never_needs_a_lower_tier(a in 0u64..10_000_000_000, b in 0u64..10_000_000_000) {
            let (low, high) = (a.min(b), a.max(b));
            prop_assert!(
                ApprovalTier::for_amount(Amount::from_fen(low))
                    <= ApprovalTier::for_amount(Amount::from_fen(high))
            );
        }
    }
}
