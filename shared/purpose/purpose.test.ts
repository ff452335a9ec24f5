import { describe, expect, it } from 'vitest';
import type { Matter, Profile } from '../contract';
import { checkCaseNo, scopeProfile } from './index';

const MATTER: Matter = {
  code: 'XK-T',
  name: '测试许可',
  area: '行政许可',
  department: '审批局',
  subjectKinds: ['ENTERPRISE'],
  measures: [],
  checkMandatory: true,
  visibleListTypes: ['BLK_A'],
};

const entry = (id: string, listType: string) => ({
  id,
  listType,
  subjectKind: 'ENTERPRISE' as const,
  subjectName: '某公司',
  identifier: '91371002MA3C8K2T13',
  identifierType: 'USCC' as const,
  reason: '',
  listedOn: '2026-01-01',
  validUntil: null,
  authority: '',
  documentNo: '',
  amount: null,
  status: 'ACTIVE' as const,
  updatedAt: '2026-01-01T00:00:00Z',
});

const PROFILE: Profile = {
  subject: { kind: 'ENTERPRISE', name: '某公司', identifier: '91371002MA3C8K2T13', identifierType: 'USCC', masked: '9137**********2T13' },
  legalRepresentative: null,
  entries: [entry('e1', 'BLK_A'), entry('e2', 'BLK_B')],
  grades: [
    { field: 'TAX', grade: 'A', ratedOn: '2026-01-01', validUntil: null, authority: '税务局' },
    { field: 'CONSTRUCTION', grade: 'C', ratedOn: '2026-01-01', validUntil: null, authority: '住建局' },
  ],
  haibei: { score: 1185, grade: 'AAA', rulesVersion: 'r', updatedAt: '2026-01-01T00:00:00Z', base: 1000, breakdown: [], recentRecords: [] },
  commitments: [{ id: 'c1', kind: '承诺', text: '', madeOn: '2026-01-01', dueOn: null, matterCode: null, status: 'IN_FORCE' }],
  repairs: [{ id: 'r1', entryId: 'e2', listType: 'BLK_B', repairedOn: '2026-02-01', authority: '', documentNo: '', method: '' }],
};

describe('scopeProfile', () => {
  it('a matter that asks for nothing beyond its lists sees only those lists', () => {
    const scoped = scopeProfile(PROFILE, MATTER);
    expect(scoped.entries.map((e) => e.id)).toEqual(['e1']);
    expect(scoped).toMatchObject({ grades: [], haibei: null, commitments: [], repairs: [] });
  });

  it('sees the grade fields, the 海贝分 and the commitments it asks for', () => {
    const scoped = scopeProfile(PROFILE, { ...MATTER, visibleProfile: { gradeFields: ['TAX'], haibei: true, commitments: true } });
    expect(scoped.grades.map((g) => g.field)).toEqual(['TAX']);
    expect(scoped.haibei?.score).toBe(1185);
    expect(scoped.commitments.map((c) => c.id)).toEqual(['c1']);
  });
});

describe('checkCaseNo', () => {
  const formatted: Matter = { ...MATTER, caseNoFormat: { pattern: 'XK-20\\d{2}-\\d{4,6}', example: 'XK-2026-000123' } };

  it('takes the whole case number in the format, trimmed', () => {
    expect(checkCaseNo(formatted, 'XK-2026-0001')).toEqual({ ok: true });
    expect(checkCaseNo(formatted, ' XK-2026-000123 ')).toEqual({ ok: true });
  });

  it('refuses anything else with a message that shows the format', () => {
    for (const caseNo of ['XK-2026-001', 'AXK-2026-0001', 'XK-2026-0001B', 'XK-1926-0001', 'xk-2026-0001']) {
      const check = checkCaseNo(formatted, caseNo);
      expect(check.ok, caseNo).toBe(false);
      if (!check.ok) expect(check.message).toBe('办件编号格式不对：“测试许可”的办件编号应形如 XK-2026-000123');
    }
  });

  it('a matter without a format takes any case number; a broken pattern takes none', () => {
    expect(checkCaseNo(MATTER, '任意 1')).toEqual({ ok: true });
    expect(checkCaseNo({ ...MATTER, caseNoFormat: { pattern: '(', example: 'X' } }, 'X').ok).toBe(false);
  });
});
