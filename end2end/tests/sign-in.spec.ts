import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, hydrated, signIn, signOut } from "./helpers";

test.describe("signing in with JavaScript", () => {
  test("a clerk signs in, sees their home page and signs out", async ({ page }) => {
    await signIn(page, "jwc.clerk", DEMO_PASSWORD, { asApp: true });
    await hydrated(page);

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("您好，李明（教务处经办）");
    await expect(page.getByText("教务处", { exact: true })).toBeVisible();
    await signOut(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a wrong password is refused with a message and no session", async ({ page }) => {
    await page.goto("/sign-in");
    await hydrated(page);
    await page.getByLabel("用户名").fill("jwc.clerk");
    await page.getByLabel("密码").fill("not the password");
    await page.getByRole("button", { name: "登录", exact: true }).click();

    await expect(page.getByRole("alert")).toHaveText("用户名或密码不正确。");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a page asked for before signing in opens after it", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?next=\/account/);
    await hydrated(page);
    await page.getByLabel("用户名").fill("it.clerk");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();

    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的账户");
  });
});

test.describe("signing in without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the plain form signs in and leads home", async ({ page }) => {
    await signIn(page, "xsc.clerk");

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("您好，黄丽（学生工作处经办）");
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a wrong password shows the message on the sign-in page", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("用户名").fill("nobody.here");
    await page.getByLabel("密码").fill("whatever it is");
    await page.getByRole("button", { name: "登录", exact: true }).click();

    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("alert")).toHaveText("用户名或密码不正确。");
  });
});
