import type { Catalogue, HaibeiGrade, HaibeiScore, ListEntry, ListType, Matter, Measure, Profile } from '../../contract/domain';

/**
 * A small, realistic catalogue for the measure evaluation tests (not a test file itself).
 * Codes are short so table rows stay readable.
 */

// ---- List types ------------------------------------------------------------------------

export const LT = {
  /** 失信被执行人 (court): serious black, objection does not keep it triggering. */
  SXBZXR: 'SXBZXR',
  /** 重大税收违法失信主体: serious black, objection keeps it triggering (policy flag true). */
  ZDSSWF: 'ZDSSWF',
  /** 政府采购严重违法失信名单: serious black. */
  ZFCG: 'ZFCG_YZWF',
  /** 拖欠农民工工资失信联合惩戒对象: serious black. */
  TQNMG: 'TQNMG',
  /** 交通运输领域失信重点关注名单: black, but not serious. */
  JTZDGZ: 'JT_ZDGZ',
  /** A级纳税人: red. */
  ANSR: 'A_NSR',
  /** 劳动保障守法诚信红名单: red (not visible to procurement). */
  LDBZ: 'LDBZ_HMD',
  /** 守合同重信用企业: red. */
  SHTZXY: 'SHTZXY',
  /** 医疗保障失信名单: black, visible to no fixture matter (purpose limitation). */
  YBSX: 'YB_SX',
} as const;

function listType(
  code: string,
  name: string,
  polarity: 'RED' | 'BLACK',
  field: string,
  serious: boolean,
  objectionPendingTriggers: boolean,
): ListType {
  return { code, name, polarity, field, serious, objectionPendingTriggers };
}

export const listTypes: ListType[] = [
  listType(LT.SXBZXR, '失信被执行人', 'BLACK', 'SF', true, false),
  listType(LT.ZDSSWF, '重大税收违法失信主体', 'BLACK', 'SW', true, true),
  listType(LT.ZFCG, '政府采购严重违法失信名单', 'BLACK', 'ZFCG', true, false),
  listType(LT.TQNMG, '拖欠农民工工资失信联合惩戒对象', 'BLACK', 'RS', true, false),
  listType(LT.JTZDGZ, '交通运输领域失信重点关注名单', 'BLACK', 'JT', false, false),
  listType(LT.ANSR, 'A级纳税人', 'RED', 'SW', false, false),
  listType(LT.LDBZ, '劳动保障守法诚信红名单', 'RED', 'RS', false, false),
  listType(LT.SHTZXY, '守合同重信用企业', 'RED', 'SC', false, false),
  listType(LT.YBSX, '医疗保障失信名单', 'BLACK', 'YB', true, false),
];

// ---- Measures --------------------------------------------------------------------------

export const M = {
  /** 限制参加政府采购活动 — MUST punishment, also for a company whose representative is listed. */
  CG_XZ: 'P-ZFCG-001',
  /** 政府采购资格审查中从严审核 — MAY punishment, non-serious lists and poor environmental grade. */
  CG_CY: 'P-ZFCG-002',
  /** 政府采购评审中给予信用加分 — MAY incentive, suppressible. */
  CG_JF: 'I-ZFCG-001',
  /** 限制参加评先评优 — MUST punishment, targets the representative. */
  PX_XZ: 'P-PXPY-001',
  /** 列为重点监管对象 — MAY punishment, not for representatives; also 海贝分 D. */
  ZDJG: 'P-JG-001',
  /** 评先评优同等条件下优先考虑 — MAY incentive, suppressible; also 海贝分 AAA/AA and 环保 A grade. */
  PX_YX: 'I-PXPY-001',
  /** 绿色通道、容缺受理 — MUST incentive, suppressible. */
  LSTD: 'I-XZSP-001',
  /** 信易借：图书馆免押金借阅 — MAY incentive (信易+), 海贝分 AAA/AA only, suppressible. */
  XYJ: 'I-XYJ-001',
  /** 增值税发票按需领用 — MUST incentive that a serious black entry does not suppress. */
  FP: 'I-SW-001',
  /** 限制乘坐飞机 — punishment in no fixture matter's list. */
  FJ: 'P-JT-001',
} as const;

function measure(
  code: string,
  polarity: 'INCENTIVE' | 'PUNISHMENT',
  obligation: 'MUST' | 'MAY',
  title: string,
  trigger: Partial<Measure['trigger']>,
  opts: { suppressedBySeriousBlack?: boolean; targetsLegalRepresentative?: boolean; area?: string; department?: string } = {},
): Measure {
  return {
    code,
    polarity,
    area: opts.area ?? '综合',
    title,
    content: `${title}。`,
    legalBasis: '《关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》（国办发〔2019〕35号）',
    department: opts.department ?? '威海市发展和改革委员会',
    obligation,
    trigger: { listTypes: [], industryGrades: [], haibeiGrades: [], ...trigger },
    suppressedBySeriousBlack: opts.suppressedBySeriousBlack ?? false,
    targetsLegalRepresentative: opts.targetsLegalRepresentative ?? false,
  };
}

export const measures: Measure[] = [
  measure(
    M.CG_XZ,
    'PUNISHMENT',
    'MUST',
    '限制参加政府采购活动',
    { listTypes: [LT.ZFCG, LT.SXBZXR, LT.ZDSSWF] },
    {
      targetsLegalRepresentative: true,
      area: '政府采购',
      department: '威海市财政局',
    },
  ),
  measure(
    M.CG_CY,
    'PUNISHMENT',
    'MAY',
    '政府采购资格审查中从严审核',
    {
      listTypes: [LT.TQNMG, LT.JTZDGZ],
      industryGrades: [{ field: 'HB', grades: ['C', 'D'] }],
    },
    { area: '政府采购', department: '威海市财政局' },
  ),
  measure(
    M.CG_JF,
    'INCENTIVE',
    'MAY',
    '政府采购评审中给予信用加分',
    { listTypes: [LT.ANSR, LT.SHTZXY] },
    {
      suppressedBySeriousBlack: true,
      area: '政府采购',
      department: '威海市财政局',
    },
  ),
  measure(
    M.PX_XZ,
    'PUNISHMENT',
    'MUST',
    '限制参加评先评优',
    { listTypes: [LT.SXBZXR, LT.ZDSSWF, LT.TQNMG, LT.YBSX] },
    {
      targetsLegalRepresentative: true,
      area: '评先评优',
    },
  ),
  measure(
    M.ZDJG,
    'PUNISHMENT',
    'MAY',
    '列为重点监管对象，提高抽查频次',
    {
      listTypes: [LT.JTZDGZ, LT.TQNMG],
      haibeiGrades: ['D'],
    },
    { area: '日常监管' },
  ),
  measure(
    M.PX_YX,
    'INCENTIVE',
    'MAY',
    '评先评优同等条件下优先考虑',
    {
      listTypes: [LT.ANSR, LT.LDBZ, LT.SHTZXY],
      industryGrades: [{ field: 'HB', grades: ['A'] }],
      haibeiGrades: ['AAA', 'AA'],
    },
    { suppressedBySeriousBlack: true, area: '评先评优' },
  ),
  measure(
    M.LSTD,
    'INCENTIVE',
    'MUST',
    '行政审批开通绿色通道，实行容缺受理',
    { listTypes: [LT.ANSR, LT.LDBZ] },
    {
      suppressedBySeriousBlack: true,
      area: '行政审批',
      department: '威海市行政审批服务局',
    },
  ),
  measure(
    M.XYJ,
    'INCENTIVE',
    'MAY',
    '信易借：图书馆免押金借阅',
    { haibeiGrades: ['AAA', 'AA'] },
    {
      suppressedBySeriousBlack: true,
      area: '信易+',
      department: '威海市图书馆',
    },
  ),
  measure(
    M.FP,
    'INCENTIVE',
    'MUST',
    '增值税专用发票按需领用',
    { listTypes: [LT.ANSR] },
    {
      area: '税务',
      department: '国家税务总局威海市税务局',
    },
  ),
  measure(M.FJ, 'PUNISHMENT', 'MUST', '限制乘坐飞机', { listTypes: [LT.SXBZXR] }, { area: '交通出行' }),
];

// ---- Matters ---------------------------------------------------------------------------

/** 评先评优 (honours): sees most lists but not 政府采购严重违法失信名单; lists a code missing from the catalogue. */
export const HONOURS: Matter = {
  code: 'SX-PXPY-01',
  name: '评先评优资格审查',
  area: '评先评优',
  department: '威海市总工会',
  subjectKinds: ['PERSON', 'ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'INSTITUTION'],
  measures: [M.PX_XZ, M.ZDJG, M.PX_YX, M.LSTD, M.XYJ, M.FP, 'X-NOT-IN-CATALOGUE'],
  checkMandatory: true,
  visibleListTypes: [LT.SXBZXR, LT.ZDSSWF, LT.TQNMG, LT.JTZDGZ, LT.ANSR, LT.LDBZ, LT.SHTZXY],
};

/** 政府采购供应商资格审查: organisations only; does not see 劳动保障红名单. */
export const PROCUREMENT: Matter = {
  code: 'SX-ZFCG-01',
  name: '政府采购供应商资格审查',
  area: '政府采购',
  department: '威海市财政局',
  subjectKinds: ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'INSTITUTION'],
  measures: [M.CG_XZ, M.CG_CY, M.CG_JF],
  checkMandatory: true,
  visibleListTypes: [LT.ZFCG, LT.SXBZXR, LT.ZDSSWF, LT.TQNMG, LT.JTZDGZ, LT.ANSR, LT.SHTZXY],
};

export const testCatalogue: Catalogue = {
  version: '2026.06.1',
  fields: [
    { code: 'SF', name: '司法' },
    { code: 'SW', name: '税务' },
    { code: 'ZFCG', name: '政府采购' },
    { code: 'RS', name: '人力资源社会保障' },
    { code: 'JT', name: '交通运输' },
    { code: 'SC', name: '市场监管' },
    { code: 'YB', name: '医疗保障' },
    { code: 'HB', name: '生态环境' },
  ],
  listTypes,
  measures,
  matters: [HONOURS, PROCUREMENT],
};

// ---- Subjects and entries --------------------------------------------------------------

export const PERSON_ID = '371002198001011232';
export const COMPANY_USCC = '91371000MA3C4D5E73';
export const REP_ID = '37100219750615201X';

const LIST_NAMES = new Map(listTypes.map((t) => [t.code, t.name] as const));

/** An ACTIVE, open-ended entry of the person unless overridden. */
export function entry(id: string, listType: string, overrides: Partial<ListEntry> = {}): ListEntry {
  return {
    id,
    listType,
    subjectKind: 'PERSON',
    subjectName: '张三',
    identifier: PERSON_ID,
    identifierType: 'RESIDENT_ID',
    reason: `列入${LIST_NAMES.get(listType) ?? listType}`,
    listedOn: '2025-01-10',
    validUntil: null,
    authority: '威海市中级人民法院',
    documentNo: `（2025）鲁10执${id}号`,
    amount: null,
    status: 'ACTIVE',
    updatedAt: '2025-01-10T09:00:00+08:00',
    ...overrides,
  };
}

export function personProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    subject: { kind: 'PERSON', name: '张三', identifier: PERSON_ID, identifierType: 'RESIDENT_ID', masked: '3710**********1232' },
    legalRepresentative: null,
    entries: [],
    grades: [],
    haibei: null,
    commitments: [],
    repairs: [],
    ...overrides,
  };
}

export function companyProfile(overrides: Partial<Profile> = {}, repEntries: ListEntry[] = []): Profile {
  return {
    subject: {
      kind: 'ENTERPRISE',
      name: '威海海蓝建设工程有限公司',
      identifier: COMPANY_USCC,
      identifierType: 'USCC',
      masked: '9137**********5E73',
    },
    legalRepresentative: {
      kind: 'PERSON',
      name: '李四',
      identifier: REP_ID,
      identifierType: 'RESIDENT_ID',
      masked: '3710**********201X',
      entries: repEntries,
    },
    entries: [],
    grades: [],
    haibei: null,
    commitments: [],
    repairs: [],
    ...overrides,
  };
}

/** A company's own entry. */
export function companyEntry(id: string, listType: string, overrides: Partial<ListEntry> = {}): ListEntry {
  return entry(id, listType, {
    subjectKind: 'ENTERPRISE',
    subjectName: '威海海蓝建设工程有限公司',
    identifier: COMPANY_USCC,
    identifierType: 'USCC',
    ...overrides,
  });
}

/** A legal representative's own entry. */
export function repEntry(id: string, listType: string, overrides: Partial<ListEntry> = {}): ListEntry {
  return entry(id, listType, { subjectName: '李四', identifier: REP_ID, ...overrides });
}

/** A 海贝分 record; `grade` is the stored field, deliberately independent of the score. */
export function haibei(score: number, grade: HaibeiGrade = 'A'): HaibeiScore {
  return {
    score,
    grade,
    rulesVersion: 'WH-2025.1',
    updatedAt: '2026-06-01T00:00:00+08:00',
    base: 1000,
    breakdown: [{ category: '综合', points: score - 1000 }],
    recentRecords: [],
  };
}

/** 2026-06-30 23:59:59 and 2026-07-01 00:00:00 China time. */
export const LAST_SECOND_OF_JUNE_30 = new Date('2026-06-30T15:59:59Z');
export const FIRST_SECOND_OF_JULY_1 = new Date('2026-06-30T16:00:00Z');
