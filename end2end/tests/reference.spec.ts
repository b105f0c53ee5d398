import { expect, test } from "@playwright/test";
import { hydrated, signIn } from "./helpers";

test("the approval calculator names the approver as an amount is typed", async ({ page }) => {
  await signIn(page, "jwc.clerk");
  await page.goto("/reference");
  await hydrated(page);
  const amount = page.getByLabel("输入金额，查看审批人");
  const answer = page.locator("#tier-answer");

  const cases: Array<[string, string]> = [
    ["49999.99", "业务部门自行审批"],
    ["5万", "申请部门分管校领导审批"],
    ["200,000", "校长审批"],
    ["600000", "校长办公会审批"],
    ["500万", "党委会审批"],
    ["12.345", "金额最多保留两位小数"],
  ];
  for (const [typed, approver] of cases) {
    await amount.fill(typed);
    await expect(answer).toContainText(approver);
  }
});

test("the catalogue lists the policy's systems in four classes", async ({ page }) => {
  await signIn(page, "contractor");
  await page.goto("/reference");

  await expect(page.getByRole("heading", { name: "1. 校务管理类" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "4. 综合服务类" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "教务教学管理" })).toBeVisible();
});
