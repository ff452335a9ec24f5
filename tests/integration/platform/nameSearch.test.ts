/**
 * Name search is bounded the way a counter needs it: a query specific enough to name someone, at
 * most 20 candidates, a per-operator hourly budget that supervisors see when it runs out, and every
 * search on the platform's access log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NameSearchAlertsResponse, NameSearchResponse, Problem } from '../../../shared/contract';
import { call, enrolAndLogin, purpose, startTestPlatform, type Login, type TestPlatform } from './helpers';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({ subjects: 2_000, nameSearchesPerHour: 5 });
});
afterAll(async () => {
  await t.platform.close();
});

function search(who: Login, name: string) {
  return call(`${t.api}/subjects/search`, { token: who.token, body: { name, ...purpose('PX-MF') } });
}

describe('name search bounds', () => {
  it('needs at least two Chinese characters or three pinyin initials', async () => {
    const clerk = await enrolAndLogin(t, 'c001');
    for (const name of ['王', 'W', 'WJ', '王J', ' 王 ', '12', '王1']) {
      const res = await search(clerk, name);
      expect(res.status, name).toBe(400);
      expect(Problem.parse(res.body)).toMatchObject({ code: 'name_query_too_short', title: '请至少输入两个汉字或三个拼音首字母' });
    }
    for (const name of ['王建', 'WJG', 'w j g']) expect((await search(clerk, name)).status, name).toBe(200);
  });

  it('answers at most 20 candidates and says when more match', async () => {
    const clerk = await enrolAndLogin(t, 'c001');
    // Most demo companies are named 威海…: far more than 20 of the 2,000 subjects match.
    const wide = NameSearchResponse.parse((await search(clerk, '威海')).body);
    expect(wide.candidates).toHaveLength(20);
    expect(wide.more).toBe(true);
    // A full name matches a handful: the whole list, and no claim of more.
    const narrow = NameSearchResponse.parse((await search(clerk, wide.candidates[0]!.name)).body);
    expect(narrow.candidates.length).toBeLessThan(20);
    expect(narrow.more).toBe(false);
  });

  it('an operator’s hourly budget runs out (429 in Chinese, with Retry-After); other operators keep theirs; supervisors see it', async () => {
    let now = Date.parse('2026-12-01T02:00:00Z');
    const clocked = await startTestPlatform({ nameSearchesPerHour: 3, now: () => new Date(now) });
    try {
      const clerk = await enrolAndLogin(clocked, 'c001');
      const other = await enrolAndLogin(clocked, 'c002');
      const ask = (who: Login) => call(`${clocked.api}/subjects/search`, { token: who.token, body: { name: '王建', ...purpose('PX-MF') } });
      for (let i = 0; i < 3; i++) expect((await ask(clerk)).status).toBe(200);
      // A refused query does not use the budget up.
      await call(`${clocked.api}/subjects/search`, { token: clerk.token, body: { name: '王', ...purpose('PX-MF') } });
      const spent = await ask(clerk);
      expect(spent.status).toBe(429);
      expect(Problem.parse(spent.body)).toMatchObject({ code: 'name_search_budget', title: expect.stringContaining('每小时最多 3 次') });
      expect(Number(spent.headers.get('retry-after'))).toBeGreaterThan(3_000);
      expect((await ask(other)).status).toBe(200);

      const alertsFor = async (supervisor: string) => {
        const token = (await enrolAndLogin(clocked, supervisor)).token;
        const res = await call(`${clocked.api}/supervisor/name-search-alerts`, { token });
        expect(res.status).toBe(200);
        return NameSearchAlertsResponse.parse(res.body);
      };
      const city = await alertsFor('s001');
      expect(city.budgetPerHour).toBe(3);
      expect(city.alerts).toEqual([
        expect.objectContaining({ operatorId: 'c001', operatorName: '王晓燕', terminalId: clerk.terminalId, refused: 1 }),
      ]);
      // 高区's clerk is outside the 环翠区 supervisor's scope; 环翠区's is inside.
      expect((await alertsFor('s002')).alerts.map((a) => a.operatorId)).toEqual(['c001']);
      const log = (await call(`${clocked.controls}/access-log`)).body.entries as Array<{
        operatorId: string;
        action: string;
        outcome: string;
      }>;
      expect(log.filter((e) => e.operatorId === 'c001' && e.action === 'NAME_SEARCH').map((e) => e.outcome)).toEqual([
        'budget_exhausted',
        'name_query_too_short',
        expect.stringMatching(/^candidates:/),
        expect.stringMatching(/^candidates:/),
        expect.stringMatching(/^candidates:/),
      ]);

      // An hour after the first search, the budget is back.
      now += 3_600_000 + 1_000;
      expect((await ask(clerk)).status).toBe(200);
    } finally {
      await clocked.platform.close();
    }
  });

  it('the route is for supervisors only', async () => {
    const clerk = await enrolAndLogin(t, 'c001');
    expect((await call(`${t.api}/supervisor/name-search-alerts`, { token: clerk.token })).status).toBe(403);
  });
});
