/**
 * Every time on the screen is China time, whatever zone the PC is set to: this browser runs in New
 * York, twelve or thirteen hours behind the counter's clock, and must still show Weihai's time.
 */
import { choosePurpose, expect, lookUp, screenshot, SHOWCASE, test } from './fixtures';

test.use({ timezoneId: 'America/New_York' });

const CHINA = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The China-time minutes from `from` to now, as the app writes them: 2026年12月2日 03:29. */
function chinaMinutesSince(from: number): { dateTimes: string[]; clocks: string[] } {
  const dateTimes: string[] = [];
  const clocks: string[] = [];
  for (let at = from - 60_000; at <= Date.now() + 60_000; at += 60_000) {
    const part = Object.fromEntries(CHINA.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
    const day = `${Number(part.month)}月${Number(part.day)}日 ${part.hour}:${part.minute}`;
    dateTimes.push(`${part.year}年${day}`);
    clocks.push(day);
  }
  return { dateTimes, clocks };
}

test('a PC set to New York shows the check, the cached profile and the clock in China time', async ({ clerk: page, context }) => {
  const started = Date.now();
  const subject = SHOWCASE.cleanPerson;
  const checkedAt = page.locator('.ant-descriptions-item').filter({ hasText: '核查时间' }).locator('.ant-descriptions-item-content');

  await choosePurpose(page, 'PX-MF', 'BJ-2026-TZ1');
  await lookUp(page, subject.identifier);
  await expect(page.getByTestId('result-source')).toHaveAttribute('data-source', 'online');
  const online = chinaMinutesSince(started);
  expect(online.dateTimes).toContain((await checkedAt.first().textContent())?.trim());
  expect(online.clocks).toContain((await page.locator('.status-clock').textContent())?.trim());

  await context.setOffline(true);
  await expect(page.getByTestId('status-online')).toHaveAttribute('data-online', 'false', { timeout: 15_000 });
  await lookUp(page, subject.identifier);
  await expect(page.getByTestId('result-source')).toHaveAttribute('data-source', 'offline');
  const offline = chinaMinutesSince(started);
  // The card's own times agree with each other: both China time, both written the same way.
  const cached = page.getByTestId('notice').filter({ hasText: '评分、分级、承诺等信息来自' });
  const cachedAt = /来自 (.+) 的在线查询结果/.exec((await cached.textContent()) ?? '')?.[1];
  expect(offline.dateTimes).toContain(cachedAt);
  expect(offline.dateTimes).toContain((await checkedAt.first().textContent())?.trim());
  await screenshot(page, '40-offline-card-china-time');
});
