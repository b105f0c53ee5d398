import { expect, test } from "@playwright/test";
import { hydrated, signIn, signOut } from "./helpers";

test("a clerk applies for a project and sees the approver as the budget is typed", async ({
  page,
}, testInfo) => {
  const name = `学工一体化平台（${testInfo.project.name}）`;
  await signIn(page, "xsc.clerk");
  await page.getByRole("link", { name: "项目", exact: true }).click();
  await page.getByRole("link", { name: "新建项目申报" }).click();
  await hydrated(page);

  await page.getByLabel("项目名称").fill(name);
  await page.getByLabel("项目分类（附件 1）").selectOption("1-07");
  await page.getByLabel("系统接入互联网（含校园网）").check();
  await expect(page.getByText("据此，本项目属于：非公共服务和业务管理信息系统项目")).toBeVisible();
  await page.getByLabel("用户范围超出建设单位或科研项目团队").check();
  await expect(page.getByText("据此，本项目属于：公共服务和业务管理信息系统项目")).toBeVisible();

  const budget = page.getByLabel("项目预算（元）");
  await budget.fill("3万");
  await expect(page.getByText("业务部门自行审批（部门负责人）")).toBeVisible();
  await budget.fill("60万");
  await expect(page.getByText("校长办公会审批")).toBeVisible();
  await budget.fill("12.345");
  await expect(page.getByText("金额最多保留两位小数（分）。")).toBeVisible();
  await budget.fill("600,000");

  // Submitting with fields missing names each of them, and sends nothing.
  await page.getByRole("button", { name: "提交申报" }).click();
  await expect(page.getByText("请至少选择一项申报依据。")).toBeVisible();
  await expect(page.getByText("请填写联系人。")).toBeVisible();

  await page.getByLabel("部门业务需要").check();
  await page.getByLabel("依据说明").fill("学生事务线上办理的需要。");
  await page.getByLabel("建设目标").fill("迎新、奖助、离校一网通办。");
  await page.getByLabel("建设范围和使用对象").fill("全校学生与辅导员。");
  await page.getByLabel("预计上线日期").fill("2099-09-01");
  await page.getByLabel("联系人").fill("黄丽");
  await page.getByLabel("联系电话").fill("13800138000");
  await page.getByRole("button", { name: "提交申报" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.locator(".stage-current")).toHaveText("前期调研");
  await expect(page.getByText("校长办公会审批")).toBeVisible();

  // Another department does not see it.
  await signOut(page);
  await signIn(page, "jwc.clerk");
  await page.goto("/projects");
  await expect(page.getByRole("link", { name })).toHaveCount(0);
});

test("a half-filled application survives a reload and is gone once sent", async ({ page, isMobile }) => {
  test.skip(isMobile, "the same form on both; once is enough");
  await signIn(page, "xsc.clerk");
  await page.goto("/projects/new");
  await hydrated(page);
  await page.getByLabel("项目名称").fill("宿舍报修系统");
  await page.getByLabel("建设目标").fill("报修全流程线上办理。");
  await expect(page.getByRole("status").filter({ hasText: "草稿已于" })).toBeVisible();

  await page.reload();
  await hydrated(page);
  await expect(page.getByLabel("项目名称")).toHaveValue("宿舍报修系统");
  await expect(page.getByLabel("建设目标")).toHaveValue("报修全流程线上办理。");
  await expect(page.getByRole("status").filter({ hasText: "草稿已于" })).toBeVisible();

  await page.getByLabel("项目分类（附件 1）").selectOption("1-07");
  await page.getByLabel("项目预算（元）").fill("12000");
  await page.getByLabel("部门业务需要").check();
  await page.getByLabel("依据说明").fill("学生宿舍报修量大。");
  await page.getByLabel("建设范围和使用对象").fill("全体住校学生。");
  await page.getByLabel("预计上线日期").fill("2099-09-01");
  await page.getByLabel("联系人").fill("赵六");
  await page.getByLabel("联系电话").fill("020-87654321");
  await page.getByRole("button", { name: "提交申报" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("宿舍报修系统");

  await page.goto("/projects/new");
  await hydrated(page);
  await expect(page.getByLabel("项目名称")).toHaveValue("");
});
