/**
 * A printed check slip verifies from paper: the slip is printed to PDF with print media, the page is
 * rendered at 300 dpi with pdftoppm, the QR is read back from the image and verified by
 * `npm run verify-slip`; a copy with one character changed fails. Prints the QR version, its printed
 * size and the time the command took.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BASE45_ALPHABET } from '../../shared/slip/base45';
import { decodeQrFromPng } from '../../scripts/lib/slipImage';
import {
  choosePurpose,
  decide,
  DEMO_CLERK,
  DEMO_SUPERVISOR,
  enrol,
  expect,
  login,
  lookUp,
  screenshot,
  SHOWCASE,
  test,
  waitForListData,
} from './fixtures';

const run = promisify(execFile);

async function verifySlip(platformKey: string, input: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/verify-slip.ts', '--platform-key', platformKey, input]);
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

test('a printed slip, scanned at 300 dpi, verifies with verify-slip; a tampered copy does not', async ({ clerk: page, platform }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
  await page.reload();
  await login(page, DEMO_CLERK);
  await waitForListData(page);

  const subject = SHOWCASE.courtDishonestPerson;
  await choosePurpose(page, 'PX-MF', 'BJ-2026-1405');
  await lookUp(page, subject.identifier);
  await decide(page, 'P-COURT-HONOUR', '已实施');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('feedback-delivery')).toBeVisible();

  await page.keyboard.press('Control+P');
  const qr = page.getByTestId('slip-qr');
  await expect(qr).toBeVisible();
  const reference = await page.getByTestId('slip-reference').textContent();
  expect(reference).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await expect(page.getByTestId('slip')).not.toContainText(subject.identifier);
  await screenshot(page, '30-slip-qr');

  const dir = mkdtempSync(join(tmpdir(), 'slip-e2e-'));
  const pdf = join(dir, 'slip.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  await run('pdftoppm', ['-r', '300', '-f', '1', '-l', '1', '-png', pdf, join(dir, 'page')]);
  const png = join(dir, 'page-1.png');

  const started = performance.now();
  const verified = await verifySlip(platform.publicKey.key, png);
  const elapsed = performance.now() - started;
  expect(verified.out).toContain('核验结果：通过');
  expect(verified.out).toContain('终端签名：有效');
  expect(verified.out).toContain('平台为数据版本担保：是');
  expect(verified.code).toBe(0);

  const decoded = decodeQrFromPng(png)!;
  const version = await qr.getAttribute('data-qr-version');
  expect(Number(version)).toBe(decoded.version);
  const sizeMm = (decoded.widthPixels / 300) * 25.4;
  console.log(
    `slip QR: version ${decoded.version}, ${decoded.text.length} characters, printed ${await qr.getAttribute('width')} ` +
      `(finder to finder ${sizeMm.toFixed(1)} mm at 300 dpi); verify-slip on the PNG took ${elapsed.toFixed(0)} ms (${verified.out.trim().split('\n').pop()})`,
  );

  // One character of the QR text changed: the command names the slip as not verified.
  const i = Math.floor(decoded.text.length / 2);
  const other = BASE45_ALPHABET[(BASE45_ALPHABET.indexOf(decoded.text[i]!) + 1) % 45]!;
  const tampered = await verifySlip(platform.publicKey.key, decoded.text.slice(0, i) + other + decoded.text.slice(i + 1));
  expect(tampered.out).toContain('核验结果：未通过');
  expect(tampered.code).toBe(1);

  // The verification screen: a scanner types the QR text and presses Enter.
  await page.getByRole('button', { name: '核验核查单' }).click();
  await page.getByTestId('verify-input').fill(decoded.text);
  await page.getByTestId('verify-input').press('Enter');
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('verify-terminal')).toHaveText('终端签名有效');
  await expect(page.getByTestId('verify-data')).toHaveText('平台为数据版本担保');
  await expect(page.getByTestId('verify-platform')).toHaveText('平台记录一致');
  await expect(page.getByTestId('verify-verdict')).toContainText('核验通过');
  // Online, the platform's signed revocation list was fetched (and kept for offline use): the key stands.
  await expect(page.getByTestId('verify-key')).toHaveText('未吊销');
  await expect(page.getByTestId('verify-revocations')).toContainText('吊销名单：平台');
  // The skew the terminal measured against the platform is signed and shown.
  await expect(page.getByTestId('verify-skew')).toContainText(/与平台一致|终端时钟比平台/);
  await page.getByTestId('verify-card').fill(subject.identifier);
  await expect(page.getByTestId('verify-card-match')).toHaveText('与核查对象一致');
  await screenshot(page, '31-verify-slip');
  // The reference number finds this terminal's own slip.
  await page.getByTestId('verify-input').fill(reference!.toLowerCase());
  await page.getByTestId('verify-input').press('Enter');
  await expect(page.getByTestId('verify-contents')).toContainText(reference!);
});

test('the supervisor opens the verification of a check from the records', async ({ page, web, platform }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
  await enrol(page, web.url, platform.enrolmentCode, '督查终端');
  await login(page, DEMO_SUPERVISOR);
  await waitForListData(page);
  await choosePurpose(page, 'PX-MF', 'BJ-2026-1406');
  await lookUp(page, SHOWCASE.courtDishonestPerson.identifier);
  await decide(page, 'P-COURT-HONOUR', '已实施');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('feedback-delivery')).toBeVisible();
  await page.keyboard.press('Control+P');
  const reference = (await page.getByTestId('slip-reference').textContent())!;

  await page.getByRole('button', { name: '督查', exact: true }).click();
  const link = page.getByTestId('supervisor-checks').getByTestId('supervisor-slip');
  await expect(link).toHaveText(`核验 ${reference}`);
  await link.click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('verify-input')).toHaveValue(/\S{100,}/); // the slip's QR text, as a scanner would type it
  await expect(page.getByTestId('verify-contents')).toContainText(reference);
  await expect(page.getByTestId('verify-platform')).toHaveText('平台记录一致');
});
