import { describe, expect, it } from 'vitest';
import type { EntryStatus, ListType } from '../contract/domain';
import { LT, entry, listTypes } from './__fixtures__/testCatalogue';
import { effectiveStatus, entryTriggers } from './index';

const type = (code: string): ListType | undefined => listTypes.find((t) => t.code === code);

describe('effectiveStatus', () => {
  it.each<[EntryStatus, string | null, string, EntryStatus]>([
    ['ACTIVE', null, '2099-12-31', 'ACTIVE'], // open-ended
    ['ACTIVE', '2026-06-30', '2026-06-29', 'ACTIVE'],
    ['ACTIVE', '2026-06-30', '2026-06-30', 'ACTIVE'], // still active on its end date
    ['ACTIVE', '2026-06-30', '2026-07-01', 'EXPIRED'], // expired the day after
    ['ACTIVE', '2025-12-31', '2026-01-01', 'EXPIRED'],
    ['EXPIRED', '2099-12-31', '2026-06-30', 'EXPIRED'], // the platform's word stands
    ['REPAIRED', null, '2026-06-30', 'REPAIRED'],
    ['REMOVED', '2099-12-31', '2026-06-30', 'REMOVED'],
    ['REVOKED', '2026-06-30', '2026-07-01', 'REVOKED'],
    ['OBJECTION_PENDING', '2026-06-30', '2026-07-01', 'OBJECTION_PENDING'],
  ])('%s until %s on %s → %s', (status, validUntil, today, expected) => {
    expect(effectiveStatus(entry('e1', LT.SXBZXR, { status, validUntil }), today)).toBe(expected);
  });
});

describe('entryTriggers', () => {
  it.each<[string, EntryStatus, string | null, string, boolean, string | undefined]>([
    [LT.SXBZXR, 'ACTIVE', null, '2026-06-30', true, undefined],
    [LT.SXBZXR, 'ACTIVE', '2026-06-30', '2026-06-30', true, undefined],
    [LT.SXBZXR, 'ACTIVE', '2026-06-30', '2026-07-01', false, 'EXPIRED'],
    [LT.SXBZXR, 'EXPIRED', null, '2026-06-30', false, 'EXPIRED'],
    [LT.SXBZXR, 'REPAIRED', null, '2026-06-30', false, 'REPAIRED'],
    [LT.SXBZXR, 'REMOVED', null, '2026-06-30', false, 'REMOVED'],
    [LT.SXBZXR, 'REVOKED', null, '2026-06-30', false, 'REVOKED'],
    // objectionPendingTriggers: SXBZXR false, ZDSSWF true
    [LT.SXBZXR, 'OBJECTION_PENDING', null, '2026-06-30', false, 'OBJECTION_PENDING'],
    [LT.ZDSSWF, 'OBJECTION_PENDING', null, '2026-06-30', true, undefined],
    [LT.ZDSSWF, 'OBJECTION_PENDING', '2026-06-30', '2026-06-30', true, undefined],
    [LT.ZDSSWF, 'OBJECTION_PENDING', '2026-06-30', '2026-07-01', false, 'EXPIRED'],
    // red lists follow the same rules
    [LT.ANSR, 'ACTIVE', '2026-06-30', '2026-06-30', true, undefined],
    [LT.ANSR, 'ACTIVE', '2026-06-30', '2026-07-01', false, 'EXPIRED'],
  ])('%s %s until %s on %s → %s (%s)', (code, status, validUntil, today, triggers, reason) => {
    const result = entryTriggers(entry('e1', code, { status, validUntil }), type(code), today);
    expect(result.triggers).toBe(triggers);
    expect(result.reason).toBe(reason);
  });

  it('an unknown list type: ACTIVE triggers, OBJECTION_PENDING has no policy and does not', () => {
    expect(entryTriggers(entry('e1', 'GHOST'), undefined, '2026-06-30')).toEqual({ triggers: true });
    expect(entryTriggers(entry('e1', 'GHOST', { status: 'OBJECTION_PENDING' }), undefined, '2026-06-30')).toEqual({
      triggers: false,
      reason: 'OBJECTION_PENDING',
    });
  });
});
