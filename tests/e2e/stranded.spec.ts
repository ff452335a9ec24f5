/**
 * IT's way out for a stranded terminal, as the screens show it: a platform that forgot the terminal
 * says so at login (not "wrong password") and tells IT what to do; IT re-enrols from the login
 * screen, the new enrolment takes the old identity over, and the records queued under it go out.
 */
import { readFileSync } from 'node:fs';
import {
  choosePurpose,
  DEMO_CLERK,
  DEMO_IT,
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

async function control(platformUrl: string, path: string): Promise<void> {
  const response = await fetch(`${platformUrl}/__test${path}`, { method: 'POST' });
  expect(response.ok, `${path}: ${response.status} ${await response.text()}`).toBe(true);
}

test('a platform that forgot the terminal: the login says so, IT re-enrols from there, the queued check goes out under the old identity', async ({
  clerk: page,
  context,
  platform,
}) => {
  const old = await terminalId(page);

  // A check recorded offline waits in the queue.
  await context.setOffline(true);
  await expect(page.getByTestId('status-online')).toHaveAttribute('data-online', 'false', { timeout: 15_000 });
  await choosePurpose(page, 'PX-MF', 'BJ-2026-HO01');
  await lookUp(page, SHOWCASE.cleanPerson.identifier);
  await expect(page.getByTestId('status-outbox')).not.toHaveAttribute('data-depth', '0');

  // Meanwhile the platform is restored from a backup older than this terminal's enrolment.
  await control(platform.url, `/terminals/${old}/forget`);
  await context.setOffline(false);
  await page.getByTestId('logout').click();
  await page.getByRole('button', { name: '确定' }).click();
  await page.getByLabel('工号').fill(DEMO_CLERK.id);
  await page.getByLabel('密码').fill(DEMO_CLERK.password);
  await page.getByLabel('密码').press('Enter');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('信用平台没有本终端的注册记录');
  await expect(alert).toContainText('请 IT 在本机重新注册终端');
  await expect(alert).not.toContainText('工号或密码错误');
  await screenshot(page, '32-login-unknown-terminal');

  await page.getByTestId('login-reenrol').click();
  await expect(page.getByText(`新注册将接替它`)).toBeVisible();
  await expect(page.getByText(old)).toBeVisible();
  await page.getByLabel('注册码').fill(platform.enrolmentCode);
  // The platform cannot check this PC's secret against a terminal it forgot: the code alone is refused…
  await page.getByRole('button', { name: '注册终端' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '信用平台没有原终端的注册记录' })).toContainText(
    '请由信息技术管理员输入工号和密码确认接替',
  );
  // …and IT confirms the hand-over with its own account (the platform audits who did).
  await page.getByLabel('管理员工号').fill(DEMO_IT.id);
  await page.getByLabel('管理员密码').fill(DEMO_IT.password);
  await screenshot(page, '33-reenrol-hand-over');
  await page.getByRole('button', { name: '注册终端' }).click();
  await expect(page.getByText('操作员登录')).toBeVisible();
  await login(page, DEMO_CLERK);

  await expect(page.getByTestId('status-outbox')).toHaveAttribute('data-depth', '0', { timeout: 30_000 });
  const received = await mutations(platform.url, old);
  expect(received.find((m) => m.kind === 'check' && (m.body as { caseNo?: string }).caseNo === 'BJ-2026-HO01')).toMatchObject({
    status: 'accepted',
  });
  expect(await terminalId(page)).not.toBe(old);
});

test('IT exports the journal from the sync panel and imports a file into the platform; what the platform has is a duplicate', async ({
  page,
  web,
  platform,
}) => {
  await enrol(page, web.url, platform.enrolmentCode);
  await login(page, DEMO_IT);
  await waitForListData(page);
  await page.keyboard.press('F9');
  const panel = page.getByTestId('journal-transfer');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('status-outbox')).toHaveAttribute('data-depth', '0', { timeout: 30_000 });

  const download = page.waitForEvent('download');
  await page.getByTestId('export-journal').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^终端记录导出-\d{8}-\d{6}\.json$/);
  const path = await file.path();
  const exported = JSON.parse(readFileSync(path, 'utf8')) as { format: string; records: unknown[] };
  expect(exported.format).toBe('credit-counter-journal/1');
  await expect(page.getByTestId('transfer-result')).toContainText(`已导出 ${exported.records.length} 条记录`);

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-journal').click();
  await (await chooser).setFiles(path);
  // Everything but the export's own audit record had reached the platform already.
  await expect(page.getByTestId('transfer-result')).toContainText(`新接收 1 条，平台已有 ${exported.records.length - 1} 条，拒绝 0 条`);
  await page.getByTestId('transfer-result').scrollIntoViewIfNeeded();
  await screenshot(page, '34-sync-panel-journal-transfer');
});
