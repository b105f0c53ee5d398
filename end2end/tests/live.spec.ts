import { expect, type Browser, test } from "@playwright/test";
import { hydrated, signIn } from "./helpers";

// Two people at two browsers: what one does shows at the other's without
// a reload; a browser that loses its connection says so, reconnects by
// itself and catches up.

async function personAt(browser: Browser, user: string, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  await page.goto(url);
  await hydrated(page);
  return { context, page };
}

test.describe("live updates", () => {
  test.skip(({ isMobile }) => isMobile, "two desktop browsers side by side");

  test("an approval moves the other's board card and inbox badge within a second", async ({
    browser,
  }) => {
    const watcher = await personAt(browser, "it.clerk", "/board");
    const card = (stage: string) =>
      watcher.page.locator(`.board-column[data-stage="${stage}"] .board-card`, {
        hasText: "课程思政案例库",
      });
    await expect(card("initiation_approval")).toBeVisible();
    const badge = watcher.page.locator(".mainnav .badge");
    const before = Number((await badge.textContent()) ?? "0");

    const head = await personAt(browser, "it.head", "/projects");
    await head.page.getByRole("link", { name: "课程思政案例库" }).click();
    await hydrated(head.page);
    await head.page.getByLabel("意见").fill("同意立项。");
    await head.page.locator(".decision").getByRole("button", { name: "批准", exact: true }).click();
    await expect(head.page.locator(".stage-current")).toHaveText("可行性论证");

    // The feasibility review is the IT centre clerk's to organise.
    await expect(card("feasibility")).toBeVisible({ timeout: 1_000 });
    await expect(badge).toHaveText(String(before + 1), { timeout: 1_000 });
    await watcher.context.close();
    await head.context.close();
  });

  test("a browser that goes offline says so and catches up when back", async ({ browser }) => {
    const watcher = await personAt(browser, "xsc.clerk", "/board");
    await expect(watcher.page.locator(".offline")).toHaveCount(0);

    await watcher.context.setOffline(true);
    await expect(watcher.page.locator(".offline")).toBeVisible({ timeout: 10_000 });

    // Meanwhile the department head approves a budget the clerk watches.
    const head = await personAt(browser, "xsc.head", "/inbox");
    await head.page.getByRole("link", { name: "学生证件照采集系统" }).first().click();
    await hydrated(head.page);
    await head.page.getByLabel("意见").fill("同意。");
    await head.page.locator(".decision").getByRole("button", { name: "批准", exact: true }).click();
    await expect(head.page.locator(".stage-current")).not.toHaveText("预算审批");

    await watcher.context.setOffline(false);
    await expect(watcher.page.locator(".offline")).toHaveCount(0, { timeout: 15_000 });
    await expect(
      watcher.page.locator('.board-column[data-stage="working_group"] .board-card', {
        hasText: "学生证件照采集系统",
      }),
    ).toBeVisible({ timeout: 5_000 });
    await watcher.context.close();
    await head.context.close();
  });
});
