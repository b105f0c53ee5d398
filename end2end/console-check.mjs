import { chromium } from "@playwright/test";
const [user, path] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking"] });
const p = await b.newPage();
const t0 = Date.now();
p.on("console", m => { if (m.type() === "error" && !m.text().includes("inline style")) console.log(Date.now()-t0, "CONSOLE", m.text().slice(0, 600)); });
await p.goto("http://127.0.0.1:3107/sign-in");
await p.getByLabel("用户名").fill(user);
await p.getByLabel("密码").fill("isflow-demo");
await p.getByRole("button", { name: "登录", exact: true }).click();
await p.waitForTimeout(2000);
await p.goto("http://127.0.0.1:3107" + path);
try { await p.locator("body[data-hydrated]").waitFor({ state: "attached", timeout: 15000 }); console.log(Date.now()-t0, "hydrated"); } catch (e) { console.log("not hydrated"); }
await b.close();
