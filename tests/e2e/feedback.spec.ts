/**
 * Feedback on measures: a declined measure needs a reason; other measures need content and result;
 * what was submitted is read-only. Also the credit commitment and the printed check slip.
 */
import { chinaDate } from '../../shared/dates';
import {
  choosePurpose,
  decide,
  DEMO_CLERK,
  expect,
  login,
  lookUp,
  measure,
  mutations,
  screenshot,
  SHOWCASE,
  supervisionDashboard,
  terminalId,
  test,
  waitForListData,
} from './fixtures';

test('a MAY measure declined without a reason is refused; with a reason it is accepted', async ({ clerk: page }) => {
  const subject = SHOWCASE.haibeiDPerson;
  await choosePurpose(page, 'GG-RCGY', 'GY-2026-0016');
  const banner = await lookUp(page, subject.identifier);
  await expect(banner).toHaveAttribute('data-result', 'WARNING');
  await expect(page.locator('[data-testid="warning"][data-code="CREDIT_WARNING_D"]')).toBeVisible();
  const warning = measure(page, 'P-HAIBEI-D');
  await expect(warning).toHaveAttribute('data-obligation', 'MAY');
  await expect(warning.getByTestId('measure-triggers')).toContainText('海贝分');

  // Nothing chosen yet.
  await page.getByTestId('feedback-submit').click();
  await expect(page.getByTestId('feedback-error')).toContainText('请为措施');

  await decide(page, 'P-HAIBEI-D', '未实施');
  await page.getByTestId('feedback-submit').click();
  await expect(page.getByTestId('feedback-error')).toContainText('必须填写原因');
  await expect(page.getByTestId('feedback-delivery')).toHaveCount(0);
  await screenshot(page, '16-feedback-reason-required');

  await warning.getByTestId('decision-reason').fill('   ');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('feedback-error')).toContainText('必须填写原因');

  await warning.getByTestId('decision-reason').fill('申请人已提交近三个月无失信记录证明，经科室负责人同意不予从严审核');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('feedback-delivery')).toHaveAttribute('data-delivery', 'sent');
  await expect(page.getByTestId('feedback-error')).toHaveCount(0);
  await expect(warning.getByTestId('decision-readonly')).toContainText('未实施');
  await expect(warning.getByTestId('decision-readonly')).toContainText('经科室负责人同意');
});

test('a declined measure carries the catalogue reason code the clerk picked, and the platform counts it under that code', async ({
  clerk: page,
  platform,
}) => {
  const terminal = await terminalId(page);
  await choosePurpose(page, 'GG-RCGY', 'GY-2026-1501');
  await lookUp(page, SHOWCASE.haibeiDPerson.identifier);
  const warning = measure(page, 'P-HAIBEI-D');
  await decide(page, 'P-HAIBEI-D', '未实施');

  // The catalogue's codes are offered beside the text; picking one fills in its label as the reason.
  await warning.getByTestId('decision-reason-code').click();
  await page.getByTitle('主体提出异议，待核实').click();
  await expect(warning.getByTestId('decision-reason')).toHaveValue('主体提出异议，待核实');
  // The clerk's own words replace the label; the code stays.
  await warning.getByTestId('decision-reason').fill('申请人对海贝分等级提出异议，已受理，待核实后再定');
  await screenshot(page, '17-feedback-reason-code');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('feedback-delivery')).toHaveAttribute('data-delivery', 'sent');
  await expect(warning.getByTestId('decision-reason-readonly')).toContainText('原因类别：主体提出异议，待核实');
  await expect(warning.getByTestId('decision-reason-readonly')).toContainText('已受理，待核实后再定');

  const sent = (await mutations(platform.url, terminal)).filter((m) => m.kind === 'feedback').map((m) => m.body);
  expect(sent).toEqual([
    expect.objectContaining({
      measureCode: 'P-HAIBEI-D',
      decision: 'NOT_APPLIED',
      reasonCode: 'OBJECTION',
      reason: '申请人对海贝分等级提出异议，已受理，待核实后再定',
    }),
  ]);

  // The supervisor's dashboard counts this terminal's decline under that code, not as unspecified.
  const today = chinaDate(new Date());
  const board = await supervisionDashboard(platform, { from: today, to: today, terminal });
  expect(board.declined).toEqual([
    expect.objectContaining({ measureCode: 'P-HAIBEI-D', reasonCode: 'OBJECTION', reasonLabel: '主体提出异议，待核实', n: 1 }),
  ]);
  expect(board.declinedByReason).toEqual([{ reasonCode: 'OBJECTION', reasonLabel: '主体提出异议，待核实', n: 1 }]);
});

test('other measure needs content and result; a commitment is recorded; the slip prints with Ctrl+P', async ({ clerk: page }) => {
  // Count print calls instead of opening a print dialog.
  await page.addInitScript(() => {
    (window as unknown as { __prints: number }).__prints = 0;
    window.print = () => {
      (window as unknown as { __prints: number }).__prints += 1;
    };
  });
  // A reload ends the session (the token lives in memory only): log in again.
  await page.reload();
  await login(page, DEMO_CLERK);
  await waitForListData(page);

  const subject = SHOWCASE.redAndBlackCompany;
  await choosePurpose(page, 'XK-SPJY', 'XK-2026-0777');
  await lookUp(page, subject.identifier);
  await decide(page, 'P-COURT-PERMIT', '采取其他措施');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('feedback-error')).toContainText('措施内容和实施结果');
  const m = measure(page, 'P-COURT-PERMIT');
  await m.getByTestId('decision-content').fill('要求补充提交履行法院判决的证明材料');
  await m.getByTestId('decision-result').fill('申请人已补交，转入重点审查');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('feedback-delivery')).toBeVisible();

  await page.getByTestId('commitment-open').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('commitment-text')).toHaveValue(/本人（本单位）承诺/);
  await screenshot(page, '17-commitment-dialog');
  await dialog.getByRole('button', { name: '保存承诺' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('commitment-recorded')).toHaveCount(1);
  // One section named 信用承诺, updated: no stale "无信用承诺记录" left above the new commitment.
  const commitments = page.getByRole('region', { name: '信用承诺' });
  await expect(commitments).toHaveCount(1);
  await expect(commitments.getByTestId('commitment-recorded')).toBeVisible();
  await expect(commitments).not.toContainText('无信用承诺记录');
  await screenshot(page, '17b-commitment-recorded');

  await page.keyboard.press('Control+P');
  const slip = page.getByTestId('slip');
  await expect(slip).toBeVisible();
  await expect(page.getByTestId('slip-message')).toContainText('已发送打印');
  expect(await page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
  await expect(page.getByTestId('slip-caseno')).toHaveText('XK-2026-0777');
  await expect(page.getByTestId('slip-identifier')).toHaveText(
    subject.identifier.slice(0, 4) + '*'.repeat(10) + subject.identifier.slice(-4),
  );
  await expect(slip).not.toContainText(subject.identifier);
  await expect(slip).toContainText('采取其他措施');
  await expect(slip).toContainText('暂停适用');
  await expect(slip).toContainText('王晓燕');
  await expect(slip).toContainText('市民中心三楼 12 号窗口');
  await expect(page.getByTestId('slip-version')).not.toBeEmpty();
  // The 核查编号 stays on one line and inside its cell.
  const checkId = page.getByTestId('slip-check-id');
  const lines = await checkId.evaluate((td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  expect(lines).toBe(1);
  expect(await checkId.evaluate((td) => td.scrollWidth <= td.clientWidth)).toBe(true);
  await screenshot(page, '18-slip');

  // Print media shows the slip only.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('status-bar')).toBeHidden();
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(slip).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});

test('a 失信被执行人 is offered only the commitments the catalogue allows, and told why the others are closed', async ({ clerk: page }) => {
  await choosePurpose(page, 'PX-MF', 'BJ-2026-1604');
  await lookUp(page, SHOWCASE.courtDishonestPerson.identifier);
  await decide(page, 'P-COURT-HONOUR', '已实施');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('feedback-delivery')).toBeVisible();

  await page.getByTestId('commitment-open').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('commitment-barred')).toContainText('列入“失信被执行人”名单的主体不能作出“审批替代型承诺”');
  await dialog.getByRole('combobox', { name: '承诺类型' }).click();
  // Only the kinds open to this subject are offered.
  await expect(page.locator('.ant-select-item-option[title="信用修复型承诺"]')).toHaveCount(1);
  await expect(page.locator('.ant-select-item-option[title="行业自律型承诺"]')).toHaveCount(1);
  await expect(page.locator('.ant-select-item-option[title="审批替代型承诺"]')).toHaveCount(0);
  await expect(page.locator('.ant-select-item-option[title="容缺受理型承诺"]')).toHaveCount(0);
  await screenshot(page, '18-commitment-eligibility');
});
