import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Matter } from '../../../../shared/contract';
import { parseId, type ParsedId } from '../../../../shared/ids';
import { CacheDb } from '../../data/cacheDb';
import { DexieListStore } from '../../data/dexieListStore';
import { catalogue, entry, LIST_BLACK, LIST_RED, MATTER, profileOf, residentId, uscc } from '../../../../tests/helpers/fixtures';
import { offlineAnswer } from './offlineAnswer';
import { ProfileCache, profileCacheKey } from '../../data/cachedAnswers';

const NOW = new Date('2024-06-01T08:00:00Z');
const company = uscc('12345678');
const rep = residentId('371002', '19800101', '123');
/** A matter that may see the red list only (and nothing else of a profile). */
const { visibleProfile: _asksForMore, ...FIXTURE_MATTER } = catalogue().matters[0]!;
const RED_ONLY: Matter = { ...FIXTURE_MATTER, code: 'M-RED', visibleListTypes: [LIST_RED] };

let cache: CacheDb;
let n = 0;

function parsed(value: string): ParsedId {
  const result = parseId(value, { today: NOW });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

beforeEach(async () => {
  n += 1;
  cache = new CacheDb(`offline-answer-${n}-${Date.now()}`);
  await cache.open();
  // Looked up online earlier for a matter that sees the black list too.
  const black = entry({ id: 'RB1', identifier: rep, listType: LIST_BLACK, subjectName: '李四' });
  const profile = profileOf([], company, '威海某公司');
  await cache.profiles.put({
    key: profileCacheKey(company, MATTER),
    identifier: company,
    matterCode: MATTER,
    profile: {
      ...profile,
      subject: { ...profile.subject, kind: 'ENTERPRISE', identifierType: 'USCC' },
      legalRepresentative: { kind: 'PERSON', name: '李四', identifier: rep, identifierType: 'RESIDENT_ID', masked: 'x', entries: [black] },
      repairs: [
        { id: 'R1', entryId: 'X1', listType: LIST_BLACK, repairedOn: '2024-02-01', authority: 'a', documentNo: 'd', method: 'm' },
        { id: 'R2', entryId: 'X2', listType: LIST_RED, repairedOn: '2024-02-01', authority: 'a', documentNo: 'd', method: 'm' },
      ],
    },
    dataVersion: 'v1',
    fetchedAt: '2024-05-31T08:00:00Z',
  });
});
afterEach(async () => cache.delete());

describe('offline answer from a profile cached for another matter', () => {
  it('keeps purpose limitation: no repairs or representative entries of list types this matter may not see', async () => {
    const answer = await offlineAnswer(parsed(company), RED_ONLY, {
      store: new DexieListStore(cache),
      profiles: new ProfileCache(cache),
      now: NOW,
    });
    expect(answer.fromCachedProfile).toBe(true);
    expect(answer.profile?.repairs.map((r) => r.id)).toEqual(['R2']);
    expect(answer.profile?.legalRepresentative?.entries).toEqual([]);
  });
});

describe('offline answer: purpose limitation over the whole profile', () => {
  it('grades, 海贝分 and commitments cached for one matter show only for a matter that asks for them', async () => {
    const person = residentId('371002', '19900101', '456');
    const profile = profileOf([], person, '王五');
    await cache.profiles.put({
      key: profileCacheKey(person, 'M-ALL'),
      identifier: person,
      matterCode: 'M-ALL',
      profile: {
        ...profile,
        grades: [{ field: 'TAX', grade: 'A', ratedOn: '2024-01-01', validUntil: null, authority: '税务局' }],
        haibei: {
          score: 760,
          grade: 'D',
          rulesVersion: 'r',
          updatedAt: '2024-05-01T00:00:00Z',
          base: 1000,
          breakdown: [],
          recentRecords: [],
        },
        commitments: [{ id: 'C1', kind: '承诺', text: 't', madeOn: '2024-01-01', dueOn: null, matterCode: null, status: 'IN_FORCE' }],
      },
      dataVersion: 'v1',
      fetchedAt: '2024-05-31T08:00:00Z',
    });
    const deps = { store: new DexieListStore(cache), profiles: new ProfileCache(cache), now: NOW };
    const none = await offlineAnswer(parsed(person), RED_ONLY, deps);
    expect(none.profile).toMatchObject({ grades: [], haibei: null, commitments: [] });
    const asking: Matter = { ...RED_ONLY, code: 'M-ASK', visibleProfile: { gradeFields: ['TAX'], haibei: true, commitments: true } };
    const all = await offlineAnswer(parsed(person), asking, deps);
    expect(all.profile?.haibei?.grade).toBe('D');
    expect(all.profile?.grades.map((g) => g.field)).toEqual(['TAX']);
    expect(all.profile?.commitments.map((c) => c.id)).toEqual(['C1']);
  });
});
