/**
 * Showcase subjects: fixed identifiers with known credit situations, the same whatever --subjects
 * or --seed say. Tests, the README and demos refer to them through SHOWCASE.
 */
import type { EntryStatus, IdentifierType, SubjectKind } from '../../shared/contract';
import { LT } from './catalogue';

export interface ShowcaseEntry {
  id: string;
  listType: string;
  status: EntryStatus;
  listedOn: string;
  validUntil: string | null;
  /** The identifier as published when it is not the subject's canonical one (15-digit form, org code). */
  publishedAs?: string;
}

export interface ShowcaseSubject {
  kind: SubjectKind;
  name: string;
  /** Canonical identifier (18-digit resident ID or USCC). */
  identifier: string;
  identifierType: Extract<IdentifierType, 'RESIDENT_ID' | 'USCC'>;
  /** USCC positions 9–17. */
  orgCode?: string;
  /** 海贝分 (persons). */
  haibeiScore?: number;
  /** Identifier of the legal representative (organisations). */
  legalRepresentative?: string;
  entries: readonly ShowcaseEntry[];
  description: string;
}

export const SHOWCASE = {
  cleanPerson: {
    kind: 'PERSON',
    name: '张明华',
    identifier: '371002198805121234',
    identifierType: 'RESIDENT_ID',
    haibeiScore: 1020,
    entries: [],
    description: '信用良好的自然人：无任何红黑名单记录，海贝分A级。',
  },
  courtDishonestPerson: {
    kind: 'PERSON',
    name: '李建军',
    identifier: '371003197503080213',
    identifierType: 'RESIDENT_ID',
    haibeiScore: 905,
    entries: [{ id: 'WH-SC-0001', listType: LT.COURT, status: 'ACTIVE', listedOn: '2025-06-18', validUntil: null }],
    description: '失信被执行人：在“劳动模范、道德模范评选”(PX-MF)中触发“限制参评荣誉”(应当)措施。',
  },
  procurementBlackCompany: {
    kind: 'ENTERPRISE',
    name: '威海鸿运建设工程有限公司',
    identifier: '91371002MA3C8K2T13',
    identifierType: 'USCC',
    orgCode: 'MA3C8K2T1',
    legalRepresentative: '371083197007150579',
    entries: [{ id: 'WH-SC-0002', listType: LT.PROCUREMENT, status: 'ACTIVE', listedOn: '2025-09-10', validUntil: '2028-09-09' }],
    description: '列入政府采购严重违法失信名单的企业：政府采购(CG-GYS)中禁止参加。',
  },
  redCompany: {
    kind: 'ENTERPRISE',
    name: '威海海达海洋食品有限公司',
    identifier: '91371082MA3N5RW166',
    identifierType: 'USCC',
    orgCode: 'MA3N5RW16',
    legalRepresentative: '371002198805121234',
    entries: [{ id: 'WH-SC-0003', listType: LT.TAX_A, status: 'ACTIVE', listedOn: '2026-04-20', validUntil: '2027-04-30' }],
    description: 'A级纳税人(红名单)企业：食品经营许可(XK-SPJY)中获得“绿色通道、容缺受理”激励。',
  },
  redAndBlackCompany: {
    kind: 'ENTERPRISE',
    name: '威海盛达机械制造有限公司',
    identifier: '913710021630567896',
    identifierType: 'USCC',
    orgCode: '163056789',
    legalRepresentative: '371082197912010158',
    entries: [
      { id: 'WH-SC-0004', listType: LT.TAX_A, status: 'ACTIVE', listedOn: '2026-04-20', validUntil: '2027-04-30' },
      { id: 'WH-SC-0005', listType: LT.COURT, status: 'ACTIVE', listedOn: '2026-03-02', validUntil: null },
    ],
    description: '同时在红名单(A级纳税人)和黑名单(失信被执行人)上的企业：激励措施因严重失信被暂停。',
  },
  repairedPerson: {
    kind: 'PERSON',
    name: '刘海燕',
    identifier: '37108219821123046X',
    identifierType: 'RESIDENT_ID',
    haibeiScore: 985,
    entries: [{ id: 'WH-SC-0006', listType: LT.SOCIAL_SECURITY, status: 'REPAIRED', listedOn: '2024-05-06', validUntil: '2027-05-05' }],
    description: '已完成信用修复的自然人：社会保障领域黑名单记录状态为“已修复”，仅作历史展示，不触发措施。',
  },
  expiredPerson: {
    kind: 'PERSON',
    name: '王志刚',
    identifier: '371083197007150579',
    identifierType: 'RESIDENT_ID',
    haibeiScore: 1005,
    entries: [{ id: 'WH-SC-0007', listType: LT.COURT, status: 'EXPIRED', listedOn: '2022-03-15', validUntil: '2025-03-14' }],
    description: '名单记录已由认定部门标记为“已过期”的自然人：不触发措施。',
  },
  endDatePerson: {
    kind: 'PERSON',
    name: '孙丽娟',
    identifier: '371002199002280623',
    identifierType: 'RESIDENT_ID',
    haibeiScore: 960,
    entries: [{ id: 'WH-SC-0008', listType: LT.COURT, status: 'ACTIVE', listedOn: '2024-12-31', validUntil: '2026-12-31' }],
    description: '失信被执行人，有效期至2026-12-31：当天仍触发措施，次日(2027-01-01)起不再触发。',
  },
  objectionPerson: {
    kind: 'PERSON',
    name: '于洪涛',
    identifier: '371003198509090732',
    identifierType: 'RESIDENT_ID',
    haibeiScore: 990,
    entries: [
      { id: 'WH-SC-0009', listType: LT.COURT, status: 'OBJECTION_PENDING', listedOn: '2026-08-01', validUntil: null },
      { id: 'WH-SC-0010', listType: LT.SOCIAL_SECURITY, status: 'OBJECTION_PENDING', listedOn: '2026-07-12', validUntil: '2029-07-11' },
    ],
    description: '名单记录处于异议处理中的自然人：失信被执行人(异议期间仍触发)与社会保障黑名单(异议期间不触发)各一条。',
  },
  haibeiDPerson: {
    kind: 'PERSON',
    name: '曲志强',
    identifier: '371082197912010158',
    identifierType: 'RESIDENT_ID',
    haibeiScore: 760,
    entries: [],
    description: '海贝分D级(760分)的自然人：显示诚信警示。',
  },
  haibeiAAAPerson: {
    kind: 'PERSON',
    name: '丛晓燕',
    identifier: '371002199206180288',
    identifierType: 'RESIDENT_ID',
    haibeiScore: 1185,
    entries: [{ id: 'WH-SC-0011', listType: LT.VOLUNTEER, status: 'ACTIVE', listedOn: '2025-12-05', validUntil: '2027-12-04' }],
    description: '海贝分AAA级(1185分)、优秀青年志愿者：享受信易贷、信易游等“信易+”激励。',
  },
  legacyIdPerson: {
    kind: 'PERSON',
    name: '鞠德福',
    identifier: '371082196204030313',
    identifierType: 'RESIDENT_ID',
    haibeiScore: 940,
    entries: [
      { id: 'WH-SC-0012', listType: LT.COURT, status: 'ACTIVE', listedOn: '2023-10-09', validUntil: null, publishedAs: '371082620403031' },
    ],
    description: '名单以15位旧身份证号公布的失信被执行人：用18位号码查询亦可匹配。',
  },
  orgCodeOnlyCompany: {
    kind: 'ENTERPRISE',
    name: '威海远航物流有限公司',
    identifier: '91371003267412899X',
    identifierType: 'USCC',
    orgCode: '267412899',
    legalRepresentative: '37108219821123046X',
    entries: [
      { id: 'WH-SC-0013', listType: LT.COURT, status: 'ACTIVE', listedOn: '2025-11-21', validUntil: null, publishedAs: '267412899' },
    ],
    description: '法院名单只登记了组织机构代码的企业：用统一社会信用代码查询，经组织机构代码匹配。',
  },
  legalRepListedCompany: {
    kind: 'ENTERPRISE',
    name: '威海金诺电子科技有限公司',
    identifier: '91371000MA3P2D7Q9U',
    identifierType: 'USCC',
    orgCode: 'MA3P2D7Q9',
    legalRepresentative: '37100219681020019X',
    entries: [],
    description: '本身无名单记录、但法定代表人是失信被执行人的企业：政府采购(CG-GYS)中触发针对法定代表人的措施。',
  },
  legalRepPerson: {
    kind: 'PERSON',
    name: '王振东',
    identifier: '37100219681020019X',
    identifierType: 'RESIDENT_ID',
    haibeiScore: 880,
    entries: [{ id: 'WH-SC-0014', listType: LT.COURT, status: 'ACTIVE', listedOn: '2025-02-17', validUntil: null }],
    description: '失信被执行人，威海金诺电子科技有限公司的法定代表人。',
  },
} as const satisfies Record<string, ShowcaseSubject>;

export type ShowcaseKey = keyof typeof SHOWCASE;

export const SHOWCASE_SUBJECTS: readonly (ShowcaseSubject & { key: ShowcaseKey })[] = (Object.keys(SHOWCASE) as ShowcaseKey[]).map(
  (key) => ({ key, ...SHOWCASE[key] }),
);
