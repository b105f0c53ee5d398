//! Tests of the process: the reference data of the stages (`stages`), the
//! consistency of the process table (`table`), where decisions lead
//! (`flow`), what is refused (`refusals`, `filings`), approval by amount
//! (`budget`), and properties over random walks through the process
//! (`walk`, `properties`).

mod budget;
mod filings;
mod flow;
mod ledger;
mod properties;
mod refusals;
mod stages;
mod table;
mod waiting;
mod walk;

use super::*;

fn yuan(amount: u64) -> Amount {
    Amount::from_yuan(amount)
}

fn holding(role: Role) -> ActorContext {
    ActorContext {
        roles: vec![role],
        ..ActorContext::default()
    }
}

fn of_applying_department(role: Role) -> ActorContext {
    ActorContext {
        is_member_of_applying_department: true,
        ..holding(role)
    }
}

fn supervising_vice_president() -> ActorContext {
    ActorContext {
        supervises_applying_department: true,
        ..holding(Role::VicePresident)
    }
}

fn assigned_contractor() -> ActorContext {
    ActorContext {
        is_assigned_contractor: true,
        ..holding(Role::Contractor)
    }
}

/// Someone inside the college holding every internal role and every place
/// in the project: for walking the process without caring who is who.
fn insider() -> ActorContext {
    ActorContext {
        roles: Role::ALL
            .into_iter()
            .filter(|role| !role.is_external())
            .collect(),
        is_member_of_applying_department: true,
        supervises_applying_department: true,
        is_project_group_member: true,
        is_project_leader: true,
        is_assigned_contractor: false,
        is_invited_expert: false,
    }
}

/// Files whatever the current stage still lacks, as whoever may file it;
/// amounts are 30,000 yuan unless set before.
fn fill(state: &ProjectState) -> ProjectState {
    let mut state = state.clone();
    for kind in state.missing_outputs() {
        let filings = match kind {
            OutputKind::BudgetAmount => vec![Filing::Budget(yuan(30_000))],
            OutputKind::ContractAmount => vec![Filing::ContractAmount(yuan(30_000))],
            OutputKind::HandoverChecklistConfirmed => HandoverItem::ALL
                .iter()
                .map(|item| Filing::HandoverItem(*item))
                .collect(),
            document => vec![Filing::Output(document)],
        };
        for filing in filings {
            state = [insider(), assigned_contractor()]
                .iter()
                .find_map(|who| file(&state, who, filing).ok())
                .expect("someone may file every required output");
        }
    }
    state
}

fn forward_decision(stage: StageId) -> Decision {
    definition(stage)
        .offers
        .iter()
        .find(|(_, leads)| *leads == Leads::Forward)
        .map(|(decision, _)| *decision)
        .expect("every stage can move forward")
}

/// Fills the current stage and moves it forward.
fn advance(state: &ProjectState) -> ProjectState {
    let state = fill(state);
    let request = DecisionRequest::new(state.stage, forward_decision(state.stage));
    decide(&state, &insider(), &request).expect("a filled stage moves forward")
}

/// A project with a budget of `budget_yuan`, taken through every stage
/// in turn up to `stage`, where nothing has been filed yet.
fn project_at(stage: StageId, budget_yuan: u64) -> ProjectState {
    let mut state = ProjectState::start();
    while state.stage != stage {
        if state.stage == StageId::Registry {
            let budget = Filing::Budget(yuan(budget_yuan));
            state = file(&state, &insider(), budget).expect("the clerk enters the budget");
        }
        state = advance(&state);
    }
    state
}
