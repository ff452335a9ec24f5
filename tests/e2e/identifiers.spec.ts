/**
 * The lookup field: validation as the clerk types, identifier forms (lowercase x, legacy 15-digit,
 * USCC through the organisation code), name search, purpose first, unmasking with a reason.
 */
import { choosePurpose, expect, lookUp, pickMatter, screenshot, SHOWCASE, swipe, test } from './fixtures';

test('wrong check digit is refused, naming the expected character, and nothing is looked up', async ({ clerk: page }) => {
  await choosePurpose(page, 'PX-MF', 'BJ-2026-0003');
  const valid = SHOWCASE.cleanPerson.identifier;
  const expected = valid.slice(-1);
  const wrong = expected === '5' ? '6' : '5';
  const input = page.locator('#lookup-input');
  // No error while the first digits are typed.
  await input.pressSequentially(valid.slice(0, 10));
  await expect(page.getByTestId('lookup-error')).toHaveCount(0);
  await input.pressSequentially(valid.slice(10, 17) + wrong);
  const error = page.getByTestId('lookup-error');
  await expect(error).toContainText(`第18位校验码应为 ${expected}`);
  await input.press('Enter');
  await expect(error).toBeVisible();
  await expect(page.getByTestId('result-banner')).toHaveCount(0);
  await expect(page.getByTestId('lookup-service-error')).toHaveCount(0);
  await screenshot(page, '12-lookup-check-digit-error');
  // Short input: the error appears only on Enter.
  await input.fill('3710021988');
  await expect(page.getByTestId('lookup-error')).toHaveCount(0);
  await input.press('Enter');
  await expect(page.getByTestId('lookup-error')).toContainText('位数');
});

test('a resident ID born before 1900 is accepted with a warning; 30 February stays refused', async ({ clerk: page }) => {
  await choosePurpose(page, 'PX-MF', 'BJ-2026-0003');
  const input = page.locator('#lookup-input');
  // GB 11643-1999's own worked example, born 1880-01-01.
  await input.pressSequentially('440524188001010014');
  const valid = page.getByTestId('lookup-valid');
  await expect(valid).toBeVisible();
  await expect(valid).toContainText('1880-01-01 早于1900年');
  await expect(page.getByTestId('lookup-error')).toHaveCount(0);
  await input.fill('440524188002300013');
  await expect(page.getByTestId('lookup-error')).toContainText('2月没有30日');
});

test('a lowercase x check character is accepted', async ({ clerk: page }) => {
  const subject = SHOWCASE.repairedPerson;
  expect(subject.identifier.endsWith('X')).toBe(true);
  await choosePurpose(page, 'CZ-JYBT', 'BT-2026-0005');
  await page.locator('#lookup-input').pressSequentially(subject.identifier.toLowerCase());
  await expect(page.getByTestId('lookup-valid')).toBeVisible();
  await page.locator('#lookup-input').press('Enter');
  await expect(page.getByTestId('result-banner')).toContainText(subject.name);
});

test('legacy 15-digit ID: the 15-digit input and the 18-digit number both match the list entry', async ({ clerk: page }) => {
  const subject = SHOWCASE.legacyIdPerson;
  const legacy = subject.entries[0].publishedAs;
  await choosePurpose(page, 'PX-MF', 'BJ-2026-0015');
  let banner = await lookUp(page, legacy);
  await expect(banner).toHaveAttribute('data-result', 'BLACK');
  await expect(banner).toContainText(subject.name);
  await expect(page.getByTestId('entry')).toHaveCount(1);

  await page.keyboard.press('F2');
  banner = await lookUp(page, subject.identifier);
  await expect(banner).toHaveAttribute('data-result', 'BLACK');
  await expect(page.locator('[data-testid="entry"][data-entry-id="WH-SC-0012"]')).toBeVisible();
});

test('USCC lookup matches a court entry published with the organisation code only', async ({ clerk: page }) => {
  const subject = SHOWCASE.orgCodeOnlyCompany;
  await choosePurpose(page, 'CG-GYS', 'CG-2026-0200');
  const banner = await lookUp(page, subject.identifier);
  await expect(banner).toHaveAttribute('data-result', 'BLACK');
  await expect(page.getByTestId('matched-org-code')).toBeVisible();
  await expect(page.locator('[data-testid="entry"][data-entry-id="WH-SC-0013"]')).toBeVisible();
  await expect(page.locator('[data-testid="measure"][data-code="P-COURT-PROC"]')).toBeVisible();
  await screenshot(page, '13-result-org-code-match');
});

test('no lookup without a purpose: the field is disabled and says why', async ({ clerk: page }) => {
  const input = page.locator('#lookup-input');
  await expect(input).toBeDisabled();
  await expect(page.getByTestId('purpose-required')).toContainText('办理事项');
  await expect(page.getByTestId('purpose-required')).toContainText('办件编号');
  await screenshot(page, '03-check-start');
  // A matter alone is not enough.
  await pickMatter(page, '劳动模范');
  await expect(input).toBeDisabled();
  await expect(page.getByLabel('办件编号')).toBeFocused();
  await page.getByLabel('办件编号').fill('BJ-2026-0099');
  await expect(input).toBeEnabled();
  await page.getByLabel('办件编号').fill('   ');
  await expect(input).toBeDisabled();
});

test('unmasking the ID requires a reason and then shows the full number', async ({ clerk: page }) => {
  const subject = SHOWCASE.courtDishonestPerson;
  await choosePurpose(page, 'PX-MF', 'BJ-2026-0004');
  await lookUp(page, subject.identifier);
  const shown = page.getByTestId('subject-identifier');
  await expect(shown).not.toHaveText(subject.identifier);
  await page.getByRole('button', { name: '查看完整号码' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '查看', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('请填写查看原因');
  await dialog.getByLabel('查看原因').fill('   ');
  await dialog.getByLabel('查看原因').press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('请填写查看原因');
  await screenshot(page, '14-unmask-reason-required');
  await dialog.getByLabel('查看原因').fill('与申请人核对身份证原件');
  await dialog.getByLabel('查看原因').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(shown).toHaveText(subject.identifier);
});

test('name search: candidates with masked IDs, chosen with the keyboard', async ({ clerk: page }) => {
  const subject = SHOWCASE.courtDishonestPerson;
  await choosePurpose(page, 'PX-MF', 'BJ-2026-0005');
  await swipe(page, subject.name);
  const list = page.getByTestId('candidate-list');
  await expect(list).toBeVisible();
  await expect(list).toBeFocused();
  const options = list.getByRole('option');
  await expect(options.first()).toBeVisible();
  const texts = await options.allTextContents();
  expect(texts.every((x) => !x.includes(subject.identifier))).toBe(true);
  const index = texts.findIndex(
    (x) => x.includes(subject.name) && x.includes(subject.identifier.slice(0, 4)) && x.includes(subject.identifier.slice(-4)),
  );
  expect(index).toBeGreaterThanOrEqual(0);
  await screenshot(page, '15-name-candidates');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await expect(options.nth(index)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('result-banner')).toContainText(subject.name);
  await expect(page.getByTestId('result-banner')).toHaveAttribute('data-result', 'BLACK');
});

test('pinyin initials: "ljj" finds 李建军 online and, with the network cut, from the cache', async ({ clerk: page, context }) => {
  const subject = SHOWCASE.courtDishonestPerson;
  await choosePurpose(page, 'PX-MF', 'BJ-2026-0006');
  const input = page.locator('#lookup-input');
  await input.fill('ljj');
  await expect(page.getByTestId('lookup-name-mode')).toContainText('拼音首字母 LJJ');
  await expect(page.getByTestId('lookup-error')).toHaveCount(0);
  await input.press('Enter');
  const options = page.getByTestId('candidate-list').getByRole('option');
  await expect(options.filter({ hasText: subject.name }).first()).toBeVisible();
  await screenshot(page, '31-initials-candidates');

  await context.setOffline(true);
  await expect(page.getByTestId('status-online')).toHaveAttribute('data-online', 'false', { timeout: 15_000 });
  await input.fill('LJJ');
  await input.press('Enter');
  const offline = page.getByTestId('candidate-list').getByRole('option').filter({ hasText: subject.name });
  await expect(offline.first()).toBeVisible();
  await offline.first().click();
  await expect(page.getByTestId('result-banner')).toHaveAttribute('data-result', 'BLACK');
  await expect(page.getByTestId('result-source')).toHaveAttribute('data-source', 'offline');
});
