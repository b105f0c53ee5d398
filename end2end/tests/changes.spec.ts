import { expect, type Page, test } from "@playwright/test";
import { hydrated, signIn, signOut } from "./helpers";

// A change to a system in the register, from the department's request to
// the IT centre's registration, signing in as each party of DESIGN §4 in
// turn; then the printed form with its four sign-off boxes filled.

async function openAs(page: Page, user: string, url: string) {
  if (await page.getByRole("button", { name: "退出登录" }).isVisible()) await signOut(page);
  await signIn(page, user);
  await page.goto(url);
  await hydrated(page);
}

/** Takes the decision offered by `decision` and waits for the next step. */
async function decide(page: Page, decision: string, opinion: string) {
  const chip = page.locator("h1 + p .chip");
  const before = (await chip.textContent()) ?? "";
  await page.locator("#change-opinion").fill(opinion);
  await page.locator(`.decision button[data-decision="${decision}"]`).click();
  await expect(chip).not.toHaveText(before);
}

test.describe("change requests", () => {
  test.skip(({ isMobile }) => isMobile, "the whole flow runs on the desktop");

  test("a change runs from the request to registration and prints with its sign-offs", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, "jwc.clerk");
    await page.goto("/systems");
    await hydrated(page);
    await page.getByRole("link", { name: "成绩管理系统" }).first().click();
    await page.getByRole("link", { name: "申请变更" }).click();
    await hydrated(page);
    await page.getByLabel("执行日期及时间").fill("2099-03-02T09:00");
    await page.getByLabel("用户方变更").check();
    await page.getByLabel("需求增加").check();
    await page.getByLabel("软件变更", { exact: true }).check();
    await page.getByLabel("新增功能").check();
    await page.getByLabel("变更原因").fill("教务处新规定要求成绩可在线复核。");
    await page.getByLabel("变更内容描述").fill("增加成绩复核模块。");
    await page.getByLabel("变更影响").fill("成绩模块停机两小时。");
    await page.getByRole("button", { name: "提交，交业务部门负责人签字" }).click();
    await expect(page).toHaveURL(/\/changes\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/BG-\d{4}-\d{4}/);
    const url = new URL(page.url()).pathname;

    await openAs(page, "jwc.head", url);
    await decide(page, "approve", "同意变更。");
    await openAs(page, "it.head", url);
    await decide(page, "approve", "建议先在测试环境验证。");
    await openAs(page, "vp.wang", url);
    await decide(page, "approve", "同意实施。");
    await openAs(page, "contractor", url);
    await decide(page, "execute", "已完成复核模块上线。");

    await openAs(page, "jwc.clerk", url);
    await page.locator('.uploader input[type="file"]').setInputFiles({
      name: "用户测试报告.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n用户测试报告\n"),
    });
    await expect(page.getByRole("link", { name: "用户测试报告.pdf" })).toBeVisible();
    await page.locator("#change-training").fill("培训教务员 8 人。");
    await decide(page, "pass", "测试通过。");

    await openAs(page, "it.clerk", url);
    await decide(page, "register", "已登记归档。");
    await expect(page.locator("h1 + p .chip")).toHaveText(/已登记归档/);

    await page.goto(`${url}/print`);
    await hydrated(page);
    for (const box of ["executor", "department_head", "it_head", "leader"]) {
      await expect(page.locator(`.sign-box[data-box="${box}"]`)).toHaveAttribute("data-filled", "true");
    }
    await expect(page.locator('.sign-box[data-box="leader"]')).toContainText("同意实施。");
    await expect(page.locator('.sign-box[data-box="executor"]')).toContainText("蓝海软件");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".print-controls")).toBeHidden();
    await expect(page.locator(".topbar")).toBeHidden();
    await page.screenshot({ path: test.info().outputPath("change-print.png"), fullPage: true });
  });
});
