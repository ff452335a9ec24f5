/**
 * What the platform keeps for supervisors, seen on today's supervisor screen: the check a clerk made
 * offline, delivered later under the supervisor's login (who recorded, who delivered), its identifier
 * masked until a reason is given; the clerk whose name searches ran out; and a logout the platform
 * could not hear, revoked at the next login.
 */
import {
  choosePurpose,
  deferOnLeave,
  DEMO_CLERK,
  DEMO_SUPERVISOR,
  enrol,
  expect,
  expectNoHorizontalScroll,
  login,
  lookUp,
  screenshot,
  SHOWCASE,
  swipe,
  test,
  waitForListData,
} from './fixtures';

async function settings(platformUrl: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${platformUrl}/__test/settings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

test('supervisor: platform records with who recorded and who delivered, unmasked with a reason; name-search budget alerts', async ({
  page,
  context,
  web,
  platform,
}) => {
  const subject = SHOWCASE.courtDishonestPerson;
  await enrol(page, web.url, platform.enrolmentCode, '环翠区 8 号窗口');
  await login(page, DEMO_CLERK);
  await waitForListData(page);

  // The clerk's name searches are used up for this hour: said in Chinese, nothing from the cache instead.
  await settings(platform.url, { nameSearchesPerHour: 0 });
  try {
    await choosePurpose(page, 'PX-MF', 'BJ-2026-0801');
    await swipe(page, subject.name);
    await expect(page.getByTestId('lookup-service-error')).toContainText('本小时的名称查询次数已用完');
    await expect(page.getByTestId('candidate-list')).toHaveCount(0);
    await screenshot(page, '34-name-search-budget');
  } finally {
    await settings(platform.url, { nameSearchesPerHour: 60 });
  }

  // Offline: the check is answered from the cache and queued; the logout cannot reach the platform.
  await context.setOffline(true);
  await expect(page.getByTestId('status-online')).toHaveAttribute('data-online', 'false', { timeout: 15_000 });
  await page.locator('#lookup-input').fill('');
  await lookUp(page, subject.identifier);
  await expect(page.getByTestId('result-source')).toHaveAttribute('data-source', 'offline');
  await page.getByTestId('logout').click();
  await page.getByRole('button', { name: '确定' }).click();
  await deferOnLeave(page);
  await expect(page.getByText('操作员登录')).toBeVisible();
  await context.setOffline(false);

  // The supervisor signs in on the same terminal: the clerk's check goes out under that login.
  await login(page, DEMO_SUPERVISOR);
  await expect(page.getByTestId('status-outbox')).toHaveAttribute('data-depth', '0', { timeout: 30_000 });
  await page.getByRole('button', { name: '督查', exact: true }).click();
  await expect(page.getByTestId('supervisor-scope')).toHaveText('督查范围：全市');
  const row = page.getByTestId('supervisor-platform-checks').locator('tr', { hasText: 'BJ-2026-0801' });
  await expect(row).toContainText(DEMO_CLERK.id);
  await expect(row.getByTestId('delivered-by')).toHaveText(DEMO_SUPERVISOR.id);
  await expect(row.getByTestId('platform-identifier')).toHaveText('3710**********0213');
  const alerts = page.getByTestId('supervisor-budget-alerts');
  await expect(alerts).toContainText(`${DEMO_CLERK.name}（${DEMO_CLERK.id}）`);
  await expect(page.getByTestId('budget-alerts')).toContainText('每人每小时最多 60 次名称查询');
  await expectNoHorizontalScroll(page);
  await screenshot(page, '35-supervisor-platform-records');

  await row.getByTestId('platform-unmask').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('查看原因').fill('   ');
  await dialog.getByLabel('查看原因').press('Enter');
  await expect(dialog).toContainText('请填写查看原因');
  await dialog.getByLabel('查看原因').fill('核对异议申请材料');
  await dialog.getByLabel('查看原因').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId('platform-identifier')).toHaveText(subject.identifier);

  // On the platform's record: who asked, for which record, why.
  const log = (await (await fetch(`${platform.url}/__test/access-log?limit=50`)).json()) as {
    entries: Array<{ action: string; operatorId: string; reason: string | null }>;
  };
  expect(log.entries.find((e) => e.action === 'UNMASK')).toMatchObject({ operatorId: DEMO_SUPERVISOR.id, reason: '核对异议申请材料' });
});
