/**
 * 督查看板 and 终端运维 on the demo month: a city supervisor filters by period and department and sees
 * what the platform counts, drills down to the records and to a check as recorded, exports an .xlsx
 * that reads back to the same figures; a clerk has no such menu; IT sees the troubled terminals.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { SupervisionDashboard } from '../../shared/contract';
import { startPlatform } from '../../platform/server';
import { TROUBLED_DEMO_TERMINALS } from '../../platform/seed/supervisionMonth';
import { DEMO_CLERK, DEMO_IT, DEMO_SUPERVISOR, enrol, expect, expectAccessible, login, screenshot, test } from './fixtures';

const DEPARTMENT = '高区政务服务中心';

test('city dashboard, drill-down, export; clerk has no dashboard; IT sees the troubled terminals', async ({ page, web }) => {
  test.setTimeout(180_000);
  const platform = await startPlatform({
    port: 0,
    db: ':memory:',
    subjects: 300,
    testControls: true,
    logger: false,
    corsOrigins: [web.url],
    demoMonth: true,
  });
  const previous = web.config.platformUrl;
  web.config.platformUrl = platform.url;
  try {
    // What the platform counts for 高区 in November, asked over HTTP with a supervisor's own session.
    const api = `${platform.url}/api/v1`;
    const headers = { 'X-Client-Version': '0.1.0', 'Content-Type': 'application/json' };
    const terminal = await (
      await fetch(`${api}/terminals`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ enrolmentCode: platform.enrolmentCode, name: 'e2e' }),
      })
    ).json();
    const session = await (
      await fetch(`${api}/sessions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ ...terminal, operatorId: 's001', password: 'demo1234' }),
      })
    ).json();
    const expected = SupervisionDashboard.parse(
      await (
        await fetch(`${api}/supervisor/dashboard?from=2026-11-01&to=2026-11-30&department=${encodeURIComponent(DEPARTMENT)}`, {
          headers: { ...headers, Authorization: `Bearer ${session.token}` },
        })
      ).json(),
    );
    expect(expected.checks).toBeGreaterThan(100);

    await enrol(page, web.url, platform.enrolmentCode);
    await login(page, DEMO_SUPERVISOR);
    await page.getByRole('button', { name: '督查看板' }).click();
    const board = page.getByTestId('cityboard');
    await expect(board).toBeVisible();
    await page.getByTestId('period').click();
    await page.getByTitle('自定义').click();
    const range = page.locator('.ant-picker-range');
    await range.locator('input').first().fill('2026-11-01');
    await range.locator('input').nth(1).fill('2026-11-30');
    await range.locator('input').nth(1).press('Enter');
    await page.getByTestId('department').click();
    await page.getByTitle(DEPARTMENT).click();
    await expect(page.getByRole('heading', { name: new RegExp(`2026-11-01 至 2026-11-30 · ${DEPARTMENT}`) })).toBeVisible();
    await expect(page.getByTestId('stat-checks')).toContainText(String(expected.checks));
    await expect(page.getByTestId('stat-must-declined')).toContainText(String(expected.must.NOT_APPLIED));
    await screenshot(page, '60-city-dashboard');

    await page.getByTestId('stat-black').click();
    const drill = page.getByTestId('drill');
    await expect(drill.getByRole('row')).not.toHaveCount(1);
    await screenshot(page, '61-city-dashboard-drill');
    await expectAccessible(page, 'city dashboard drill-down');
    await drill.getByText('查看').first().click();
    await expect(page.getByTestId('recorded-check')).toContainText('核查记录');
    await expect(page.getByTestId('recorded-check')).toContainText(/\*{4,}/);
    await screenshot(page, '62-recorded-check');
    await expectAccessible(page, 'recorded check');
    // Close both drawers and see them go: a drawer still sliding out would take the export click.
    await page.getByTestId('recorded-check').locator('.ant-drawer-close').click();
    await expect(page.getByTestId('recorded-check')).toBeHidden();
    await drill.locator('.ant-drawer-close').first().click();
    await expect(drill).toBeHidden();

    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const file = await (await downloading).path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(file)).buffer as ArrayBuffer);
    const figures = new Map<string, unknown>();
    workbook.getWorksheet('概况')!.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(figures.get('部门')).toBe(DEPARTMENT);
    expect(figures.get('核查总数')).toBe(expected.checks);
    expect(figures.get('应当措施：未实施')).toBe(expected.must.NOT_APPLIED);

    // A clerk has no dashboard.
    await page.getByTestId('logout').click();
    await page.getByRole('button', { name: '确定' }).click();
    await login(page, DEMO_CLERK);
    await expect(page.getByRole('button', { name: '督查看板' })).toHaveCount(0);

    await page.getByTestId('logout').click();
    await page.getByRole('button', { name: '确定' }).click();
    await login(page, DEMO_IT);
    await page.getByRole('button', { name: '终端运维' }).click();
    await page.getByTestId('only-troubled').click();
    const table = page.getByTestId('fleet-table');
    for (const flag of Object.values(TROUBLED_DEMO_TERMINALS)) await expect(table.locator(`[data-flag="${flag}"]`).first()).toBeVisible();
    await screenshot(page, '63-fleet');
  } finally {
    web.config.platformUrl = previous;
    await platform.close();
  }
});
