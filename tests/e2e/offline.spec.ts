/**
 * The network cut: lookups come from the local cache (labelled offline), feedback is queued, and
 * after reconnection the platform has it exactly once.
 */
import { choosePurpose, decide, expect, lookUp, mutations, screenshot, SHOWCASE, terminalId, test } from './fixtures';

test('with the network cut the whole flow answers from the cache and the feedback arrives exactly once', async ({
  clerk: page,
  context,
  platform,
}) => {
  const terminal = await terminalId(page);
  const subject = SHOWCASE.courtDishonestPerson;

  await context.setOffline(true);
  await expect(page.getByTestId('status-online')).toHaveAttribute('data-online', 'false', { timeout: 15_000 });
  // The header says the same as the status bar: no green 在线登录 beside 离线.
  await expect(page.getByTestId('login-mode')).toHaveAttribute('data-connected', 'false');
  await expect(page.getByTestId('login-mode')).not.toContainText('在线登录');

  await choosePurpose(page, 'PX-MF', 'BJ-2026-OFF1');
  const banner = await lookUp(page, subject.identifier);
  await expect(banner).toHaveAttribute('data-result', 'BLACK');
  await expect(page.getByTestId('result-source')).toHaveAttribute('data-source', 'offline');
  await expect(page.getByTestId('result-source')).toContainText('离线缓存');
  await expect(page.getByTestId('result-age')).not.toBeEmpty();

  await decide(page, 'P-COURT-HONOUR', '已实施');
  await page.keyboard.press('Control+Enter');
  const delivery = page.getByTestId('feedback-delivery');
  await expect(delivery).toHaveAttribute('data-delivery', 'queued');
  await expect(delivery).toContainText('待发送队列');
  await expect(page.getByTestId('status-outbox')).not.toHaveAttribute('data-depth', '0');
  // Not a bare count: the clerk reads what is waiting (the check, the feedback, the audit trail).
  await expect(page.getByTestId('status-outbox')).toContainText(/待发送：1 条核查记录、1 条措施反馈、\d+ 条审计记录/);
  await screenshot(page, '19-offline-queued');

  await page.getByTestId('status-bar').click();
  await expect(page.getByText('同步详情', { exact: true })).toBeVisible();
  await expect(page.getByTestId('sync-outbox')).toContainText(/1 条核查记录、1 条措施反馈、\d+ 条审计记录/);
  await screenshot(page, '20-sync-panel-offline');
  await page.keyboard.press('Escape');

  // A commitment recorded offline is queued too, and says so until it is delivered.
  await page.getByTestId('commitment-open').click();
  const commitmentDialog = page.getByRole('dialog', { name: '记录信用承诺' });
  await commitmentDialog.getByRole('button', { name: '保存承诺' }).click();
  await expect(commitmentDialog).toBeHidden();
  const commitment = page.getByTestId('commitment-recorded');
  await expect(commitment).toHaveAttribute('data-delivery', 'queued');
  await expect(commitment).toContainText('信用承诺已进入待发送队列');

  await context.setOffline(false);
  await expect(page.getByTestId('status-online')).toHaveAttribute('data-online', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('login-mode')).toHaveText('在线登录');
  // Don't wait for the spread-out automatic retry: the clerk can ask for it.
  await page.keyboard.press('F9');
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('status-outbox')).toHaveAttribute('data-depth', '0', { timeout: 30_000 });
  // The label follows the record: delivered now, so no longer "queued".
  await expect(delivery).toHaveAttribute('data-delivery', 'sent');
  await expect(delivery).not.toContainText('待发送队列');
  await expect(commitment).toHaveAttribute('data-delivery', 'sent');
  await expect(commitment).toContainText('信用承诺已发送到平台');

  const received = await mutations(platform.url, terminal);
  const feedback = received.filter((m) => m.kind === 'feedback' && (m.body as { measureCode?: string }).measureCode === 'P-COURT-HONOUR');
  expect(feedback).toHaveLength(1);
  // And the check itself, once.
  expect(received.filter((m) => m.kind === 'check')).toHaveLength(1);

  // Syncing again sends nothing twice.
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-now')).toBeEnabled();
  const again = await mutations(platform.url, terminal);
  expect(again.filter((m) => m.kind === 'feedback')).toHaveLength(1);
});
