import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { serveStatic, type RunningStaticServer } from '../support/staticServer';
import { choosePurpose, DEMO_CLERK, login, lookUp, SHOWCASE, test as clerkTest, waitForListData } from './fixtures';

// The PWA build (`vite build` → dist/web) served over http, as an intranet web server would.
const webBuild = fileURLToPath(new URL('../../dist/web', import.meta.url));
let server: RunningStaticServer;
const WEB_CONFIG = { platformUrl: 'http://127.0.0.1:9', terminalName: '离线测试窗口' };

test.beforeAll(async () => {
  server = await serveStatic({ root: webBuild, json: { '/config.json': WEB_CONFIG } });
});
test.afterAll(async () => {
  await server.close();
});

/** Waits until the app has registered its service worker and it controls the page. */
async function controlledByServiceWorker(page: Page): Promise<void> {
  const registered = await page.evaluate(async () => {
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await navigator.serviceWorker.getRegistration()) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  });
  expect(registered, 'the app registers its service worker (renderer/src/pwa, mounted in main.tsx)').toBe(true);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Without clientsClaim the first page load stays uncontrolled; the next navigation is controlled.
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('the app shell loads offline once the service worker controls the page', async ({ page, context }) => {
  await page.goto(`${server.url}/`);
  await expect(page.getByText('信用核查窗口端').first()).toBeVisible();
  await controlledByServiceWorker(page);

  const manifest = await page.evaluate(async () => (await fetch('./manifest.webmanifest')).json());
  expect(manifest).toMatchObject({ name: '信用核查窗口端', short_name: '信用核查', lang: 'zh-CN' });

  // The managed config.json is fetched network-first and kept for offline starts.
  const readConfig = () => page.evaluate(async () => (await fetch('./config.json', { cache: 'no-store' })).json());
  expect(await readConfig()).toEqual(WEB_CONFIG);

  await context.setOffline(true);
  await page.reload();
  await expect(page).toHaveTitle('信用核查窗口端');
  await expect(page.getByText('信用核查窗口端').first()).toBeVisible();

  expect(await readConfig()).toEqual(WEB_CONFIG);

  // A deep link is answered by the navigation fallback (the shell) while offline…
  await page.goto(`${server.url}/some/route`);
  await expect(page).toHaveTitle('信用核查窗口端');

  // …but the platform API never is: /api/ requests and navigations go to the network, and fail offline.
  const apiResult = await page.evaluate(async () => {
    try {
      const response = await fetch('./api/v1/catalog');
      return `status ${response.status}`;
    } catch {
      return 'network error';
    }
  });
  expect(apiResult).toBe('network error');
  const cachedApi = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls.filter((url) => url.includes('/api/'));
  });
  expect(cachedApi).toEqual([]);
  await expect(page.goto(`${server.url}/api/v1/catalog`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
  await context.setOffline(false);
});

clerkTest(
  'offline, the reloaded app lets the clerk log in from the cached verifier and answers lookups from the cache',
  async ({ clerk: page, context }) => {
    await controlledByServiceWorker(page);
    await backAtTheCounter(page);

    await context.setOffline(true);
    await page.reload();
    // The shell came from the service worker; the session did not survive the reload: log in offline.
    await expect(page.getByText('操作员登录')).toBeVisible({ timeout: 20_000 });
    await login(page, DEMO_CLERK);
    await expect(page.getByTestId('status-online')).toHaveAttribute('data-online', 'false', { timeout: 15_000 });

    await choosePurpose(page, 'PX-MF', 'BJ-2026-PWA1');
    const banner = await lookUp(page, SHOWCASE.courtDishonestPerson.identifier);
    await expect(banner).toHaveAttribute('data-result', 'BLACK');
    await expect(page.getByTestId('result-source')).toHaveAttribute('data-source', 'offline');
    await context.setOffline(false);
  },
);

/** After a reload the app is either still at the check screen or asks the operator to log in again. */
async function backAtTheCounter(page: Page): Promise<void> {
  const loginTitle = page.getByText('操作员登录');
  const operator = page.getByTestId('operator');
  await expect(loginTitle.or(operator).first()).toBeVisible({ timeout: 20_000 });
  if (await loginTitle.isVisible()) await login(page, DEMO_CLERK);
  await waitForListData(page);
}
