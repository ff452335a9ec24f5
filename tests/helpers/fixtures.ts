/** Test data with valid identifiers and a small catalogue (unit tests and the integration harness). */
import type { Catalogue, ListEntry, Profile } from '../../shared/contract';
import { orgCodeCheckChar, residentIdCheckChar, usccCheckChar } from '../../shared/ids';

export function residentId(region = '371002', birth = '19800101', sequence = '123'): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

/** 15-digit legacy form of a 1900s resident ID: drop "19" and the check character. */
export function legacyOf(id18: string): string {
  return id18.slice(0, 6) + id18.slice(8, 17);
}

export function orgCode(body8 = 'MA3C4K5X'): string {
  return body8 + orgCodeCheckChar(body8);
}

export function uscc(body8 = 'MA3C4K5X', prefix = '91371000'): string {
  const first17 = prefix + orgCode(body8);
  return first17 + usccCheckChar(first17);
}

export const LIST_BLACK = 'DISHONEST';
export const LIST_RED = 'TAX_A';
export const MATTER = 'M001';

export function catalogue(): Catalogue {
  return {
    version: 'cat-1',
    fields: [{ code: 'F1', name: '司法' }],
    listTypes: [
      { code: LIST_BLACK, name: '失信被执行人', polarity: 'BLACK', field: 'F1', serious: true, objectionPendingTriggers: false },
      { code: LIST_RED, name: '纳税信用A级', polarity: 'RED', field: 'F1', serious: false, objectionPendingTriggers: false },
      { code: 'HIDDEN', name: '其他名单', polarity: 'BLACK', field: 'F1', serious: false, objectionPendingTriggers: false },
    ],
    measures: [
      {
        code: 'P1',
        polarity: 'PUNISHMENT',
        area: '',
        title: '限制参与政府采购',
        content: '',
        legalBasis: '',
        department: '',
        obligation: 'MUST',
        trigger: { listTypes: [LIST_BLACK], industryGrades: [], haibeiGrades: [] },
        suppressedBySeriousBlack: false,
        targetsLegalRepresentative: false,
      },
      {
        code: 'I1',
        polarity: 'INCENTIVE',
        area: '',
        title: '绿色通道',
        content: '',
        legalBasis: '',
        department: '',
        obligation: 'MAY',
        trigger: { listTypes: [LIST_RED], industryGrades: [], haibeiGrades: ['AAA'] },
        suppressedBySeriousBlack: true,
        targetsLegalRepresentative: false,
      },
    ],
    matters: [
      {
        code: MATTER,
        name: '政府采购资格审查',
        area: '',
        department: '财政局',
        subjectKinds: ['PERSON', 'ENTERPRISE'],
        measures: ['P1', 'I1'],
        checkMandatory: true,
        visibleListTypes: [LIST_BLACK, LIST_RED],
        // I1 triggers on the 海贝分, so the matter asks for it.
        visibleProfile: { gradeFields: [], haibei: true, commitments: true },
      },
    ],
  };
}

let counter = 0;

export function entry(partial: Partial<ListEntry> & { identifier: string }): ListEntry {
  counter += 1;
  return {
    id: `E${counter}`,
    listType: LIST_BLACK,
    subjectKind: partial.identifier.length === 18 && /^\d{17}/.test(partial.identifier) ? 'PERSON' : 'ENTERPRISE',
    subjectName: '张三',
    identifierType:
      partial.identifier.length === 9
        ? 'ORG_CODE'
        : /^\d{17}/.test(partial.identifier) || partial.identifier.length === 15
          ? 'RESIDENT_ID'
          : 'USCC',
    reason: '拒不履行生效判决',
    listedOn: '2024-01-01',
    validUntil: null,
    authority: '威海市中级人民法院',
    documentNo: '(2024)鲁10执1号',
    amount: null,
    status: 'ACTIVE',
    updatedAt: '2024-01-01T00:00:00Z',
    ...partial,
  };
}

export function profileOf(entries: ListEntry[], identifier: string, name = '张三'): Profile {
  return {
    subject: {
      kind: 'PERSON',
      name,
      identifier,
      identifierType: 'RESIDENT_ID',
      masked: `${identifier.slice(0, 4)}**********${identifier.slice(-4)}`,
    },
    legalRepresentative: null,
    entries,
    grades: [],
    haibei: {
      score: 1200,
      grade: 'AAA',
      rulesVersion: 'r1',
      updatedAt: '2024-01-01T00:00:00Z',
      base: 1000,
      breakdown: [{ category: '志愿服务', points: 200 }],
      recentRecords: [],
    },
    commitments: [],
    repairs: [],
  };
}
