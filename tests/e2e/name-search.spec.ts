/**
 * Name search: when the platform cuts the list, the clerk is told so and how to narrow it, and the
 * masked IDs stay in one column whatever tags stand beside them.
 */
import { choosePurpose, expect, screenshot, test } from './fixtures';

test('a cut candidate list says so and keeps the masked IDs in one column', async ({ clerk: page }) => {
  await choosePurpose(page, 'PX-MF', 'BJ-2026-NAME1');
  // Most demo companies are named 威海…: more than 20 match.
  await page.locator('#lookup-input').fill('威海');
  await page.locator('#lookup-input').press('Enter');
  const list = page.getByTestId('candidate-list');
  await expect(list.getByRole('option')).toHaveCount(20);
  await expect(page.locator('#candidate-title')).toContainText('仅显示前 20 个，请输入更完整的姓名或加上其他信息缩小范围');
  await expect(page.locator('#candidate-title')).not.toContainText('找到 20 个');

  const lefts = await list.locator('.candidate-id').evaluateAll((ids) => ids.map((id) => Math.round(id.getBoundingClientRect().left)));
  expect(new Set(lefts).size).toBe(1);
  await screenshot(page, '41-name-search-cut');
});
