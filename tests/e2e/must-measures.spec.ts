/**
 * A MUST (应当) measure is never skipped silently: leaving the check (F2, a new lookup, lock, logout)
 * asks for the decision or a reason, recorded as DEFERRED; the open measure is shown to the clerk at the
 * next login — also after a window closed or a crash, derived from the journal — until decided by a
 * new record naming the deferral. A MAY measure may stay undecided.
 */
import {
  choosePurpose,
  decide,
  deferOnLeave,
  DEMO_CLERK,
  enrol,
  expect,
  login,
  lookUp,
  measure,
  mutations,
  screenshot,
  SHOWCASE,
  terminalId,
  test,
  waitForListData,
} from './fixtures';

test('F2 with an undecided MUST measure asks; deferred with a reason; decided at the next login', async ({ clerk: page, platform }) => {
  const terminal = await terminalId(page);
  await choosePurpose(page, 'PX-MF', 'BJ-2026-1601');
  await lookUp(page, SHOWCASE.courtDishonestPerson.identifier);
  await expect(measure(page, 'P-COURT-HONOUR')).toHaveAttribute('data-obligation', 'MUST');

  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog', { name: '应当实施的措施尚未反馈' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('leave-measures')).toContainText(
    await measure(page, 'P-COURT-HONOUR').locator('.measure-title').innerText(),
  );
  await screenshot(page, '40-leave-must-undecided');

  // Back to the check: nothing is recorded, the result stays.
  await dialog.getByRole('button', { name: '返回填写决定' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('result-banner')).toBeVisible();

  // A new lookup asks too; no reason, no leaving.
  await page.keyboard.press('F2');
  await dialog.getByRole('button', { name: '记录暂缓并离开' }).click();
  await expect(dialog.getByTestId('leave-error')).toContainText('请填写暂缓原因');
  await dialog.getByLabel('暂缓原因').fill('申请人需补交法院结案证明，明日再定');
  await dialog.getByRole('button', { name: '记录暂缓并离开' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('result-banner')).toHaveCount(0);

  // Still open for this clerk: shown on the check screen, with the reason.
  const open = page.getByTestId('open-measure').filter({ hasText: 'BJ-2026-1601' });
  await expect(open).toContainText('申请人需补交法院结案证明');

  // Logout and the next login: still shown until decided.
  await page.getByTestId('logout').click();
  await page.getByRole('button', { name: '确定' }).click();
  await login(page, DEMO_CLERK);
  await expect(open).toBeVisible();
  await screenshot(page, '41-open-must-measures');
  await open.getByLabel('已实施', { exact: true }).check();
  await open.getByRole('button', { name: '提交最终决定' }).click();
  await expect(open).toHaveCount(0);

  // On the platform: the DEFERRED record, then the final decision naming it.
  await expect
    .poll(async () => (await mutations(platform.url, terminal)).filter((m) => m.kind === 'feedback').length, { timeout: 20_000 })
    .toBe(2);
  const feedback = (await mutations(platform.url, terminal))
    .filter((m) => m.kind === 'feedback')
    .map((m) => m.body as Record<string, string>);
  expect(feedback[0]).toMatchObject({ decision: 'DEFERRED', reason: '申请人需补交法院结案证明，明日再定' });
  expect(feedback[1]).toMatchObject({ decision: 'APPLIED', resolves: feedback[0]!.feedbackId });
});

test('a window closed (or crashed) on an undecided MUST measure: shown at the next login, from the journal', async ({ clerk: page }) => {
  await choosePurpose(page, 'PX-MF', 'BJ-2026-1602');
  await lookUp(page, SHOWCASE.courtDishonestPerson.identifier);
  // The page goes away without any leaving step (as a crash or a closed window would).
  await page.reload();
  await login(page, DEMO_CLERK);
  await waitForListData(page);
  const open = page.getByTestId('open-measure').filter({ hasText: 'BJ-2026-1602' });
  await expect(open).toBeVisible();
  await expect(open.getByTestId('open-measure-state')).toContainText('离开时未作决定');
});

test('lock with a decided MUST measure not yet submitted records it; a MAY measure may stay undecided', async ({ clerk: page }) => {
  await choosePurpose(page, 'GG-RCGY', 'GY-2026-1603');
  await lookUp(page, SHOWCASE.haibeiDPerson.identifier);
  await expect(measure(page, 'P-HAIBEI-D')).toHaveAttribute('data-obligation', 'MAY');
  // Only MAY measures here: leaving does not ask.
  await page.keyboard.press('F2');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('result-banner')).toHaveCount(0);

  await choosePurpose(page, 'PX-MF', 'BJ-2026-1603');
  await lookUp(page, SHOWCASE.courtDishonestPerson.identifier);
  await decide(page, 'P-COURT-HONOUR', '已实施');
  await page.getByTestId('lock').click();
  const dialog = page.getByRole('dialog', { name: '应当实施的措施尚未反馈' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('暂缓原因').fill('临时离开窗口');
  await dialog.getByRole('button', { name: '记录暂缓并离开' }).click();
  await expect(page.getByLabel('密码')).toBeVisible();
  await page.getByLabel('密码').fill(DEMO_CLERK.password);
  await page.getByLabel('密码').press('Enter');
  // The decided measure went on record as decided, not deferred: nothing is open for this check.
  await expect(measure(page, 'P-COURT-HONOUR').getByTestId('decision-readonly')).toContainText('已实施');
  await expect(page.getByTestId('open-measure').filter({ hasText: 'BJ-2026-1603' })).toHaveCount(0);
});

test('logout on an undecided MUST measure asks; the inactivity lock cannot ask, and the measure waits for that clerk at the next login', async ({
  page,
  web,
  platform,
}) => {
  await page.clock.install();
  await page.clock.resume();
  await enrol(page, web.url, platform.enrolmentCode);
  await login(page, DEMO_CLERK);
  await waitForListData(page);
  // An earlier check deferred with a reason: that reason belongs to that check alone.
  await choosePurpose(page, 'PX-MF', 'BJ-2026-1615');
  await lookUp(page, SHOWCASE.courtDishonestPerson.identifier);
  await page.keyboard.press('F2');
  await deferOnLeave(page, '申请人需补交材料');
  await choosePurpose(page, 'PX-MF', 'BJ-2026-1605');
  await lookUp(page, SHOWCASE.courtDishonestPerson.identifier);

  // Logout asks like F2 and lock do, with no reason carried over; going back keeps the check on screen.
  await page.getByTestId('logout').click();
  await page.getByRole('button', { name: '确定' }).click();
  const dialog = page.getByRole('dialog', { name: '应当实施的措施尚未反馈' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('暂缓原因')).toHaveValue('');
  await dialog.getByRole('button', { name: '返回填写决定' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('result-banner')).toBeVisible();

  // Nobody at the counter to ask: the idle lock locks, and the clerk who comes back and switches
  // operator leaves the measure open, to be shown to this clerk at the next login.
  await page.clock.fastForward('10:30');
  await expect(page.getByText('10 分钟无操作，已自动锁定')).toBeVisible();
  await page.getByRole('button', { name: '切换操作员（退出登录）' }).click();
  await login(page, DEMO_CLERK);
  const open = page.getByTestId('open-measure').filter({ hasText: 'BJ-2026-1605' });
  await expect(open).toBeVisible();
  await expect(open.getByTestId('open-measure-state')).toContainText('离开时未作决定');
});
