import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupResponse, SyncPage, type ListEntry } from '../../../shared/contract';
import { SHOWCASE_SUBJECTS } from '../../../platform/seed/showcase';
import { call, enrolAndLogin, purpose, startTestPlatform, type TestPlatform } from '../../helpers/platform';

async function fullState(t: TestPlatform): Promise<ListEntry[]> {
  const { token } = await enrolAndLogin(t);
  const entries: ListEntry[] = [];
  let after: string | undefined;
  for (;;) {
    const res = await call(`${t.api}/sync/entries?limit=10000${after ? `&after=${after}` : ''}`, { token });
    const page = SyncPage.parse(res.body);
    for (const c of page.changes) if (c.op === 'put') entries.push(c.entry);
    after = page.cursor;
    if (!page.hasMore) return entries;
  }
}

let a: TestPlatform;
let b: TestPlatform;
let c: TestPlatform;

beforeAll(async () => {
  [a, b, c] = await Promise.all([startTestPlatform({ seed: 42 }), startTestPlatform({ seed: 42 }), startTestPlatform({ seed: 43 })]);
});
afterAll(async () => {
  await Promise.all([a, b, c].map((t) => t.platform.close()));
});

describe('seeded databases', () => {
  it('the same seed gives the same lists; another seed other lists', async () => {
    const [ea, eb, ec] = await Promise.all([fullState(a), fullState(b), fullState(c)]);
    expect(ea.length).toBe(14 + 18); // showcase + 6% of 300
    expect(eb).toEqual(ea);
    expect(ec).not.toEqual(ea);
    expect(a.platform.seeding).toMatchObject({ reused: false, info: { subjects: 300, seed: 42 } });
  });

  it('every showcase subject is present, whatever the seed', async () => {
    for (const t of [a, c]) {
      const { token } = await enrolAndLogin(t);
      for (const s of SHOWCASE_SUBJECTS) {
        const matter = s.kind === 'PERSON' ? 'CZ-JYBT' : 'CG-GYS';
        const res = await call(`${t.api}/subjects/lookup`, { token, body: { identifier: s.identifier, ...purpose(matter) } });
        expect(res.status, s.key).toBe(200);
        const profile = LookupResponse.parse(res.body).profile;
        expect(profile.subject.name).toBe(s.name);
        expect(profile.subject.identifier).toBe(s.identifier);
      }
    }
  });
});
