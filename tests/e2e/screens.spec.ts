/**
 * The screens around the check: first run (enrol), login, lock, settings, supervisor, status bar and
 * sync panel — with a screenshot of each at 1366×768.
 */
import {
  choosePurpose,
  decide,
  DEMO_CLERK,
  DEMO_SUPERVISOR,
  enrol,
  expect,
  expectNoHorizontalScroll,
  login,
  lookUp,
  mutations,
  pickMatter,
  screenshot,
  SHOWCASE,
  terminalId,
  test,
  waitForListData,
} from './fixtures';
import { DEFAULT_TOKEN_TTL_SECONDS } from '../../platform/options';

test('first run: enrolment, then login in online mode; wrong password refused', async ({ page, web, platform }) => {
  await page.goto(web.url);
  await expect(page.getByText('终端注册').first()).toBeVisible();
  await expect(page.getByLabel('平台地址')).toHaveValue(platform.url);
  await screenshot(page, '01-enrol');
  // A wrong code is refused with a Chinese message.
  await page.getByLabel('注册码').fill('WRONG-CODE');
  await page.getByLabel('终端名称').fill('测试窗口');
  await page.getByRole('button', { name: '注册终端' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(/[\u4e00-\u9fff]/);

  await enrol(page, web.url, platform.enrolmentCode);
  await screenshot(page, '02-login');
  await page.getByLabel('工号').fill(DEMO_CLERK.id);
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('密码').fill(DEMO_CLERK.password);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByTestId('login-mode')).toHaveAttribute('data-mode', 'online');
  await expect(page.getByTestId('operator')).toContainText(DEMO_CLERK.name);
  // Enrolment is not in the clerk's way afterwards: a reload goes to the work screen or login, never enrolment.
  await page.reload();
  await expect(page.getByText('终端注册')).toHaveCount(0);
});

test('lock after the button (and inactivity policy), unlock with the password, logout', async ({ clerk: page }) => {
  await page.getByTestId('lock').click();
  await expect(page.getByText('终端已锁定').first()).toBeVisible();
  await expect(page.getByText(DEMO_CLERK.name)).toBeVisible();
  await screenshot(page, '21-lock');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('密码').fill(DEMO_CLERK.password);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByTestId('operator')).toBeVisible();

  await page.getByTestId('logout').click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('操作员登录')).toBeVisible();
});

test('offline login: the same operator logs in with the offline verifier; the mode is shown', async ({ clerk: page, context }) => {
  await page.getByTestId('logout').click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('操作员登录')).toBeVisible();
  await context.setOffline(true);
  await login(page, DEMO_CLERK);
  await expect(page.getByTestId('login-mode')).toHaveAttribute('data-mode', 'offline');
  await expect(page.getByTestId('login-mode')).toHaveText('离线登录');
  await expect(page.getByTestId('offline-session')).toBeVisible();
  await screenshot(page, '26-offline-login');
  await context.setOffline(false);
});

test('inactivity locks the terminal after the configured minutes', async ({ page, web, platform }) => {
  await page.clock.install();
  await page.clock.resume();
  await enrol(page, web.url, platform.enrolmentCode);
  await login(page, DEMO_CLERK);
  await expect(page.getByTestId('operator')).toBeVisible();
  // Default policy: lockTimeoutMinutes = 10.
  await page.clock.fastForward('09:00');
  await expect(page.getByTestId('operator')).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(page.getByText('终端已锁定').first()).toBeVisible();
  await expect(page.getByText('10 分钟无操作，已自动锁定')).toBeVisible();
  await page.getByLabel('密码').fill(DEMO_CLERK.password);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByTestId('operator')).toBeVisible();
});

test('settings: each key with its value and source; re-enrolment reachable', async ({ clerk: page }) => {
  await page.getByRole('button', { name: '设置' }).click();
  const table = page.getByTestId('config-table');
  await expect(table).toContainText('平台地址');
  await expect(table).toContainText('无操作自动锁定（分钟）');
  await expect(table).toContainText('网页配置文件');
  await expect(table).toContainText('默认值');
  // Every column says what it holds.
  for (const header of await table.getByRole('columnheader').all()) await expect(header).not.toBeEmpty();
  await expect(table.getByRole('columnheader', { name: '修改权限' })).toBeVisible();
  // No configured terminal name: the row shows the enrolled one, not "(未设置)".
  const nameRow = table.getByRole('row').filter({ hasText: '终端名称' });
  await expect(nameRow).toContainText('市民中心三楼 12 号窗口');
  await expect(nameRow).not.toContainText('未设置');
  // The language by its name, not only its code.
  await expect(table.getByRole('row').filter({ hasText: '界面语言' })).toContainText('简体中文');
  await expect(page.getByTestId('reenrol')).toBeVisible();
  await expectNoHorizontalScroll(page);
  await screenshot(page, '22-settings');
  await page.getByTestId('reenrol').click();
  await expect(page.getByText('终端注册')).toBeVisible();
  await screenshot(page, '23-reenrol');
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.getByTestId('config-table')).toBeVisible();
});

test('status bar and sync panel: online, data age, outbox; sync now', async ({ clerk: page }) => {
  const bar = page.getByTestId('status-bar');
  await expect(page.getByTestId('status-online')).toHaveAttribute('data-online', 'true');
  await expect(page.getByTestId('status-age')).toHaveAttribute('data-stale', 'false');
  await expect(bar).toContainText('F2 新查询');
  await bar.click();
  await expect(page.getByText('同步详情', { exact: true })).toBeVisible();
  await expect(page.getByText('发送失败的记录', { exact: true })).toBeVisible();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-now')).toBeEnabled();
  await screenshot(page, '24-sync-panel');
});

test("supervisor: today's checks, declined measures with reasons, audit chain verified", async ({ page, web, platform }) => {
  await enrol(page, web.url, platform.enrolmentCode, '督查终端');
  await login(page, DEMO_SUPERVISOR);
  await waitForListData(page);
  // A company with a long name, then one check with a declined measure on this terminal.
  await choosePurpose(page, 'XK-SPJY', 'XK-2026-0901');
  await lookUp(page, SHOWCASE.redCompany.identifier);
  await page.keyboard.press('F2');
  // The longest result tag (守信与失信并存).
  await choosePurpose(page, 'XK-SPJY', 'XK-2026-0902');
  await lookUp(page, SHOWCASE.redAndBlackCompany.identifier);
  await page.keyboard.press('F2');
  await choosePurpose(page, 'GG-RCGY', 'GY-2026-0900');
  await lookUp(page, SHOWCASE.haibeiDPerson.identifier);
  await decide(page, 'P-HAIBEI-D', '未实施');
  await page.locator('[data-testid="measure"][data-code="P-HAIBEI-D"]').getByTestId('decision-reason').fill('经复核材料齐全，不予从严审核');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('feedback-delivery')).toBeVisible();

  await page.getByRole('button', { name: '督查', exact: true }).click();
  await expect(page.getByTestId('supervisor-checks')).toContainText('人才公寓申请');
  await expect(page.getByTestId('supervisor-checks')).toContainText('GY-2026-0900');
  await expect(page.getByTestId('supervisor-checks')).not.toContainText(SHOWCASE.haibeiDPerson.identifier);
  // The company's name is not cut off while the matter column has room.
  // In both tables (this terminal's checks, the platform's records) the company's name and the result tag
  // stay inside their cells.
  for (const table of ['supervisor-checks', 'supervisor-platform-checks']) {
    await expect(page.getByTestId(table)).toContainText('XK-2026-0902');
    for (const text of [SHOWCASE.redCompany.name, '守信与失信并存']) {
      const cell = page.getByTestId(table).locator('td', { hasText: text }).first();
      await expect(cell).toBeVisible();
      const inside = await cell.evaluate((td) => [td, ...td.querySelectorAll('*')].every((e) => e.scrollWidth <= e.clientWidth));
      expect(inside, `${text} inside its cell in ${table}`).toBe(true);
    }
  }
  await expect(page.getByTestId('supervisor-declined')).toContainText('经复核材料齐全');
  await page.getByTestId('verify-audit').click();
  await expect(page.getByTestId('audit-result')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('audit-result')).toContainText('审计链完整');
  await expectNoHorizontalScroll(page);
  await screenshot(page, '25-supervisor');
});

test('keyboard only: F2 puts the result away and focuses the lookup field', async ({ clerk: page }) => {
  // The matter select has the focus on arrival.
  await expect(page.locator('#purpose-matter')).toBeFocused();
  await choosePurpose(page, 'PX-MF', 'BJ-2026-0010');
  await lookUp(page, SHOWCASE.cleanPerson.identifier);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('result-banner')).toHaveCount(0);
  await expect(page.locator('#lookup-input')).toBeFocused();
  await expect(page.locator('#lookup-input')).toHaveValue('');
  // Picking the same matter again with Enter moves on too: the case number is still there and fits.
  await pickMatter(page, 'PX-MF');
  await expect(page.locator('#lookup-input')).toBeFocused();
});

test('platform login expired mid-shift: answers from the cache, work queued; 联网登录 renews it and the queue drains', async ({
  clerk: page,
  platform,
}) => {
  const terminal = await terminalId(page);
  const expired = await fetch(`${platform.url}/__test/expire-sessions`, { method: 'POST' });
  expect(expired.ok).toBe(true);

  await choosePurpose(page, 'PX-MF', 'BJ-2026-RE01');
  await lookUp(page, SHOWCASE.courtDishonestPerson.identifier);
  await expect(page.getByTestId('result-source')).toHaveAttribute('data-source', 'offline');
  await expect(page.getByTestId('login-mode')).toHaveAttribute('data-mode', 'offline');
  await decide(page, 'P-COURT-HONOUR', '已实施');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('feedback-delivery')).toHaveAttribute('data-delivery', 'queued');

  await page.getByTestId('reconnect').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('密码').fill('wrong-password');
  await dialog.getByLabel('密码').press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('工号或密码错误');
  await screenshot(page, '30-reconnect');
  await dialog.getByLabel('密码').fill(DEMO_CLERK.password);
  await dialog.getByLabel('密码').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('login-mode')).toHaveAttribute('data-mode', 'online');
  await expect(page.getByTestId('reconnect')).toHaveCount(0);
  // The check on screen is untouched, and the queue goes out by itself.
  await expect(page.getByTestId('result-banner')).toHaveAttribute('data-result', 'BLACK');
  await expect(page.getByTestId('status-outbox')).toHaveAttribute('data-depth', '0', { timeout: 30_000 });
  const received = await mutations(platform.url, terminal);
  expect(received.filter((m) => m.kind === 'feedback')).toHaveLength(1);
});

test('a platform login that simply runs out shows 离线登录 with 联网登录, and renewing it works', async ({ clerk: page, platform }) => {
  const settings = (body: unknown) =>
    fetch(`${platform.url}/__test/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await settings({ tokenTtlSeconds: 2 });
  try {
    await page.getByTestId('logout').click();
    await page.getByRole('button', { name: '确定' }).click();
    await login(page, DEMO_CLERK);
    await expect(page.getByTestId('login-mode')).toHaveAttribute('data-mode', 'online');
    await page.waitForTimeout(2_500); // past the token's expiry: nothing tells the terminal, it notices by itself
    await choosePurpose(page, 'PX-MF', 'BJ-2026-RE02');
    await lookUp(page, SHOWCASE.cleanPerson.identifier);
    await expect(page.getByTestId('result-source')).toHaveAttribute('data-source', 'offline');
    await expect(page.getByTestId('login-mode')).toHaveAttribute('data-mode', 'offline');
    await settings({ tokenTtlSeconds: DEFAULT_TOKEN_TTL_SECONDS });
    await page.getByTestId('reconnect').click();
    await page.getByRole('dialog').getByLabel('密码').fill(DEMO_CLERK.password);
    await page.getByRole('dialog').getByLabel('密码').press('Enter');
    await expect(page.getByTestId('login-mode')).toHaveAttribute('data-mode', 'online');
    await expect(page.locator('#lookup-input')).toBeFocused();
  } finally {
    await settings({ tokenTtlSeconds: DEFAULT_TOKEN_TTL_SECONDS });
  }
});
