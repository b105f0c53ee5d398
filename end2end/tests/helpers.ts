import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "isflow-demo";

/** Signs in through the form, as a person would, and waits for home. */
export async function signIn(
  page: Page,
  userName: string,
  password = DEMO_PASSWORD,
  options: { asApp?: boolean } = {},
) {
  await page.goto("/sign-in");
  // With asApp the form is sent by the WebAssembly app, not as a plain post.
  if (options.asApp) await hydrated(page);
  await page.getByLabel("用户名").fill(userName);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("您好");
}

/** Waits until the page has been taken over by the WebAssembly app. */
export async function hydrated(page: Page) {
  await page.locator("body[data-hydrated]").waitFor({ state: "attached", timeout: 30_000 });
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}
