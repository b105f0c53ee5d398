import { expect, type Page, test } from "@playwright/test";
import { hydrated, signIn, signOut } from "./helpers";

// Whole lives of projects through the interface, signing in as each person
// the policy names in turn. Desktop only: the phone has its own tests of
// the inbox and the board below, and the forms are the same.

const PEOPLE = {
  itDev: "周杰（软件开发员）",
  itHead: "吴敏（信息中心主任）",
  control: "罗兰（内控管理岗）",
  clerk: "李明（教务处经办）",
  contractor: "蓝海软件（承建单位）",
  expert: "冯教授（论证专家）",
};

/** Opens the project page as `user`, ready to work. */
async function openAs(page: Page, user: string, url: string) {
  if (await page.getByRole("button", { name: "退出登录" }).isVisible()) await signOut(page);
  await signIn(page, user);
  await page.goto(url);
  await hydrated(page);
}

/** The form of one output on the current stage's card. */
function outputForm(page: Page, output: string) {
  return page.locator("details.output", { hasText: `填报${output}` });
}

async function openForm(page: Page, output: string) {
  const form = outputForm(page, output);
  if ((await form.getAttribute("open")) === null) await form.locator("summary").click();
  return form;
}

/** Files a report-like output with a summary. */
async function fileText(page: Page, output: string, text: string) {
  await fileFields(page, output, (form) => form.getByLabel("内容摘要").fill(text));
}

/** Fills an output's form, submits it and waits until the entry shows. */
async function fileFields(
  page: Page,
  output: string,
  fill: (form: ReturnType<typeof outputForm>) => Promise<void>,
) {
  const entries = page.locator(".entry-head strong", { hasText: new RegExp(`^${output}$`) });
  const before = await entries.count();
  const form = await openForm(page, output);
  await fill(form);
  await form.getByRole("button", { name: "提交", exact: true }).click();
  await expect(entries).toHaveCount(before + 1);
}

/** Takes a decision and waits for the project to leave the stage. */
async function decide(page: Page, button: string, opinion = "") {
  const stage = (await page.locator(".stage-current").textContent()) ?? "";
  if (opinion) await page.getByLabel("意见").fill(opinion);
  await page.locator(".decision").getByRole("button", { name: button, exact: true }).click();
  await expect(page.locator(".stage-current")).not.toHaveText(stage);
}

async function startProject(page: Page, name: string, budget: string) {
  await signIn(page, "jwc.clerk");
  await page.goto("/projects/new");
  await hydrated(page);
  await page.getByLabel("项目名称").fill(name);
  await page.getByLabel("项目分类（附件 1）").selectOption("2-05");
  await page.getByLabel("系统接入互联网（含校园网）").check();
  await page.getByLabel("用户范围超出建设单位或科研项目团队").check();
  await page.getByLabel("项目预算（元）").fill(budget);
  await page.getByLabel("学校信息化发展规划").check();
  await page.getByLabel("依据说明").fill("落实学校信息化发展规划。");
  await page.getByLabel("建设目标").fill("教学质量数据统一监测。");
  await page.getByLabel("建设范围和使用对象").fill("全校教师与教学管理人员。");
  await page.getByLabel("预计上线日期").fill("2099-09-01");
  await page.getByLabel("联系人").fill("李明");
  await page.getByLabel("联系电话").fill("020-12345678");
  await page.getByRole("button", { name: "提交申报" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  return page.url();
}

/** Research to evaluation, with the budget approved by `approve`. */
async function runLifecycle(page: Page, url: string, budget: string, approve: (page: Page) => Promise<void>) {
  // 1 research
  await openAs(page, "jwc.clerk", url);
  await fileText(page, "信息化项目建设方案书", "建设方案书已编制。");
  await decide(page, "完成本阶段");
  // 2 initiation
  await openAs(page, "it.dev", url);
  await fileText(page, "修改后的项目申报表", "已按信息中心意见修改。");
  await fileText(page, "立项草案", "立项草案。");
  await decide(page, "完成本阶段");
  // 3 initiation approval
  await openAs(page, "it.head", url);
  await decide(page, "批准", "同意立项。");
  // 4 feasibility: invite the expert, who gives an opinion
  await openAs(page, "it.clerk", url);
  await page.locator("details.output", { hasText: "邀请论证专家" }).locator("summary").click();
  await page.getByLabel(PEOPLE.expert).check();
  await page.getByRole("button", { name: "发送邀请" }).click();
  await expect(page.locator("dl.facts.card")).toContainText(PEOPLE.expert);
  await openAs(page, "expert", url);
  await fileText(page, "专家论证意见", "技术路线可行，建议通过。");
  await openAs(page, "it.clerk", url);
  await decide(page, "通过", "论证通过。");
  // 5 registry
  await fileFields(page, "入库编号", (f) => f.getByLabel("编号").fill("XXH-2026-101"));
  await fileFields(page, "项目组", async (f) => {
    await f.getByLabel(PEOPLE.itDev).check();
    await f.getByLabel(PEOPLE.control).check();
    await f.getByLabel(PEOPLE.clerk).check();
  });
  await fileText(page, "定稿的项目建设方案", "方案定稿。");
  await fileFields(page, "项目预算金额", (f) => f.getByLabel("金额（元）").fill(budget));
  await decide(page, "完成本阶段");
  // 6 budget approval, by whoever the amount names
  await approve(page);
  // 7 working group
  await openAs(page, "it.head", url);
  await fileFields(page, "项目工作组", async (f) => {
    await f.getByLabel(PEOPLE.itHead).check();
    await f.getByLabel(PEOPLE.itDev).check();
  });
  await fileFields(page, "项目负责人", (f) => f.getByLabel(PEOPLE.itDev).check());
  await decide(page, "完成本阶段");
  // 8 procurement
  await openAs(page, "procurement", url);
  await fileFields(page, "采购方式", (f) => f.getByLabel("采购方式").selectOption("open_tender"));
  await fileFields(page, "合同金额", (f) => f.getByLabel("金额（元）").fill(budget));
  await fileFields(page, "承建单位", async (f) => {
    await f.getByLabel("承建单位名称").fill("广州蓝海软件有限公司");
    await f.getByLabel(PEOPLE.contractor).check();
  });
  await decide(page, "完成本阶段");
  // 9 planning: the contractor writes, the clerk completes
  await openAs(page, "contractor", url);
  await fileText(page, "业务解决方案", "业务解决方案。");
  await fileText(page, "项目总体实施方案", "总体实施方案。");
  await openAs(page, "jwc.clerk", url);
  await decide(page, "完成本阶段");
  // 10 plan review by the project group
  await openAs(page, "it.dev", url);
  await fileText(page, "方案评审记录", "评审通过。");
  await decide(page, "通过", "方案可行。");
  // 11-12 implementation
  await openAs(page, "contractor", url);
  await fileText(page, "项目进度报告", "开发完成 100%。");
  await openAs(page, "jwc.clerk", url);
  await fileText(page, "监督检查记录", "按计划推进。");
  await decide(page, "完成本阶段");
  // 13 testing
  await fileText(page, "用户测试报告", "功能测试全部通过。");
  await fileText(page, "试运行记录", "试运行一个月，运行稳定。");
  await openAs(page, "it.dev", url);
  await decide(page, "完成本阶段");
  // 14 security testing
  await openAs(page, "it.security", url);
  await fileText(page, "安全检测报告", "未发现中高危漏洞。");
  await decide(page, "通过", "安全检测通过。");
  // 15 acceptance, led by the project leader
  await openAs(page, "it.dev", url);
  await fileFields(page, "验收报告", async (f) => {
    await f.getByLabel("内容摘要").fill("同意通过验收。");
    await f.getByLabel(PEOPLE.clerk).check();
    await f.getByLabel(PEOPLE.contractor).check();
  });
  await decide(page, "通过", "验收通过。");
  // 16 handover, item by item
  await openAs(page, "it.clerk", url);
  for (const item of ["项目文档资料", "源代码", "用户手册"]) {
    const row = page.locator(".checklist li", { hasText: item });
    await row.getByRole("button", { name: "确认已接收" }).click();
    await expect(row).toHaveClass(/\bdone\b/);
  }
  await decide(page, "完成本阶段");
  // 17 in use: the system enters the register
  await openAs(page, "jwc.clerk", url);
  await fileFields(page, "信息系统名录登记", (f) => f.getByLabel("上线日期").fill("2026-12-01"));
  await decide(page, "完成本阶段");
  // 18 evaluation
  await openAs(page, "audit", url);
  await fileText(page, "项目评价报告", "达到建设目标。");
  await fileFields(page, "评价等级", (f) => f.getByLabel("评价等级").selectOption("good"));
  await page.locator(".decision").getByRole("button", { name: "完成本阶段" }).click();
  await expect(page.locator(".page-head .chip")).toHaveText("已完成");
  await expect(page.locator(".timeline")).toContainText("在“项目评价”阶段完成本阶段");
}

test.describe("project lifecycles", () => {
  test.skip(({ isMobile }) => isMobile, "the lifecycles run on the desktop");
  test.setTimeout(600_000);

  test("a 30,000-yuan project is approved by the department head and runs to evaluation", async ({ page }) => {
    const url = await startProject(page, "教学质量监测平台（3万）", "30000");
    await runLifecycle(page, url, "30000", async (page) => {
      await openAs(page, "jwc.head", url);
      await decide(page, "批准", "同意，部门自筹经费。");
    });
    await expect(page.locator(".timeline")).toContainText("张华（教务处处长）");
  });

  test("a 600,000-yuan project is decided by the president's office meeting", async ({ page }) => {
    const url = await startProject(page, "教学质量监测平台（60万）", "600000");
    await runLifecycle(page, url, "600000", async (page) => {
      await openAs(page, "secretary", url);
      await expect(page.locator(".decision").getByRole("button", { name: "批准" })).toBeVisible();
      await fileFields(page, "会议决议记录", async (f) => {
        await f.getByLabel("会议名称").fill("2026年第12次校长办公会");
        await f.getByLabel("会议日期").fill("2026-11-20");
        await f.getByLabel("议题编号").fill("3");
        await f.getByLabel("会议纪要（决议内容）").fill("会议研究，同意立项建设。");
        await f.locator('input[type="file"]').setInputFiles({
          name: "校长办公会纪要.pdf",
          mimeType: "application/pdf",
          buffer: Buffer.from("%PDF-1.4\n会议纪要\n"),
        });
        await expect(f.locator("select")).not.toHaveValue("");
      });
      await decide(page, "批准", "校长办公会决议同意。");
    });
    await expect(page.locator(".entries", { hasText: "会议决议记录" })).toContainText("2026年第12次校长办公会");
  });

  test("a return needs a reason and a rejection ends the project", async ({ page }) => {
    const url = await startProject(page, "课堂考勤系统", "30000");
    await openAs(page, "jwc.clerk", url);
    await fileText(page, "信息化项目建设方案书", "建设方案书。");
    await decide(page, "完成本阶段");
    await openAs(page, "it.dev", url);
    await fileText(page, "修改后的项目申报表", "已修改。");
    await fileText(page, "立项草案", "草案。");
    await decide(page, "完成本阶段");

    await openAs(page, "it.head", url);
    await page.getByLabel("退回到").selectOption("research");
    await page.locator(".decision").getByRole("button", { name: "退回", exact: true }).click();
    await expect(page.getByRole("alert")).toHaveText("请填写意见（理由）。");
    await decide(page, "退回", "建设内容需与教务系统对接，请补充。");
    await expect(page.locator(".stage-current")).toHaveText("前期调研");
    await expect(page.locator(".timeline")).toContainText("建设内容需与教务系统对接，请补充。");

    await openAs(page, "jwc.clerk", url);
    await expect(page.locator(".entry-superseded", { hasText: "信息化项目建设方案书" })).toBeVisible();
    await fileText(page, "信息化项目建设方案书", "已补充对接方案。");
    await decide(page, "完成本阶段");
    await openAs(page, "it.dev", url);
    await fileText(page, "修改后的项目申报表", "已修改。");
    await fileText(page, "立项草案", "草案。");
    await decide(page, "完成本阶段");
    await openAs(page, "it.head", url);
    await page.getByLabel("意见").fill("与现有系统重复建设。");
    await page.locator(".decision").getByRole("button", { name: "否决", exact: true }).click();
    await expect(page.locator(".page-head .chip")).toHaveText("已否决（于立项审批）");
    await expect(page.locator(".decision")).toHaveCount(0);
  });
});

test("the inbox and the board work on a phone", async ({ page, isMobile }) => {
  test.skip(!isMobile, "the phone viewport");
  await signIn(page, "jwc.head");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.locator(".badge")).toBeVisible();
  await nav.getByRole("link", { name: "我的待办", exact: true }).click();
  const item = page.locator(".inbox-item", { hasText: "排课系统优化" });
  await expect(item).toContainText("批准");

  await nav.getByRole("link", { name: "项目看板", exact: true }).click();
  await hydrated(page);
  const card = page.locator(".board-card", { hasText: "排课系统优化" });
  await card.scrollIntoViewIfNeeded();
  await card.locator(".move-menu summary").click();
  await card.getByRole("button", { name: "批准 → 成立项目工作组" }).click();
  await expect(page.locator('.board-column[data-stage="working_group"]')).toContainText("排课系统优化");
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
});

test("a card is dragged to the next stage on a desktop", async ({ page, isMobile }) => {
  test.skip(isMobile, "dragging is for a mouse");
  await signIn(page, "vp.chen");
  await page.goto("/board");
  await hydrated(page);
  const card = page.locator(".board-card", { hasText: "心理健康测评系统" });
  const target = page.locator('.board-column[data-stage="working_group"]');
  await card.dragTo(target);
  await expect(target).toContainText("心理健康测评系统");
});
