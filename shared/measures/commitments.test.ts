import { describe, expect, it } from 'vitest';
import type { Catalogue, ListEntry } from '../contract/domain';
import { commitmentOptions, commitmentRefusal } from './commitments';

const catalogue = {
  version: 't',
  fields: [],
  measures: [],
  matters: [],
  listTypes: [
    { code: 'COURT', name: '失信被执行人', polarity: 'BLACK', field: 'JUDICIAL', serious: true, objectionPendingTriggers: false },
    { code: 'RED', name: '守信红名单', polarity: 'RED', field: 'TAX', serious: false, objectionPendingTriggers: false },
  ],
  commitmentKinds: [
    { name: '审批替代型承诺', notForListTypes: ['COURT'] },
    { name: '信用修复型承诺', notForListTypes: [] },
  ],
} satisfies Catalogue;

function entry(overrides: Partial<ListEntry>): ListEntry {
  return {
    id: 'e1',
    listType: 'COURT',
    subjectKind: 'PERSON',
    subjectName: '李建军',
    identifier: '371003197503080213',
    identifierType: 'RESIDENT_ID',
    reason: '',
    listedOn: '2025-01-01',
    validUntil: '2026-12-01',
    authority: '',
    documentNo: '',
    status: 'ACTIVE',
    ...overrides,
  } as ListEntry;
}

describe('commitment eligibility', () => {
  it('a 失信被执行人 may not replace approval steps with a promise, but may promise repair', () => {
    const options = commitmentOptions(catalogue, [entry({})], '2026-12-01');
    expect(options).toEqual([
      { kind: '审批替代型承诺', eligible: false, reason: '列入“失信被执行人”名单的主体不能作出“审批替代型承诺”' },
      { kind: '信用修复型承诺', eligible: true, reason: null },
    ]);
  });

  it('an entry with no effect (expired the day after its end date, repaired, under objection by policy) bars nothing', () => {
    expect(commitmentRefusal(catalogue, '审批替代型承诺', [entry({})], '2026-12-02')).toBeNull();
    expect(commitmentRefusal(catalogue, '审批替代型承诺', [entry({ status: 'REPAIRED' })], '2026-06-01')).toBeNull();
    expect(commitmentRefusal(catalogue, '审批替代型承诺', [entry({ status: 'OBJECTION_PENDING' })], '2026-06-01')).toBeNull();
    expect(commitmentRefusal(catalogue, '审批替代型承诺', [entry({ listType: 'RED' })], '2026-06-01')).toBeNull();
  });

  it('a kind the catalogue has no rule for is not refused; a catalogue without kinds offers none', () => {
    expect(commitmentRefusal(catalogue, '自由填写的承诺', [entry({})], '2026-06-01')).toBeNull();
    expect(commitmentOptions({ ...catalogue, commitmentKinds: undefined }, [], '2026-06-01')).toEqual([]);
  });
});
