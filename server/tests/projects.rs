//! Starting a project and who may see it (DESIGN §6).

mod common;

use common::{error_of, spawn};
use serde_json::{Value, json};

fn application() -> Value {
    json!({ "draft": {
        "name": "新一代教务管理系统",
        "category": "2-03",
        "connects_to_network": true,
        "serves_beyond_unit": true,
        "budget": "60万",
        "basis_higher_requirements": false,
        "basis_development_plan": true,
        "basis_business_need": true,
        "basis_explanation": "学分制改革需要。",
        "objectives": "选课、成绩、学籍一体化。",
        "scope_and_users": "全校师生。",
        "expected_go_live": "2099-09-01",
        "contact_name": "李明",
        "contact_phone": "020-12345678"
    } })
}

async fn started_by_jwc_clerk(app: &common::TestApp) -> String {
    let clerk = app.client_for("jwc.clerk").await;
    let response = app
        .post_json(&clerk, "/api/projects/start", application())
        .await;
    assert_eq!(response.status(), 200);
    response
        .json::<String>()
        .await
        .expect("the new project's id")
}

#[tokio::test]
async fn a_department_clerk_starts_a_project_at_research() {
    let app = spawn(&[]).await;
    let id = started_by_jwc_clerk(&app).await;
    let clerk = app.client_for("jwc.clerk").await;

    let project: Value = app
        .post_json(&clerk, "/api/projects/get", json!({ "id": id }))
        .await
        .json()
        .await
        .expect("json");

    assert_eq!(project["stage"], "research");
    assert_eq!(project["status"], "active");
    assert_eq!(project["budget"], 60_000_000);
    assert_eq!(project["tier"], "presidents_office_meeting");
    assert_eq!(project["class"], "public_service");
    assert_eq!(project["department"]["code"], "JWC");
    let trail = app::backend::audit::verify(&app.state.db)
        .await
        .expect("verifies");
    assert_eq!(trail.first_break, None);
}

#[tokio::test]
async fn each_role_sees_exactly_the_projects_its_scope_allows() {
    let app = spawn(&[]).await;
    let id = started_by_jwc_clerk(&app).await;
    let cases = [
        ("jwc.clerk", true),
        ("jwc.head", true),
        ("xsc.clerk", false),
        ("xsc.head", false),
        ("vp.wang", true),
        ("vp.chen", false),
        ("it.clerk", true),
        ("it.head", true),
        ("audit", true),
        ("finance", true),
        ("president", true),
        ("expert", false),
        ("contractor", false),
        ("control", false),
    ];
    for (user, sees) in cases {
        let client = app.client_for(user).await;
        let listed: Value = app
            .post_json(&client, "/api/projects/list", json!({}))
            .await
            .json()
            .await
            .expect("json");
        let in_list = listed
            .as_array()
            .expect("a list")
            .iter()
            .any(|p| p["id"] == id.as_str());
        assert_eq!(in_list, sees, "{user} in the list");

        let single = app
            .post_json(&client, "/api/projects/get", json!({ "id": id }))
            .await;
        assert_eq!(single.status() == 200, sees, "{user} opening the project");
        if !sees {
            assert_eq!(single.status(), 404, "{user}: as if it did not exist");
        }
    }
}

#[tokio::test]
async fn only_department_clerks_start_projects() {
    let app = spawn(&[]).await;
    for user in ["jwc.head", "it.head", "admin", "contractor", "president"] {
        let client = app.client_for(user).await;
        let response = app
            .post_json(&client, "/api/projects/start", application())
            .await;
        assert_eq!(response.status(), 403, "{user}");
    }
}

#[tokio::test]
async fn an_incomplete_application_is_refused_with_its_first_problem() {
    let app = spawn(&[]).await;
    let clerk = app.client_for("xsc.clerk").await;
    let mut body = application();
    body["draft"]["budget"] = json!("12.345");
    body["draft"]["expected_go_live"] = json!("2020-01-01");

    let response = app.post_json(&clerk, "/api/projects/start", body).await;

    assert_eq!(response.status(), 422);
    assert_eq!(
        error_of(response).await,
        json!({ "Invalid": { "Application": { "Budget": "TooManyDecimals" } } })
    );
    let listed: Value = app
        .post_json(&clerk, "/api/projects/list", json!({}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(listed, json!([]), "nothing was written");
}

#[tokio::test]
async fn malformed_project_requests_are_bad_requests() {
    let app = spawn(&[]).await;
    let clerk = app.client_for("jwc.clerk").await;
    for body in [
        json!({}),
        json!({ "draft": 7 }),
        json!({ "draft": { "name": ["x"] } }),
    ] {
        let response = app
            .post_json(&clerk, "/api/projects/start", body.clone())
            .await;
        assert_eq!(response.status(), 400, "{body}");
    }
    let odd_id = app
        .post_json(
            &clerk,
            "/api/projects/get",
            json!({ "id": "x'; DELETE project;" }),
        )
        .await;
    assert_eq!(odd_id.status(), 404);
}
