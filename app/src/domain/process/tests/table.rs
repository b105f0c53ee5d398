//! The process table checked against itself, so that a revision of it
//! cannot leave an output nobody files or a decision that leads forward
//! twice.

use super::*;
use crate::domain::RoleScope;

#[test]
fn the_table_lists_every_stage_once_in_process_order() {
    let listed: Vec<StageId> = StageId::ALL
        .into_iter()
        .map(|stage| definition(stage).stage)
        .collect();

    assert_eq!(listed, StageId::ALL);
}

#[test]
fn every_output_is_required_by_its_stage_written_by_its_decision_or_the_meeting_record() {
    for kind in OutputKind::ALL {
        let definition = definition(kind.stage());
        let ways = [
            definition.required.contains(&kind),
            definition.verdict == Some(kind),
            kind == OutputKind::MeetingRecord,
        ];

        assert_eq!(ways.iter().filter(|way| **way).count(), 1, "{kind:?}");
    }
}

#[test]
fn every_output_has_a_unique_id() {
    let mut ids: Vec<&str> = OutputKind::ALL.iter().map(|kind| kind.id()).collect();
    ids.sort_unstable();
    ids.dedup();

    assert_eq!(ids.len(), OutputKind::ALL.len());
}

#[test]
fn only_outputs_written_by_a_decision_have_nobody_to_file_them() {
    for kind in OutputKind::ALL {
        assert_eq!(
            kind.filed_by().is_empty(),
            kind.is_written_by_decision(),
            "{kind:?}"
        );
    }
}

#[test]
fn every_stage_moves_forward_by_exactly_one_decision() {
    for stage in StageId::ALL {
        let offers = definition(stage).offers;
        let forward = offers.iter().filter(|(_, leads)| *leads == Leads::Forward);

        assert_eq!(forward.count(), 1, "{stage}");
    }
}

#[test]
fn fixed_returns_go_to_an_earlier_stage() {
    for stage in StageId::ALL {
        for (decision, leads) in definition(stage).offers {
            if let Leads::BackTo(target) = leads {
                assert!(*target < stage, "{stage} {decision:?}");
            }
        }
    }
}

#[test]
fn everyone_who_files_or_decides_in_a_stage_is_among_its_actors() {
    for stage in StageId::ALL {
        let definition = definition(stage);
        let filers = OutputKind::ALL
            .into_iter()
            .filter(|kind| kind.stage() == stage)
            .flat_map(OutputKind::filed_by);

        for actor in definition.deciders.iter().chain(filers) {
            assert!(definition.actors.contains(actor), "{stage}: {actor:?}");
        }
    }
}

#[test]
fn college_parties_hold_college_roles_and_department_parties_department_roles() {
    let everyone = StageId::ALL
        .into_iter()
        .flat_map(|stage| definition(stage).actors)
        .chain(OutputKind::ALL.into_iter().flat_map(OutputKind::filed_by));

    for actor in everyone {
        match actor {
            Actor::College(role) => assert_eq!(role.scope(), RoleScope::College, "{role}"),
            Actor::ApplyingDepartment(role) => assert!(role.needs_department(), "{role}"),
            _ => {}
        }
    }
}

#[test]
fn nobody_acts_in_any_stage_as_administrator() {
    let everyone = StageId::ALL
        .into_iter()
        .flat_map(|stage| definition(stage).actors);

    assert!(
        everyone
            .copied()
            .all(|actor| actor != Actor::College(Role::Admin))
    );
}
