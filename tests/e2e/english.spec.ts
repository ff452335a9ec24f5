/**
 * The English catalogue (config `locale: "en-US"`): enrolment, login, the purpose and a lookup's result
 * read in English, the platform's own data (matter, list and measure names) as it was sent.
 */
import { expect, expectAccessible, measure, pickMatter, screenshot, SHOWCASE, test } from './fixtures';

// The managed config.json is answered here with the locale added (the service worker would answer it itself).
test.use({ serviceWorkers: 'block' });

test('the main screens in English: enrolment, login, purpose and a blacklisted applicant’s result', async ({ page, web, platform }) => {
  await page.route('**/config.json', (route) => route.fulfill({ json: { ...web.config, locale: 'en-US' } }));
  await page.goto(web.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');

  await expect(page.getByText('Terminal enrolment').first()).toBeVisible();
  await page.getByLabel('Enrolment code').fill(platform.enrolmentCode);
  await page.getByLabel('Terminal name').fill('Civic centre window 12');
  await page.getByRole('button', { name: 'Enrol terminal' }).click();

  await expect(page.getByText('Operator login')).toBeVisible();
  await expectAccessible(page, 'login in English');
  await screenshot(page, 'en-01-login');
  await page.getByLabel('Staff ID').fill('c001');
  await page.getByLabel('Password').fill('demo1234');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('operator')).toBeVisible();
  await expect(page.getByTestId('status-age')).not.toContainText('not synced', { timeout: 30_000 });

  await expect(page.getByRole('region', { name: 'Purpose' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Credit check' })).toBeVisible();
  await pickMatter(page, 'PX-MF');
  await expect(page.getByLabel('Case number')).toBeFocused();
  await page.getByLabel('Case number').fill('BJ-2026-EN1');
  await page.getByLabel('Case number').press('Enter');
  await expect(page.locator('#lookup-input')).toBeFocused();
  await screenshot(page, 'en-02-purpose');

  await page.locator('#lookup-input').pressSequentially(SHOWCASE.courtDishonestPerson.identifier, { delay: 5 });
  await page.locator('#lookup-input').press('Enter');
  const banner = page.getByTestId('result-banner');
  await expect(banner).toHaveAttribute('data-result', 'BLACK', { timeout: 20_000 });
  await expect(banner).toContainText('Dishonest: on a blacklist');
  await expect(page.getByText('Measures for this matter')).toBeVisible();
  const first = page.locator('[data-testid="measure"]').first();
  const code = await first.getAttribute('data-code');
  await expect(measure(page, code!).getByLabel('Not applied', { exact: true })).toBeVisible();

  // The form's refusal is worded by the English catalogue too.
  await page.getByTestId('feedback-submit').click();
  await expect(page.getByTestId('feedback-error')).toContainText('Choose what was done on the measure');
  await expectAccessible(page, 'result in English');
  await screenshot(page, 'en-03-result');
});
