import { defineConfig, devices } from "@playwright/test";

// The server under test: the debug build on an in-memory database with the
// demo college, started by Playwright and awaited until it answers.
const port = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${port}`;
const binary = process.env.ISFLOW_BIN ?? "../target/debug/isflow";

// Debian's Chromium: Playwright's own browser download is not reachable.
const chromium = {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    launchOptions: chromium,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
    {
      name: "phone",
      use: {
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
        launchOptions: chromium,
      },
    },
  ],
  webServer: {
    command: `${binary} serve`,
    url: `${baseURL}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      ISFLOW_DB: "mem://",
      ISFLOW_DEMO: "1",
      ISFLOW_ADDRESS: `127.0.0.1:${port}`,
      ISFLOW_SITE_ROOT: process.env.ISFLOW_SITE_ROOT ?? "../target/site",
      // Many deliberate wrong passwords come from this one address.
      ISFLOW_SIGN_IN_FAILURES_PER_CLIENT: "100000",
      ISFLOW_SIGN_IN_FAILURES_PER_ACCOUNT: "1000",
      RUST_LOG: "warn",
    },
  },
});
