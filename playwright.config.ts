import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/support/chromium';

// Playwright drives the system Chromium only: no step may download a browser.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
const executablePath = findChromium();

export default defineConfig({
  // Builds dist/web and dist/harness when missing or older than their sources.
  globalSetup: './tests/support/globalSetup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  // One retry: on a shared two-core machine scheduling delay alone can time a test out. A test that
  // passes only on its retry is listed as flaky in the report, so it stays visible.
  retries: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The app honours reduced motion, so a click never lands on a dialog still zooming in.
    reducedMotion: 'reduce',
    trace: 'off',
  },
  projects: [
    { name: 'e2e', testDir: './tests/e2e', testMatch: /.*\.spec\.ts/ },
    { name: 'integration', testDir: './tests/integration-browser', testMatch: /.*\.spec\.ts/ },
    { name: 'electron', testDir: './tests/electron-e2e', testMatch: /.*\.spec\.ts/ },
  ],
});
