import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Matter } from '../../../../shared/contract';
import { parseId, type ParsedId } from '../../../../shared/ids';
import { CacheDb } from '../../data/cacheDb';
import { DexieListStore } from '../../data/dexieListStore';
import { catalogue, entry, LIST_BLACK, LIST_RED, MATTER, profileOf, residentId, uscc } from '../../testing/fixtures';
import { offlineAnswer, profileCacheKey } from './offlineAnswer';

const NOW = new Date('2024-06-01T08:00:00Z');
const company = uscc('12345678');
const rep = residentId('371002', '19800101', '123');
/** A matter that may see the red list only. */
const RED_ONLY: Matter = { ...catalogue().matters[0]!, code: 'M-RED', visibleListTypes: [LIST_RED] };

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
    const answer = await offlineAnswer(parsed(company), RED_ONLY, { store: new DexieListStore(cache), cache, now: NOW });
    expect(answer.fromCachedProfile).toBe(true);
    expect(answer.profile?.repairs.map((r) => r.id)).toEqual(['R2']);
    expect(answer.profile?.legalRepresentative?.entries).toEqual([]);
  });
});
