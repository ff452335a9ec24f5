/**
 * Clerks use screen readers and magnifiers too: every main screen passes axe-core with no serious or
 * critical violation, no control is named with an English icon name, and the status bar is a named
 * region with its own live status and a separately focusable details button.
 */
import {
  choosePurpose,
  decide,
  DEMO_CLERK,
  DEMO_SUPERVISOR,
  enrol,
  expect,
  expectAccessible,
  expectChineseNames,
  login,
  lookUp,
  SHOWCASE,
  test,
  waitForListData,
} from './fixtures';

test('the clerk screens: enrolment, login, check, result, leave dialog, sync panel, commitment, slip, settings, lock', async ({
  page,
  web,
  platform,
}) => {
  // Fourteen axe runs over full pages: on a shared 2-core machine that exceeds the default budget.
  test.slow();
  await page.goto(web.url);
  await expect(page.getByText('终端注册').first()).toBeVisible();
  await expectAccessible(page, 'enrolment');
  await expectChineseNames(page, 'enrolment');

  await enrol(page, web.url, platform.enrolmentCode);
  await expectAccessible(page, 'login');
  await expectChineseNames(page, 'login');
  // Before login the status bar is the same named region, with no details button yet.
  await expect(page.getByRole('region', { name: '终端状态' }).getByRole('status')).toBeVisible();
  await expect(page.getByRole('button', { name: '同步详情（F9）' })).toHaveCount(0);

  await login(page, DEMO_CLERK);
  await waitForListData(page);
  await expectAccessible(page, 'check');
  await expectChineseNames(page, 'check');
  // The header's controls are named by their words alone.
  await expect(page.getByRole('button', { name: '信用核查', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '锁定', exact: true })).toBeVisible();

  // After login: a region holding a live status and a details button of its own, not one big button.
  const bar = page.getByRole('region', { name: '终端状态' });
  await expect(bar.getByRole('status')).toContainText('待发送');
  await expect(page.getByTestId('status-bar')).not.toHaveAttribute('role', 'button');
  const details = bar.getByRole('button', { name: '同步详情（F9）' });
  await details.focus();
  await expect(details).toBeFocused();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: '同步详情' });
  await expect(panel).toBeVisible();
  await expectAccessible(page, 'sync panel');
  await expectChineseNames(page, 'sync panel');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  await choosePurpose(page, 'PX-MF', 'BJ-2026-A11Y');
  // The matter select's clear button is named in Chinese, not antd's "Clear".
  await page.locator('#purpose-matter').hover();
  await expect(page.getByRole('button', { name: '清除' })).toHaveCount(1);
  await lookUp(page, SHOWCASE.courtDishonestPerson.identifier);
  await expectAccessible(page, 'result with measures');
  await expectChineseNames(page, 'result with measures');

  await page.keyboard.press('F2');
  const leave = page.getByRole('dialog', { name: '应当实施的措施尚未反馈' });
  await expect(leave).toBeVisible();
  await expectAccessible(page, 'leave dialog');
  await expectChineseNames(page, 'leave dialog');
  await leave.getByRole('button', { name: '返回填写决定' }).click();
  await expect(leave).toBeHidden();
  await decide(page, 'P-COURT-HONOUR', '已实施');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('feedback-delivery')).toBeVisible();
  await expectAccessible(page, 'feedback recorded');

  await page.getByTestId('commitment-open').click();
  const commitment = page.getByRole('dialog', { name: '记录信用承诺' });
  await expect(commitment).toBeVisible();
  await expectAccessible(page, 'commitment dialog');
  await expectChineseNames(page, 'commitment dialog');
  await commitment.getByRole('button', { name: '保存承诺' }).click();
  await expect(commitment).toBeHidden();
  await expect(page.getByTestId('commitment-recorded')).toHaveCount(1);
  await expectAccessible(page, 'commitment recorded');

  await page.getByTestId('open-slip').click();
  await expect(page.getByTestId('slip')).toBeVisible();
  await expectAccessible(page, 'check slip');
  await expectChineseNames(page, 'check slip');

  await page.getByRole('button', { name: '设置', exact: true }).click();
  await expect(page.getByTestId('config-table')).toBeVisible();
  await expectAccessible(page, 'settings');
  await expectChineseNames(page, 'settings');

  await page.getByRole('button', { name: '锁定', exact: true }).click();
  await expect(page.getByText('终端已锁定').first()).toBeVisible();
  await expectAccessible(page, 'lock');
  await expectChineseNames(page, 'lock');
});

test('the supervisor screen, its tables paged with Chinese arrow names', async ({ page, web, platform }) => {
  test.slow();
  await enrol(page, web.url, platform.enrolmentCode, '督查终端');
  await login(page, DEMO_SUPERVISOR);
  await waitForListData(page);
  // Enough checks today that the supervisor's table pages.
  for (let i = 0; i < 9; i++) {
    await choosePurpose(page, 'PX-MF', `BJ-2026-P${i}`);
    await lookUp(page, SHOWCASE.cleanPerson.identifier);
    await page.keyboard.press('F2');
  }
  await page.getByRole('button', { name: '督查', exact: true }).click();
  await expect(page.getByTestId('supervisor-checks')).toContainText('BJ-2026-P8');
  await expectAccessible(page, 'supervisor');
  await expectChineseNames(page, 'supervisor');
  await expect(page.getByRole('button', { name: '下一页' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '上一页' }).first()).toBeDisabled();
});
