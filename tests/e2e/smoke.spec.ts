import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { serveStatic, type RunningStaticServer } from '../support/staticServer';

const webBuild = fileURLToPath(new URL('../../dist/web', import.meta.url));
let server: RunningStaticServer;

test.beforeAll(async () => {
  server = await serveStatic({ root: webBuild });
});
test.afterAll(async () => {
  await server.close();
});

test('the built renderer opens in Chromium and shows its start screen in Chinese', async ({ page }) => {
  await page.goto(server.url);
  await expect(page).toHaveTitle('信用核查窗口端');
  await expect(page.getByText('信用核查窗口端').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
