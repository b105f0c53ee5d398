//! Administration over HTTP: who may use it, and what it does.

mod common;

use common::{DEMO_PASSWORD, error_of, new_client, spawn};
use serde_json::{Value, json};

/// Every administration endpoint with a well-formed body.
fn admin_calls() -> Vec<(&'static str, Value)> {
    vec![
        ("/api/admin/users/list", json!({})),
        ("/api/admin/users/get", json!({ "id": "x" })),
        (
            "/api/admin/users/create",
            json!({ "user": { "user_name": "new.person", "display_name": "新人",
                "department": "", "roles": ["it_clerk"], "password": "long enough password" } }),
        ),
        (
            "/api/admin/users/update",
            json!({ "changes": { "id": "x", "display_name": "某人", "department": "",
                "roles": [], "enabled": true } }),
        ),
        (
            "/api/admin/users/reset_password",
            json!({ "id": "x", "new_password": "long enough password" }),
        ),
        ("/api/admin/departments/list", json!({})),
        ("/api/admin/departments/get", json!({ "id": "x" })),
        (
            "/api/admin/departments/save",
            json!({ "department": { "code": "NEW", "name": "新部门", "kind": "business" } }),
        ),
        ("/api/admin/vice_presidents", json!({})),
    ]
}

#[tokio::test]
async fn every_role_but_admin_is_refused_every_administration_function() {
    let app = spawn(&[]).await;
    let non_admins = [
        "jwc.clerk",
        "jwc.head",
        "it.dev",
        "it.head",
        "it.clerk",
        "it.security",
        "procurement",
        "finance",
        "audit",
        "control",
        "vp.wang",
        "president",
        "secretary",
        "expert",
        "contractor",
    ];
    for user in non_admins {
        let client = app.client_for(user).await;
        for (path, body) in admin_calls() {
            let response = app.post_json(&client, path, body).await;
            assert_eq!(response.status(), 403, "{user} on {path}");
            assert_eq!(error_of(response).await, json!("Forbidden"));
        }
    }
}

#[tokio::test]
async fn without_a_session_administration_asks_to_sign_in() {
    let app = spawn(&[]).await;
    for (path, body) in admin_calls() {
        let response = app.post_json(&new_client(), path, body).await;
        assert_eq!(response.status(), 401, "{path}");
    }
}

#[tokio::test]
async fn refused_calls_change_nothing() {
    let app = spawn(&[]).await;
    let clerk = app.client_for("jwc.clerk").await;
    let (path, body) = &admin_calls()[2];
    app.post_json(&clerk, path, body.clone()).await;

    let admin = app.client_for("admin").await;
    let users: Value = app
        .post_json(&admin, "/api/admin/users/list", json!({}))
        .await
        .json()
        .await
        .expect("json");
    let names: Vec<&str> = users
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|u| u["user_name"].as_str())
        .collect();
    assert!(!names.contains(&"new.person"));
}

#[tokio::test]
async fn an_administrator_creates_a_user_who_can_then_sign_in() {
    let app = spawn(&[]).await;
    let admin = app.client_for("admin").await;

    let created = app
        .post_json(
            &admin,
            "/api/admin/users/create",
            admin_calls()[2].1.clone(),
        )
        .await;
    assert_eq!(created.status(), 200);

    let response = app
        .sign_in(&new_client(), "new.person", "long enough password")
        .await;
    assert_eq!(response.status(), 200);
    let again = app
        .post_json(
            &admin,
            "/api/admin/users/create",
            admin_calls()[2].1.clone(),
        )
        .await;
    assert_eq!(again.status(), 409);
    assert_eq!(
        error_of(again).await,
        json!({ "Conflict": "UserNameTaken" })
    );
}

#[tokio::test]
async fn invalid_new_users_are_refused_with_the_field_at_fault() {
    let app = spawn(&[]).await;
    let admin = app.client_for("admin").await;
    let cases = [
        (
            json!({ "user_name": "x", "display_name": "某", "roles": [], "password": "long enough pw" }),
            json!({ "Invalid": { "UserName": "TooShort" } }),
        ),
        (
            json!({ "user_name": "dept.clerk2", "display_name": "某", "roles": ["dept_clerk"], "password": "long enough pw" }),
            json!({ "Invalid": "DepartmentRequiredForRole" }),
        ),
        (
            json!({ "user_name": "some.one", "display_name": "某", "roles": ["superuser"], "password": "long enough pw" }),
            json!({ "Invalid": "UnknownRole" }),
        ),
        (
            json!({ "user_name": "some.one", "display_name": "某", "department": "nowhere",
                 "roles": ["dept_clerk"], "password": "long enough pw" }),
            json!({ "Invalid": "UnknownDepartment" }),
        ),
    ];
    for (user, expected) in cases {
        let response = app
            .post_json(&admin, "/api/admin/users/create", json!({ "user": user }))
            .await;
        assert_eq!(response.status(), 422, "{user}");
        assert_eq!(error_of(response).await, expected);
    }
}

#[tokio::test]
async fn disabling_a_user_ends_their_sessions_and_stops_new_ones() {
    let app = spawn(&[]).await;
    let admin = app.client_for("admin").await;
    let clerk = app.client_for("xsc.clerk").await;
    let clerk_id = user_id(&app, &admin, "xsc.clerk").await;
    let department = department_id(&app, &admin, "XSC").await;

    let response = app
        .post_json(
            &admin,
            "/api/admin/users/update",
            json!({ "changes": {
            "id": clerk_id, "display_name": "黄丽", "department": department,
            "roles": ["dept_clerk"], "enabled": false } }),
        )
        .await;

    assert_eq!(response.status(), 200);
    assert_eq!(app.session_user(&clerk).await, None);
    assert_eq!(
        app.sign_in(&new_client(), "xsc.clerk", DEMO_PASSWORD)
            .await
            .status(),
        401
    );
}

#[tokio::test]
async fn an_administrator_cannot_lock_themselves_out() {
    let app = spawn(&[]).await;
    let admin = app.client_for("admin").await;
    let id = user_id(&app, &admin, "admin").await;
    let change = |enabled: bool, roles: Value| {
        json!({ "changes": {
        "id": id, "display_name": "系统管理员", "department": "", "roles": roles, "enabled": enabled } })
    };

    let disable = app
        .post_json(
            &admin,
            "/api/admin/users/update",
            change(false, json!(["admin"])),
        )
        .await;
    assert_eq!(
        error_of(disable).await,
        json!({ "Invalid": "CannotDisableSelf" })
    );
    let revoke = app
        .post_json(
            &admin,
            "/api/admin/users/update",
            change(true, json!(["it_head"])),
        )
        .await;
    assert_eq!(
        error_of(revoke).await,
        json!({ "Invalid": "CannotRevokeOwnAdmin" })
    );
}

#[tokio::test]
async fn a_department_is_supervised_only_by_a_vice_president() {
    let app = spawn(&[]).await;
    let admin = app.client_for("admin").await;
    let department = department_id(&app, &admin, "JWC").await;
    let save = |supervisor: String| {
        json!({ "department": {
        "id": department, "code": "JWC", "name": "教务处", "kind": "business", "supervisor": supervisor } })
    };

    let clerk = user_id(&app, &admin, "jwc.clerk").await;
    let refused = app
        .post_json(&admin, "/api/admin/departments/save", save(clerk))
        .await;
    assert_eq!(
        error_of(refused).await,
        json!({ "Invalid": "SupervisorNotVicePresident" })
    );

    let chen = user_id(&app, &admin, "vp.chen").await;
    let saved = app
        .post_json(&admin, "/api/admin/departments/save", save(chen))
        .await;
    assert_eq!(saved.status(), 200);
    let reloaded: Value = app
        .post_json(
            &admin,
            "/api/admin/departments/get",
            json!({ "id": department }),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        reloaded["supervisor"]["display_name"],
        "陈卫东（分管副校长）"
    );
}

#[tokio::test]
async fn department_codes_are_unique() {
    let app = spawn(&[]).await;
    let admin = app.client_for("admin").await;
    let body =
        json!({ "department": { "code": "jwc", "name": "另一个教务处", "kind": "business" } });

    let response = app
        .post_json(&admin, "/api/admin/departments/save", body)
        .await;

    assert_eq!(response.status(), 409);
    assert_eq!(
        error_of(response).await,
        json!({ "Conflict": "DepartmentCodeTaken" })
    );
}

async fn user_id(app: &common::TestApp, admin: &reqwest::Client, user_name: &str) -> String {
    let users: Value = app
        .post_json(admin, "/api/admin/users/list", json!({}))
        .await
        .json()
        .await
        .expect("json");
    users
        .as_array()
        .and_then(|list| list.iter().find(|u| u["user_name"] == user_name))
        .and_then(|u| u["id"].as_str())
        .expect("the user exists")
        .to_owned()
}

async fn department_id(app: &common::TestApp, admin: &reqwest::Client, code: &str) -> String {
    let departments: Value = app
        .post_json(admin, "/api/admin/departments/list", json!({}))
        .await
        .json()
        .await
        .expect("json");
    departments
        .as_array()
        .and_then(|list| list.iter().find(|d| d["code"] == code))
        .and_then(|d| d["id"].as_str())
        .expect("the department exists")
        .to_owned()
}

#[tokio::test]
async fn the_last_enabled_administrator_cannot_be_demoted_by_another() {
    let app = spawn(&[]).await;
    let admin = app.client_for("admin").await;
    // A second administrator, who then tries to demote the first.
    let body = json!({ "user": { "user_name": "second.admin", "display_name": "第二管理员",
        "roles": ["admin"], "password": "second admin password" } });
    assert_eq!(
        app.post_json(&admin, "/api/admin/users/create", body)
            .await
            .status(),
        200
    );
    let second = new_client();
    assert_eq!(
        app.sign_in(&second, "second.admin", "second admin password")
            .await
            .status(),
        200
    );
    let first_id = user_id(&app, &admin, "admin").await;
    let demote = |id: &str| {
        json!({ "changes": {
        "id": id, "display_name": "x", "department": "", "roles": ["it_head"], "enabled": true } })
    };

    let demoted = app
        .post_json(&second, "/api/admin/users/update", demote(&first_id))
        .await;
    assert_eq!(demoted.status(), 200, "two admins: one may go");

    let second_id = user_id(&app, &second, "second.admin").await;
    let last = app
        .post_json(&second, "/api/admin/users/update", demote(&second_id))
        .await;
    assert_eq!(
        error_of(last).await,
        json!({ "Invalid": "CannotRevokeOwnAdmin" })
    );
}

#[tokio::test]
async fn a_supervising_vice_president_keeps_the_role_until_reassigned() {
    let app = spawn(&[]).await;
    let admin = app.client_for("admin").await;
    let wang = user_id(&app, &admin, "vp.wang").await;
    let department = department_id(&app, &admin, "DZB").await;
    let change = json!({ "changes": { "id": wang, "display_name": "王建国（分管副校长）",
        "department": department, "roles": ["president"], "enabled": true } });

    let response = app
        .post_json(&admin, "/api/admin/users/update", change)
        .await;

    assert_eq!(response.status(), 422);
    assert_eq!(
        error_of(response).await,
        json!({ "Invalid": "StillSupervises" })
    );
}

#[tokio::test]
async fn an_administrator_resets_someone_elses_password_but_not_their_own() {
    let app = spawn(&[]).await;
    let admin = app.client_for("admin").await;
    let clerk = app.client_for("jwc.clerk").await;
    let clerk_id = user_id(&app, &admin, "jwc.clerk").await;
    let own_id = user_id(&app, &admin, "admin").await;
    let reset = |id: &str| json!({ "id": id, "new_password": "reset by the admin" });

    let done = app
        .post_json(&admin, "/api/admin/users/reset_password", reset(&clerk_id))
        .await;
    assert_eq!(done.status(), 200);
    assert_eq!(
        app.session_user(&clerk).await,
        None,
        "the clerk's sessions ended"
    );
    assert_eq!(
        app.sign_in(&new_client(), "jwc.clerk", "reset by the admin")
            .await
            .status(),
        200
    );

    let own = app
        .post_json(&admin, "/api/admin/users/reset_password", reset(&own_id))
        .await;
    assert_eq!(own.status(), 403);
}
