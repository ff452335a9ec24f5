/**
 * The sync panel and the status bar when something is wrong with delivery or time: a record the
 * platform rejects is listed with its reason and does not hold up the queue; a terminal clock that
 * is off by more than five minutes is pointed out to the clerk.
 */
import {
  choosePurpose,
  decide,
  DEMO_CLERK,
  DEMO_SUPERVISOR,
  enrol,
  expect,
  login,
  lookUp,
  mutations,
  screenshot,
  SHOWCASE,
  terminalId,
  test,
  waitForListData,
} from './fixtures';

/** 事业单位公开招聘政审: a matter no other e2e test uses, erased from the catalogue here. */
const WITHDRAWN_MATTER = 'GG-ZPZS';

async function control(platformUrl: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${platformUrl}/__test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  expect(response.ok, `${path}: ${response.status} ${await response.text()}`).toBe(true);
}

test('a record the platform rejects is listed with its reason in Chinese; the queue behind it still drains', async ({
  clerk: page,
  context,
  platform,
}) => {
  const terminal = await terminalId(page);

  // Offline, two checks are queued: the first for a matter the platform withdraws meanwhile.
  await context.setOffline(true);
  await expect(page.getByTestId('status-online')).toHaveAttribute('data-online', 'false', { timeout: 15_000 });
  await choosePurpose(page, WITHDRAWN_MATTER, 'ZP-2026-DL01');
  await lookUp(page, SHOWCASE.cleanPerson.identifier);
  await page.keyboard.press('F2');
  await choosePurpose(page, 'PX-MF', 'BJ-2026-DL02');
  await lookUp(page, SHOWCASE.courtDishonestPerson.identifier);
  await decide(page, 'P-COURT-HONOUR', '已实施');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('feedback-delivery')).toHaveAttribute('data-delivery', 'queued');
  await expect(page.getByTestId('status-outbox')).not.toHaveAttribute('data-depth', '0');
  await expect(page.getByTestId('status-dead')).toHaveCount(0);

  // Not merely withdrawn (a check made under an earlier catalogue is still accepted): erased from every
  // catalogue version, as if it had never been published, the record names what never existed.
  await control(platform.url, '/catalogue/withdraw', { matterCode: WITHDRAWN_MATTER, purge: true });
  try {
    await context.setOffline(false);
    await expect(page.getByTestId('status-online')).toHaveAttribute('data-online', 'true', { timeout: 30_000 });
    await page.keyboard.press('F9');
    await expect(page.getByText('同步详情', { exact: true })).toBeVisible();
    await page.getByTestId('sync-now').click();

    // Everything left the queue; one record is a dead letter, counted in the status bar.
    await expect(page.getByTestId('status-outbox')).toHaveAttribute('data-depth', '0', { timeout: 30_000 });
    await expect(page.getByTestId('status-dead')).toHaveText(/发送失败 1/);
    await expect(page.getByTestId('sync-now')).toBeEnabled();

    const dead = page.getByTestId('dead-letters');
    await expect(dead.locator('tbody tr')).toHaveCount(1);
    const row = dead.locator('tbody tr').first();
    await expect(row).toContainText('核查记录');
    await expect(row).toContainText(`未知的办理事项：${WITHDRAWN_MATTER}`);
    await expect(row).toContainText('ZP-2026-DL01');
    await expect(page.getByText('以下记录被平台拒绝，不会自动重发，请联系管理员处理。')).toBeVisible();
    await screenshot(page, '28-sync-panel-dead-letter');

    // The platform holds the records behind the rejected one: the second check and its feedback.
    const received = await mutations(platform.url, terminal);
    const check = received.find((m) => m.kind === 'check' && (m.body as { caseNo?: string }).caseNo === 'BJ-2026-DL02');
    expect(check).toMatchObject({ status: 'accepted' });
    const feedback = received.filter((m) => m.kind === 'feedback' && (m.body as { measureCode?: string }).measureCode === 'P-COURT-HONOUR');
    expect(feedback).toEqual([expect.objectContaining({ status: 'accepted' })]);
    const rejected = received.filter((m) => (m as { status?: string }).status === 'rejected');
    expect(rejected).toEqual([expect.objectContaining({ kind: 'check' })]);

    // The cause is fixed (the matter is published again): a supervisor resubmits the dead letter.
    await control(platform.url, '/catalogue/reset');
    await expect(row.getByTestId('resubmit')).toHaveCount(0); // a clerk may only look
    await page.keyboard.press('Escape');
    await page.getByTestId('logout').click();
    await page.getByRole('button', { name: '确定' }).click();
    await login(page, DEMO_SUPERVISOR);
    await page.keyboard.press('F9');
    await expect(page.getByText('同步详情', { exact: true })).toBeVisible();
    await dead.locator('tbody tr').first().getByTestId('resubmit').click();
    await page.getByRole('button', { name: '确定' }).click();
    await expect(dead.locator('tbody tr').first().getByTestId('resubmission')).toHaveText('已重新提交，平台已接收', { timeout: 30_000 });
    await expect(page.getByTestId('status-dead')).toHaveCount(0);
    await dead.scrollIntoViewIfNeeded();
    await screenshot(page, '35-sync-panel-resubmitted');
    const after = await mutations(platform.url, terminal);
    const original = rejected[0] as { id: string };
    const resubmitted = after.find((m) => (m as { resubmits?: string | null }).resubmits === original.id);
    expect(resubmitted).toMatchObject({ kind: 'check', status: 'accepted', operatorId: DEMO_SUPERVISOR.id });

    // Audited on the platform too: the supervisor view lists the platform's event.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '督查', exact: true }).click();
    const events = page.getByTestId('supervisor-events');
    await expect(events).toContainText('重新提交');
    await expect(events).toContainText(`s001 重新提交了被拒记录 ${terminal}#`);
    await screenshot(page, '37-supervisor-platform-events');
  } finally {
    await control(platform.url, '/catalogue/reset');
  }
});

test('a terminal clock more than five minutes ahead of the platform is pointed out in Chinese', async ({ page, web, platform }) => {
  // The terminal's clock runs ten minutes ahead of the platform's Date header from the start.
  await page.clock.install({ time: Date.now() + 10 * 60_000 });
  await page.clock.resume();
  await enrol(page, web.url, platform.enrolmentCode);
  await login(page, DEMO_CLERK);
  await waitForListData(page);

  const skew = page.getByTestId('status-skew');
  await expect(skew).toBeVisible();
  await expect(skew).toContainText('时钟偏快 10 分钟');

  // The lookup result carries the warning too: validity is judged by this clock.
  await choosePurpose(page, 'PX-MF', 'BJ-2026-SKEW');
  await lookUp(page, SHOWCASE.cleanPerson.identifier);
  await expect(page.getByTestId('notice').filter({ hasText: '本机时钟与信用平台相差约 10 分钟（偏快）' })).toBeVisible();

  await page.keyboard.press('F9');
  await expect(page.getByText('同步详情', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '本机时钟比信用平台快约 10 分钟' })).toBeVisible();
  await screenshot(page, '29-sync-panel-clock-skew');
});

test('a check made offline for a matter withdrawn before it arrived is accepted, and the supervisor view says why', async ({
  clerk: page,
  context,
  platform,
}) => {
  await context.setOffline(true);
  await expect(page.getByTestId('status-online')).toHaveAttribute('data-online', 'false', { timeout: 15_000 });
  await choosePurpose(page, 'PX-ZYZ', 'ZYZ-2026-0001');
  await lookUp(page, SHOWCASE.cleanPerson.identifier);
  await control(platform.url, '/catalogue/withdraw', { matterCode: 'PX-ZYZ' });
  try {
    await context.setOffline(false);
    await expect(page.getByTestId('status-online')).toHaveAttribute('data-online', 'true', { timeout: 30_000 });
    await page.keyboard.press('F9');
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('status-outbox')).toHaveAttribute('data-depth', '0', { timeout: 30_000 });
    await expect(page.getByTestId('status-dead')).toHaveCount(0);
    await page.keyboard.press('Escape');

    await page.getByTestId('logout').click();
    await page.getByRole('button', { name: '确定' }).click();
    await login(page, DEMO_SUPERVISOR);
    await page.getByRole('button', { name: '督查', exact: true }).click();
    const note = page.getByTestId('supervisor-checks').getByTestId('platform-note');
    await expect(note).toContainText('事项 PX-ZYZ（优秀志愿者表彰）已不在现行目录');
    await expect(note).toContainText('按终端所用目录版本');
    await screenshot(page, '36-supervisor-catalogue-note');
  } finally {
    await control(platform.url, '/catalogue/reset');
  }
});
