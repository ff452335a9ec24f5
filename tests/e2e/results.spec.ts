/**
 * What the clerk sees for the showcase subjects: banner, entries, measures (MUST/MAY), suppression,
 * history, and the end-date rule judged by the browser's clock.
 */
import {
  choosePurpose,
  decide,
  deferOnLeave,
  expect,
  expectNoHorizontalScroll,
  lookUp,
  measure,
  pickMatter,
  screenshot,
  SHOWCASE,
  test,
} from './fixtures';

test('clean subject: blue banner "未发现相关信用记录", no measures, source and data version shown', async ({ clerk: page }) => {
  await choosePurpose(page, 'PX-MF', 'BJ-2026-0001');
  const banner = await lookUp(page, SHOWCASE.cleanPerson.identifier);
  await expect(banner).toHaveAttribute('data-result', 'CLEAN');
  await expect(banner).toContainText('未发现相关信用记录');
  await expect(banner).toContainText(SHOWCASE.cleanPerson.name);
  await expect(page.getByTestId('measures-none')).toBeVisible();
  await expect(page.getByTestId('result-source')).toHaveAttribute('data-source', 'online');
  await expect(page.getByTestId('result-version')).not.toBeEmpty();
  await expect(page.getByTestId('result-age')).not.toBeEmpty();
  // Masked by default: never the clear number on screen.
  await expect(page.getByTestId('subject-identifier')).toHaveText(/^\d{4}\*{10}[\dX]{4}$/);
  await expect(page.getByTestId('haibei')).toContainText(String(SHOWCASE.cleanPerson.haibeiScore));
  await expectNoHorizontalScroll(page);
  await screenshot(page, '04-result-clean');
});

test('black-listed person in an honours matter: red banner, MUST measure applied and sent', async ({ clerk: page }) => {
  const subject = SHOWCASE.courtDishonestPerson;
  await choosePurpose(page, 'PX-MF', 'BJ-2026-0002');
  const banner = await lookUp(page, subject.identifier);
  await expect(banner).toHaveAttribute('data-result', 'BLACK');
  await expect(banner).toContainText('失信');
  const entry = page.getByTestId('entry').first();
  await expect(entry).toContainText('失信被执行人');
  await expect(entry).toContainText('黑名单（失信）');
  for (const label of ['列入原因', '列入日期', '有效期至', '认定部门', '文号', '金额', '状态', '领域'])
    await expect(entry).toContainText(label);
  await expect(entry.getByTestId('entry-triggers')).toBeVisible();

  const honour = measure(page, 'P-COURT-HONOUR');
  await expect(honour).toHaveAttribute('data-obligation', 'MUST');
  await expect(page.getByTestId('measures-must')).toContainText('应当实施');
  await expect(honour.getByTestId('measure-triggers')).toContainText('失信被执行人');
  await expectNoHorizontalScroll(page);
  await screenshot(page, '05-result-black');

  await decide(page, 'P-COURT-HONOUR', '已实施');
  await page.keyboard.press('Control+Enter');
  const delivery = page.getByTestId('feedback-delivery');
  await expect(delivery).toHaveAttribute('data-delivery', 'sent');
  await expect(delivery).toContainText('已发送');
  // Read-only once submitted.
  await expect(page.getByTestId('feedback-submit')).toHaveCount(0);
  await expect(honour.getByTestId('decision-readonly')).toContainText('已实施');
  await screenshot(page, '06-feedback-sent');
});

test('company on the government procurement black list: procurement ban (MUST)', async ({ clerk: page }) => {
  const subject = SHOWCASE.procurementBlackCompany;
  await choosePurpose(page, 'CG-GYS', 'CG-2026-0107');
  const banner = await lookUp(page, subject.identifier);
  await expect(banner).toHaveAttribute('data-result', 'BLACK');
  await expect(page.getByTestId('entry').first()).toContainText('政府采购严重违法失信名单');
  await expect(measure(page, 'P-PROC-BAN')).toHaveAttribute('data-obligation', 'MUST');
  await expect(page.getByText('法定代表人', { exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await screenshot(page, '07-result-procurement-black');
});

test('red-listed company gets the incentive (green banner, MAY measure)', async ({ clerk: page }) => {
  const subject = SHOWCASE.redCompany;
  await choosePurpose(page, 'XK-SPJY', 'XK-2026-0311');
  const banner = await lookUp(page, subject.identifier);
  await expect(banner).toHaveAttribute('data-result', 'RED');
  await expect(banner).toContainText('守信');
  const incentive = measure(page, 'I-TAXA-GREEN');
  await expect(incentive).toHaveAttribute('data-obligation', 'MAY');
  await expect(page.getByTestId('measures-may')).toContainText('可以实施');
  await expect(incentive).toContainText('激励');
  await expect(incentive.getByTestId('measure-triggers')).toContainText('A级纳税人');
  await expect(page.getByTestId('measures-suppressed')).toHaveCount(0);
  await screenshot(page, '08-result-red');
});

test('red and black together: the incentive is suppressed, with the reason', async ({ clerk: page }) => {
  const subject = SHOWCASE.redAndBlackCompany;
  await choosePurpose(page, 'XK-SPJY', 'XK-2026-0312');
  const banner = await lookUp(page, subject.identifier);
  await expect(banner).toHaveAttribute('data-result', 'BOTH');
  await expect(measure(page, 'I-TAXA-GREEN')).toHaveCount(0);
  const suppressed = page.locator('[data-testid="suppressed-measure"][data-code="I-TAXA-GREEN"]');
  await expect(suppressed).toBeVisible();
  await expect(suppressed.getByTestId('suppressed-reason')).toContainText('失信被执行人');
  await expect(suppressed.getByTestId('suppressed-reason')).toContainText('暂停适用');
  await expect(measure(page, 'P-COURT-PERMIT')).toHaveAttribute('data-obligation', 'MAY');
  await screenshot(page, '09-result-red-and-black');
});

test('a repaired entry triggers nothing and is history only', async ({ clerk: page }) => {
  const subject = SHOWCASE.repairedPerson;
  await choosePurpose(page, 'CZ-JYBT', 'BT-2026-0420');
  const banner = await lookUp(page, subject.identifier);
  await expect(banner).not.toHaveAttribute('data-result', 'BLACK');
  await expect(page.getByTestId('measures-none')).toBeVisible();
  // Hidden by default, behind the history toggle.
  await expect(page.getByTestId('entry')).toHaveCount(0);
  await expect(page.getByTestId('history-hidden')).toBeVisible();
  await page.getByTestId('history-toggle').click();
  const entry = page.locator('[data-testid="entry"][data-entry-id="WH-SC-0006"]');
  await expect(entry).toHaveAttribute('data-status', 'REPAIRED');
  await expect(entry).toHaveAttribute('data-triggers', 'false');
  await expect(entry.getByTestId('entry-status')).toHaveText('已修复');
  await expect(entry.getByTestId('entry-no-trigger')).toBeVisible();
  await screenshot(page, '10-result-repaired-history');
});

test('an entry still triggers on its end date and not the day after (terminal clock)', async ({ clerk: page }) => {
  const subject = SHOWCASE.endDatePerson;
  const until = subject.entries[0].validUntil; // 2026-12-31
  await page.clock.setFixedTime(new Date(`${until}T10:00:00+08:00`));
  await choosePurpose(page, 'PX-MF', 'BJ-2026-1231');
  let banner = await lookUp(page, subject.identifier);
  await expect(banner).toHaveAttribute('data-result', 'BLACK');
  await expect(page.locator('[data-testid="entry"][data-entry-id="WH-SC-0008"]')).toHaveAttribute('data-triggers', 'true');
  await expect(measure(page, 'P-COURT-HONOUR')).toBeVisible();

  await page.clock.setFixedTime(new Date(`${until}T10:00:00+08:00`).getTime() + 24 * 3600 * 1000);
  await page.keyboard.press('F2');
  await deferOnLeave(page);
  await expect(page.getByTestId('result-banner')).toHaveCount(0);
  banner = await lookUp(page, subject.identifier);
  await expect(banner).not.toHaveAttribute('data-result', 'BLACK');
  await expect(measure(page, 'P-COURT-HONOUR')).toHaveCount(0);
  await page.getByTestId('history-toggle').click();
  const entry = page.locator('[data-testid="entry"][data-entry-id="WH-SC-0008"]');
  await expect(entry).toHaveAttribute('data-status', 'EXPIRED');
  await expect(entry).toHaveAttribute('data-triggers', 'false');
});

test('objection pending: shown with a warning; the list type policy decides the trigger', async ({ clerk: page }) => {
  const subject = SHOWCASE.objectionPerson;
  await choosePurpose(page, 'PX-MF', 'BJ-2026-0808');
  await lookUp(page, subject.identifier);
  const warnings = page.locator('[data-testid="warning"][data-code="OBJECTION_PENDING"]');
  await expect(warnings).toHaveCount(2);
  await expect(warnings.first()).toContainText('异议处理中');
  const court = page.locator('[data-testid="entry"][data-entry-id="WH-SC-0009"]');
  const social = page.locator('[data-testid="entry"][data-entry-id="WH-SC-0010"]');
  await expect(court.getByTestId('entry-status')).toHaveText('异议处理中');
  await expect(court).toHaveAttribute('data-triggers', 'true');
  await expect(social).toHaveAttribute('data-triggers', 'false');
  await expect(social.getByTestId('entry-note')).toContainText('异议');
  await screenshot(page, '11-result-objection');
});

test('data older than the staleness limit: every result warns, and so does the status bar', async ({ clerk: page, context }) => {
  // The list data was pulled just now; 25 hours later, offline, the cache answers with a warning.
  await context.setOffline(true);
  await page.clock.setFixedTime(Date.now() + 25 * 3600 * 1000);
  await expect(page.getByTestId('status-online')).toHaveAttribute('data-online', 'false', { timeout: 15_000 });
  await choosePurpose(page, 'PX-MF', 'BJ-2026-0025');
  await lookUp(page, SHOWCASE.courtDishonestPerson.identifier);
  await expect(page.getByTestId('result-source')).toHaveAttribute('data-source', 'offline');
  await expect(page.getByTestId('stale-warning')).toContainText('24 小时');
  await expect(page.getByTestId('status-age')).toHaveAttribute('data-stale', 'true');
  await screenshot(page, '27-result-stale-offline');
  await context.setOffline(false);
});

test('purpose limitation: a case number without the matter’s format is pointed out in Chinese; only the parts the matter asks for show', async ({
  clerk: page,
}) => {
  await pickMatter(page, 'XK-SPJY');
  const caseField = page.getByLabel('办件编号');
  await expect(caseField).toHaveAttribute('placeholder', /XK-2026-000123/);
  await caseField.fill('SP-1');
  await caseField.press('Enter');
  await expect(page.getByTestId('caseno-error')).toHaveText('办件编号格式不对：“食品经营许可”的办件编号应形如 XK-2026-000123');
  await expect(page.locator('#lookup-input')).toBeDisabled();
  await expect(caseField).toBeFocused();
  await screenshot(page, '32-case-number-format');

  await caseField.fill('XK-2026-0312');
  await expect(page.getByTestId('caseno-error')).toHaveCount(0);
  await caseField.press('Enter');
  await expect(page.locator('#lookup-input')).toBeFocused();
  await lookUp(page, SHOWCASE.redCompany.identifier);
  // 食品经营许可 asks for tax grades and commitments, not for a 海贝分.
  await expect(page.getByTestId('grades')).toContainText('A');
  await expect(page.getByTestId('commitments')).toBeVisible();
  await expect(page.getByTestId('scope-note')).toHaveCount(0);

  // 劳动模范评选 asks for the 海贝分 only: grades and commitments of a person are not shown.
  await page.keyboard.press('F2');
  await choosePurpose(page, 'PX-MF', 'BJ-2026-0031');
  await lookUp(page, SHOWCASE.haibeiAAAPerson.identifier);
  await expect(page.getByTestId('haibei')).toContainText('1185');
  await expect(page.getByTestId('commitments')).toHaveCount(0);
  await expect(page.getByTestId('scope-note')).toHaveText('本事项不查看行业信用等级、信用承诺（查询目的限定）');
  await screenshot(page, '33-scope-note');
});

test('the matter field finds a matter by any of its words and by pinyin initials, and says plainly when nothing matches', async ({
  clerk: page,
}) => {
  const select = page.locator('#purpose-matter');
  const options = page.locator('.ant-select-item-option');
  await select.click();
  // The README's short name, with 道德模范 left out of the middle.
  await select.fill('劳动模范评选');
  await expect(options.first()).toContainText('劳动模范、道德模范评选');
  await screenshot(page, '42-matter-by-words');
  await select.fill('ldmf');
  await expect(options.first()).toContainText('劳动模范、道德模范评选');
  await select.fill('没有这个事项');
  await expect(options).toHaveCount(0);
  await expect(page.locator('.ant-select-dropdown')).toContainText('没有匹配的事项');
  await expect(page.locator('.ant-select-dropdown')).not.toContainText('按事项名称');
  await screenshot(page, '43-matter-no-match');
  // The match leads to the matter: Enter chooses it.
  await select.fill('劳动模范评选');
  await select.press('Enter');
  await expect(page.locator('.purpose-info')).toContainText('PX-MF');
});
