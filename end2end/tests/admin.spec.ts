import { expect, test } from "@playwright/test";
import { hydrated, signIn, signOut } from "./helpers";

const VP_CHEN = "陈卫东（分管副校长）";

// These tests change shared demo data, so they run once, on the desktop.
test.beforeEach(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "changes shared data; runs once");
});

test("an administrator creates a user, who signs in, then disables them", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/users/new");
  await hydrated(page);

  // Checked as typed, before anything is sent.
  await page.getByLabel("用户名").fill("Zh");
  await expect(page.getByText("用户名至少 3 个字符。")).toBeVisible();
  await page.getByLabel("用户名").fill("wang.e2e");
  await page.getByLabel("姓名").fill("王测试");
  await page.getByLabel("部门", { exact: true }).selectOption({ label: "JWC 教务处" });
  await page.getByLabel("业务部门经办").check();
  await page.getByLabel("初始密码").fill("a long first password");
  await page.getByRole("button", { name: "保存" }).click();

  await expect(page).toHaveURL(/\/admin\/users\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("王测试");
  await signOut(page);

  await signIn(page, "wang.e2e", "a long first password");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("您好，王测试");
  await signOut(page);

  await signIn(page, "admin");
  await page.goto("/admin/users");
  await hydrated(page);
  await page.getByLabel("按姓名、用户名或部门筛选").fill("wang.e2e");
  await page.getByRole("link", { name: "王测试" }).click();
  await hydrated(page);
  await page.getByLabel(/允许登录/).uncheck();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存。");
  await signOut(page);

  await page.goto("/sign-in");
  await page.getByLabel("用户名").fill("wang.e2e");
  await page.getByLabel("密码").fill("a long first password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("用户名或密码不正确。");
});

test("an administrator assigns a department's supervising vice president", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/departments");
  await page.getByRole("link", { name: "学生工作处" }).click();
  await hydrated(page);

  await page.getByLabel("分管校领导").selectOption({ label: "王建国（分管副校长）" });
  await page.getByRole("button", { name: "保存" }).click();

  await expect(page).toHaveURL(/\/admin\/departments$/);
  const row = page.getByRole("row", { name: /学生工作处/ });
  await expect(row).toContainText("王建国（分管副校长）");

  // Put back as it was: later tests have 学生工作处's budgets approved by
  // its own vice president.
  await page.getByRole("link", { name: "学生工作处" }).click();
  await hydrated(page);
  await page.getByLabel("分管校领导").selectOption({ label: VP_CHEN });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("row", { name: /学生工作处/ })).toContainText(VP_CHEN);
});

test("a user changes their own password and signs in with the new one", async ({ page }) => {
  await signIn(page, "control");
  await page.goto("/account");
  await hydrated(page);

  await page.getByLabel("当前密码").fill("isflow-demo");
  await page.getByLabel("新密码", { exact: true }).fill("short");
  await expect(page.getByText("密码至少 10 个字符。")).toBeVisible();
  await page.getByLabel("新密码", { exact: true }).fill("control room 2026");
  await page.getByLabel("再次输入新密码").fill("control room 2026");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByRole("status")).toContainText("密码已修改");
  await signOut(page);

  await signIn(page, "control", "control room 2026");
});
