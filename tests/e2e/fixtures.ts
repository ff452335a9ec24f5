/**
 * Shared e2e fixtures: per worker, the real reference platform (in-memory SQLite, 500 random subjects
 * plus the showcase) and the web build served with a config.json pointing at it; per test, a fresh
 * browser context (fresh IndexedDB) with a page that has enrolled a terminal and logged in as the
 * demo clerk. Helpers drive the UI the way a clerk does: keyboard first.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { SupervisionDashboard } from '../../shared/contract';
import { startPlatform } from '../../platform/server';
import { SHOWCASE } from '../../platform/seed/showcase';
import { serveStatic, type RunningStaticServer } from '../support/staticServer';

export { expect, SHOWCASE };

const WEB_BUILD = fileURLToPath(new URL('../../dist/web', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

type Platform = Awaited<ReturnType<typeof startPlatform>>;

export interface Terminal {
  /** The terminal id the app enrolled as (read from the settings screen). */
  id: string;
}

interface WorkerFixtures {
  platform: Platform;
  web: RunningStaticServer & { config: { platformUrl: string } };
}

interface TestFixtures {
  /** A page at the check screen: terminal enrolled, demo clerk logged in, list data synced. */
  clerk: Page;
}

export const DEMO_CLERK = { id: 'c001', password: 'demo1234', name: '王晓燕' };
export const DEMO_SUPERVISOR = { id: 's001', password: 'demo1234', name: '刘建国' };
export const DEMO_IT = { id: 'i001', password: 'demo1234', name: '赵立新' };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // The web build is served first: the platform allows only its origin (CORS), and the build's
  // config.json learns the platform's address once it runs.
  web: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const config = { platformUrl: '' };
      const web = await serveStatic({ root: WEB_BUILD, json: { '/config.json': config } });
      await use(Object.assign(web, { config }));
      await web.close();
    },
    { scope: 'worker' },
  ],
  platform: [
    async ({ web }, use) => {
      const platform = await startPlatform({
        port: 0,
        db: ':memory:',
        subjects: 500,
        testControls: true,
        logger: false,
        corsOrigins: [web.url],
      });
      web.config.platformUrl = platform.url;
      await use(platform);
      await platform.close();
    },
    { scope: 'worker' },
  ],
  clerk: async ({ page, web, platform }, use) => {
    await enrol(page, web.url, platform.enrolmentCode);
    await login(page, DEMO_CLERK);
    await waitForListData(page);
    await use(page);
  },
});

/** First run: the enrolment screen, filled in by IT. */
export async function enrol(page: Page, webUrl: string, enrolmentCode: string, terminalName = '市民中心三楼 12 号窗口'): Promise<void> {
  await page.goto(webUrl);
  await expect(page.getByText('终端注册').first()).toBeVisible();
  await page.getByLabel('注册码').fill(enrolmentCode);
  await page.getByLabel('终端名称').fill(terminalName);
  await page.getByRole('button', { name: '注册终端' }).click();
  await expect(page.getByText('操作员登录')).toBeVisible();
}

export async function login(page: Page, operator: { id: string; password: string }): Promise<void> {
  await page.getByLabel('工号').fill(operator.id);
  await page.getByLabel('密码').fill(operator.password);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByTestId('operator')).toBeVisible();
}

/** The first pull has finished: the status bar shows a data age instead of "never synced". */
export async function waitForListData(page: Page): Promise<void> {
  await expect(page.getByTestId('status-age')).not.toContainText('尚未同步', { timeout: 30_000 });
}

/** The terminal id, from the settings screen (then back to the check screen). */
export async function terminalId(page: Page): Promise<string> {
  await page.getByRole('button', { name: '设置' }).click();
  const id = (await page.getByTestId('settings').locator('.mono').first().textContent())?.trim() ?? '';
  await page.getByRole('button', { name: '信用核查' }).click();
  expect(id).not.toBe('');
  return id;
}

/** 查询事由: pick the matter by typing its code into the searchable select, then the case number. */
/**
 * Picks a matter by keyboard: types `query` into the matter field, waits for the first option to show
 * it, and presses Enter. The app moves on to the first empty field on its next tick (the case number,
 * or the lookup field when the previous case number is still there and fits); this returns once that
 * move is done, so what the caller types next cannot land wherever the focus happens to be under load.
 */
export async function pickMatter(page: Page, query: string): Promise<void> {
  const select = page.locator('#purpose-matter');
  await select.click();
  await select.fill(query);
  await expect(page.locator('.ant-select-item-option').first()).toContainText(query);
  await select.press('Enter');
  await expect(select).not.toBeFocused();
}

export async function choosePurpose(page: Page, matterCode: string, caseNo: string): Promise<void> {
  await pickMatter(page, matterCode);
  const caseField = page.getByLabel('办件编号');
  if ((await caseField.inputValue()) === '') await expect(caseField).toBeFocused();
  await caseField.fill(caseNo);
  await caseField.press('Enter');
  await expect(page.locator('#lookup-input')).toBeEnabled();
  await expect(page.locator('#lookup-input')).toBeFocused();
}

/** Types like an ID card reader (fast keystrokes, then Enter) into the lookup field. */
export async function swipe(page: Page, identifier: string): Promise<void> {
  const input = page.locator('#lookup-input');
  await input.focus();
  await input.pressSequentially(identifier, { delay: 5 });
  await input.press('Enter');
}

/** A lookup that must end in a result; returns the banner. */
export async function lookUp(page: Page, identifier: string): Promise<Locator> {
  await swipe(page, identifier);
  const banner = page.getByTestId('result-banner');
  await expect(banner).toBeVisible({ timeout: 20_000 });
  return banner;
}

/** Leaving a check with an undecided MUST measure asks first: answer with a reason (recorded as DEFERRED). */
export async function deferOnLeave(page: Page, reason = '申请人需补交材料，稍后再定'): Promise<void> {
  const dialog = page.getByRole('dialog', { name: '应当实施的措施尚未反馈' });
  await dialog.getByLabel('暂缓原因').fill(reason);
  await dialog.getByRole('button', { name: '记录暂缓并离开' }).click();
  await expect(dialog).toBeHidden();
}

export function measure(page: Page, code: string): Locator {
  return page.locator(`[data-testid="measure"][data-code="${code}"]`);
}

export async function decide(page: Page, code: string, decision: '已实施' | '未实施' | '采取其他措施'): Promise<void> {
  await measure(page, code).getByLabel(decision, { exact: true }).check();
}

/**
 * Screenshots for the review of every screen (tests/e2e/screenshots, gitignored): `<name>.png` is the
 * 1366×768 viewport the clerk sees; `<name>-full.png` the whole page, with the fixed status bar placed
 * at the end of the page (a full-page capture would otherwise paint it across the middle).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, animations: 'disabled' });
  const tall = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight);
  if (tall) {
    await page.screenshot({
      path: `${SCREENSHOTS}${name}-full.png`,
      fullPage: true,
      animations: 'disabled',
      style: '.app-root { position: relative; } .status-bar { position: absolute !important; }',
    });
  }
}

/** Mutations the platform has received from a terminal (test controls). */
export async function mutations(platformUrl: string, terminal: string): Promise<Array<{ id: string; kind: string; body: unknown }>> {
  const response = await fetch(`${platformUrl}/__test/mutations?terminalId=${encodeURIComponent(terminal)}`);
  expect(response.ok).toBe(true);
  const json = (await response.json()) as
    { mutations?: Array<{ id: string; kind: string; body: unknown }> } | Array<{ id: string; kind: string; body: unknown }>;
  return Array.isArray(json) ? json : (json.mutations ?? []);
}

/**
 * The supervision dashboard as the platform answers it to the demo supervisor, signed in over HTTP on a
 * terminal of its own (query: from, to, department, matter, terminal).
 */
export async function supervisionDashboard(platform: Platform, query: Record<string, string>): Promise<SupervisionDashboard> {
  const api = `${platform.url}/api/v1`;
  const headers = { 'X-Client-Version': '0.1.0', 'Content-Type': 'application/json' };
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${api}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect(response.ok).toBe(true);
    return (await response.json()) as Record<string, unknown>;
  };
  const terminal = await post('/terminals', { enrolmentCode: platform.enrolmentCode, name: '督查接口' });
  const session = await post('/sessions', { ...terminal, operatorId: DEMO_SUPERVISOR.id, password: DEMO_SUPERVISOR.password });
  const response = await fetch(`${api}/supervisor/dashboard?${new URLSearchParams(query).toString()}`, {
    headers: { ...headers, Authorization: `Bearer ${String(session.token)}` },
  });
  expect(response.ok).toBe(true);
  return SupervisionDashboard.parse(await response.json());
}

/** No horizontal scroll at the counter resolution. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * axe-core over the whole page as it stands (open dialogs and drawers included): any serious or
 * critical violation fails the test, listed with the rule and the elements it names.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')).join('\n  ')}`,
    );
  expect(blocking, `axe on ${screen}`).toEqual([]);
}

/** Icon names antd writes into accessible names when an icon is not hidden from assistive technology. */
export const ENGLISH_ICON_WORDS =
  /\b(left|right|double-left|double-right|close|close-circle|clear|search|lock|logout|setting|audit|safety-certificate|printer|reload|eye|loading|down|check|info-circle|exclamation-circle|warning|sync|inbox|database|cloud-server|disconnect|calendar|file-text|arrow-left)\b/i;

/** Every control's (and image's, and notice's) accessible name on the page, read from the accessibility tree's role snapshot. */
export async function controlNames(page: Page): Promise<string[]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  return snapshot
    .split('\n')
    .map((line) =>
      /^\s*- (button|link|textbox|combobox|checkbox|radio|tab|menuitem|switch|status|region|navigation|listitem|img|alert) "([^"]*)"/.exec(
        line,
      ),
    )
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]} "${m[2]}"`);
}

/** No control, image or notice on the page is named with an English icon name. */
export async function expectChineseNames(page: Page, screen: string): Promise<void> {
  const english = (await controlNames(page)).filter((name) => ENGLISH_ICON_WORDS.test(name));
  expect(english, `English icon names on ${screen}`).toEqual([]);
}
