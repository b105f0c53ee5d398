use super::*;

#[test]
fn every_stage_has_the_id_and_chinese_name_the_design_gives_it() {
    let expected = [
        (StageId::Research, "research", "前期调研"),
        (StageId::Initiation, "initiation", "立项"),
        (
            StageId::InitiationApproval,
            "initiation_approval",
            "立项审批",
        ),
        (StageId::Feasibility, "feasibility", "可行性论证"),
        (StageId::Registry, "registry", "项目入库"),
        (StageId::BudgetApproval, "budget_approval", "项目审批"),
        (StageId::WorkingGroup, "working_group", "成立项目工作组"),
        (StageId::Procurement, "procurement", "执行采购"),
        (StageId::Planning, "planning", "编制方案"),
        (StageId::PlanReview, "plan_review", "评审方案"),
        (StageId::Implementation, "implementation", "项目实施"),
        (StageId::Testing, "testing", "系统测试和试运行"),
        (StageId::SecurityTesting, "security_testing", "安全检测"),
        (StageId::Acceptance, "acceptance", "验收"),
        (StageId::Handover, "handover", "资料移交"),
        (StageId::InUse, "in_use", "投入使用"),
        (StageId::Evaluation, "evaluation", "项目评价"),
    ];

    assert_eq!(expected.map(|(stage, _, _)| stage), StageId::ALL);
    for (stage, id, zh) in expected {
        assert_eq!(stage.id(), id);
        assert_eq!(stage.name(Lang::Zh), zh);
        assert!(!stage.name(Lang::En).is_empty(), "{id}");
        assert_eq!(id.parse::<StageId>(), Ok(stage));
    }
}

#[test]
fn an_unknown_stage_id_is_refused() {
    assert_eq!(
        "approval".parse::<StageId>(),
        Err(UnknownStage("approval".into()))
    );
}

#[test]
fn the_stages_cover_the_policys_eighteen_steps_once_each_in_order() {
    let steps: Vec<u8> = StageId::ALL
        .into_iter()
        .flat_map(StageId::policy_steps)
        .collect();

    assert_eq!(steps, (1..=18).collect::<Vec<u8>>());
    assert_eq!(StageId::Implementation.policy_steps(), 11..=12);
}

#[test]
fn each_stage_falls_in_the_phase_the_policy_reads_it_in() {
    let cases = [
        (StageId::Research, Phase::Initiation),
        (StageId::Registry, Phase::Initiation),
        (StageId::BudgetApproval, Phase::Approval),
        (StageId::WorkingGroup, Phase::Procurement),
        (StageId::Procurement, Phase::Procurement),
        (StageId::Planning, Phase::Implementation),
        (StageId::SecurityTesting, Phase::Implementation),
        (StageId::Acceptance, Phase::Acceptance),
        (StageId::Handover, Phase::Acceptance),
        (StageId::InUse, Phase::OperationAndEvaluation),
        (StageId::Evaluation, Phase::OperationAndEvaluation),
    ];
    for (stage, phase) in cases {
        assert_eq!(stage.phase(), phase, "{stage}");
    }
}

#[test]
fn phases_follow_one_another_without_coming_back() {
    let phases = StageId::ALL.map(StageId::phase);

    assert!(phases.windows(2).all(|pair| pair[0] <= pair[1]));
    for phase in Phase::ALL {
        assert!(phases.contains(&phase), "{phase:?} has no stage");
    }
}

#[test]
fn a_stage_can_be_returned_only_to_the_stages_before_it() {
    assert_eq!(StageId::Research.earlier().count(), 0);
    assert_eq!(
        StageId::Feasibility.earlier().collect::<Vec<_>>(),
        [
            StageId::Research,
            StageId::Initiation,
            StageId::InitiationApproval
        ]
    );
    assert_eq!(StageId::Evaluation.next(), None);
}

#[test]
fn the_process_version_names_the_policy_and_its_revision() {
    assert_eq!(PROCESS_VERSION, "GDGM-WI-IT-03-05 V1.0");
    assert_eq!(ProjectState::start().process_version, PROCESS_VERSION);
}
