import { expect, test } from "@playwright/test";
import { hydrated, signIn } from "./helpers";

const everyPlace = [
  "工作台",
  "我的待办",
  "项目看板",
  "项目",
  "信息系统名录",
  "变更管理",
  "制度与目录",
  "用户管理",
  "部门管理",
  "我的账户",
];

// Administrators manage accounts and departments; they take no part in
// projects, so they have no inbox, board or change requests.
const projectWork = ["工作台", "我的待办", "项目看板", "项目", "信息系统名录", "变更管理", "制度与目录", "我的账户"];

const roles: Array<{ user: string; sees: string[] }> = [
  { user: "admin", sees: ["工作台", "项目", "信息系统名录", "制度与目录", "用户管理", "部门管理", "我的账户"] },
  { user: "jwc.clerk", sees: projectWork },
  { user: "it.head", sees: projectWork },
  { user: "contractor", sees: projectWork },
];

for (const { user, sees } of roles) {
  test(`${user} sees the navigation of their roles`, async ({ page }) => {
    await signIn(page, user);
    const nav = page.getByRole("navigation", { name: "主导航" });

    for (const place of everyPlace) {
      const link = nav.getByRole("link", { name: place, exact: true });
      if (sees.includes(place)) {
        await expect(link).toBeVisible();
      } else {
        await expect(link).toHaveCount(0);
      }
    }
  });
}

test("a clerk who opens an administration page is told they may not", async ({ page }) => {
  await signIn(page, "jwc.clerk");
  const response = await page.goto("/admin/users");

  expect(response?.status()).toBe(403);
  await expect(page.getByRole("alert")).toHaveText("您没有权限进行此操作。");
});

test("the interface switches to English and back, and remembers", async ({ page }) => {
  await signIn(page, "it.clerk");
  await hydrated(page);

  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("link", { name: "Home", exact: true })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");

  await page.getByRole("link", { name: "简体中文" }).click();
  await expect(page.getByRole("link", { name: "工作台", exact: true })).toBeVisible();
});

test("the navigation fits a phone without sideways scrolling of the page", async ({ page }) => {
  await signIn(page, "admin");
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  const viewport = page.viewportSize();

  expect(pageWidth).toBeLessThanOrEqual(viewport?.width ?? 0);
});
