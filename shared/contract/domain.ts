import { z } from 'zod';

/**
 * Domain schemas shared by the client and the reference platform. The wire format of
 * platform API v1 is defined here and nowhere else.
 */

/** Calendar date as published by an authority, YYYY-MM-DD (China time). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/** Instant, ISO 8601 with offset. */
export const IsoDateTime = z.iso.datetime({ offset: true });

export const Polarity = z.enum(['RED', 'BLACK']);
export type Polarity = z.infer<typeof Polarity>;

export const EntryStatus = z.enum(['ACTIVE', 'EXPIRED', 'REMOVED', 'REPAIRED', 'OBJECTION_PENDING', 'REVOKED']);
export type EntryStatus = z.infer<typeof EntryStatus>;

export const SubjectKind = z.enum(['PERSON', 'ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'INSTITUTION']);
export type SubjectKind = z.infer<typeof SubjectKind>;

export const IdentifierType = z.enum(['RESIDENT_ID', 'USCC', 'ORG_CODE']);
export type IdentifierType = z.infer<typeof IdentifierType>;

export const HaibeiGrade = z.enum(['AAA', 'AA', 'A', 'B', 'C', 'D']);
export type HaibeiGrade = z.infer<typeof HaibeiGrade>;

export const Field = z.object({ code: z.string().min(1), name: z.string().min(1) });
export type Field = z.infer<typeof Field>;

export const ListType = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  polarity: Polarity,
  field: z.string().min(1),
  /** An active entry of a serious black list suppresses incentives that allow suppression. */
  serious: z.boolean(),
  /** Policy flag: whether an entry under objection (OBJECTION_PENDING) still triggers measures. */
  objectionPendingTriggers: z.boolean(),
});
export type ListType = z.infer<typeof ListType>;

export const ListEntry = z.object({
  id: z.string().min(1),
  listType: z.string().min(1),
  subjectKind: SubjectKind,
  subjectName: z.string().min(1),
  /** The identifier as the authority published it: 18/15-digit resident ID, USCC or 9-char organisation code. */
  identifier: z.string().min(1),
  identifierType: IdentifierType,
  reason: z.string(),
  listedOn: IsoDate,
  /** 有效期至: still active on this date, expired the day after; null = open-ended. */
  validUntil: IsoDate.nullable(),
  authority: z.string(),
  documentNo: z.string(),
  amount: z.number().nullable(),
  status: EntryStatus,
  updatedAt: IsoDateTime,
});
export type ListEntry = z.infer<typeof ListEntry>;

export const IndustryGrade = z.object({
  field: z.string().min(1),
  grade: z.string().min(1),
  ratedOn: IsoDate,
  validUntil: IsoDate.nullable(),
  authority: z.string(),
});
export type IndustryGrade = z.infer<typeof IndustryGrade>;

export const ScoreRecord = z.object({
  date: IsoDate,
  category: z.string().min(1),
  description: z.string(),
  points: z.number().int(),
});
export type ScoreRecord = z.infer<typeof ScoreRecord>;

export const HaibeiScore = z.object({
  score: z.number().int(),
  grade: HaibeiGrade,
  rulesVersion: z.string(),
  updatedAt: IsoDateTime,
  /** Points per category; base + sum(breakdown) = score. */
  base: z.number().int(),
  breakdown: z.array(z.object({ category: z.string(), points: z.number().int() })),
  recentRecords: z.array(ScoreRecord),
});
export type HaibeiScore = z.infer<typeof HaibeiScore>;

export const CommitmentStatus = z.enum(['IN_FORCE', 'FULFILLED', 'BREACHED']);
export const Commitment = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  text: z.string(),
  madeOn: IsoDate,
  dueOn: IsoDate.nullable(),
  matterCode: z.string().nullable(),
  status: CommitmentStatus,
});
export type Commitment = z.infer<typeof Commitment>;

export const Repair = z.object({
  id: z.string().min(1),
  entryId: z.string().min(1),
  listType: z.string().min(1),
  repairedOn: IsoDate,
  authority: z.string(),
  documentNo: z.string(),
  method: z.string(),
});
export type Repair = z.infer<typeof Repair>;

export const SubjectSummary = z.object({
  kind: SubjectKind,
  name: z.string().min(1),
  /** Canonical identifier: 18-digit resident ID or USCC (or a 9-char organisation code when that is all that is known). */
  identifier: z.string().min(1),
  identifierType: IdentifierType,
  masked: z.string().min(1),
});
export type SubjectSummary = z.infer<typeof SubjectSummary>;

/**
 * Values a terminal writes into a check record when it knows nothing better; the platform keeps and shows
 * them as recorded, so they are part of the record (in the platform's language), not of a screen's wording.
 */
/** The subject's name when neither the platform nor the cache has a record of it. */
export const UNKNOWN_SUBJECT_NAME = '（名称未知）';
/** The data version of an offline answer given before any list data or cached answer was on the terminal. */
export const NO_DATA_VERSION = '无';

export const LegalRepresentative = SubjectSummary.extend({
  /** The representative's own entries in the list types the matter may see. */
  entries: z.array(ListEntry),
});
export type LegalRepresentative = z.infer<typeof LegalRepresentative>;

export const Profile = z.object({
  subject: SubjectSummary,
  legalRepresentative: LegalRepresentative.nullable(),
  entries: z.array(ListEntry),
  grades: z.array(IndustryGrade),
  haibei: HaibeiScore.nullable(),
  commitments: z.array(Commitment),
  repairs: z.array(Repair),
});
export type Profile = z.infer<typeof Profile>;

export const MeasurePolarity = z.enum(['INCENTIVE', 'PUNISHMENT']);
export type MeasurePolarity = z.infer<typeof MeasurePolarity>;
export const Obligation = z.enum(['MUST', 'MAY']);
export type Obligation = z.infer<typeof Obligation>;

export const MeasureTrigger = z.object({
  listTypes: z.array(z.string()),
  industryGrades: z.array(z.object({ field: z.string(), grades: z.array(z.string()).min(1) })),
  haibeiGrades: z.array(HaibeiGrade),
});
export type MeasureTrigger = z.infer<typeof MeasureTrigger>;

export const Measure = z.object({
  code: z.string().min(1),
  polarity: MeasurePolarity,
  area: z.string(),
  title: z.string().min(1),
  content: z.string(),
  legalBasis: z.string(),
  department: z.string(),
  obligation: Obligation,
  trigger: MeasureTrigger,
  /** Incentives only: suppressed while a serious black entry is active. */
  suppressedBySeriousBlack: z.boolean(),
  /** For organisations: the legal representative's own entries also trigger this measure. */
  targetsLegalRepresentative: z.boolean(),
});
export type Measure = z.infer<typeof Measure>;

export const Matter = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  area: z.string(),
  department: z.string(),
  subjectKinds: z.array(SubjectKind).min(1),
  /** 清单: only these measures may fire in this matter. */
  measures: z.array(z.string()),
  checkMandatory: z.boolean(),
  /** Purpose limitation: the list types this matter may see. */
  visibleListTypes: z.array(z.string()),
  /**
   * Purpose limitation beyond the lists: the other parts of a profile this matter may see —
   * industry grades of these fields, the 海贝分, existing credit commitments. Absent: none of them.
   */
  visibleProfile: z
    .object({
      gradeFields: z.array(z.string()),
      haibei: z.boolean(),
      commitments: z.boolean(),
    })
    .optional(),
  /** The format a case number (办件编号) of this matter must have, where the catalogue defines one. */
  caseNoFormat: z
    .object({
      /** A regular expression the whole case number must match. */
      pattern: z.string().min(1).max(200),
      /** A case number in that format, shown to the clerk. */
      example: z.string().min(1).max(64),
    })
    .optional(),
});
export type Matter = z.infer<typeof Matter>;

/** A catalogue's version, as served and as every check record carries it back (so both bound it alike). */
export const CatalogueVersion = z.string().min(1).max(64);

/**
 * A kind of credit commitment (信用承诺) and who may not make it: a subject with an entry of one of
 * `notForListTypes` that still has effect (e.g. a 失信被执行人 may not replace approval steps with a promise).
 */
export const CommitmentKind = z.object({
  name: z.string().min(1),
  notForListTypes: z.array(z.string()),
});
export type CommitmentKind = z.infer<typeof CommitmentKind>;

/** A reason code for not applying a measure (不予实施原因), counted by the supervision dashboard. */
export const DeclineReason = z.object({
  code: z.string().min(1).max(32),
  label: z.string().min(1),
});
export type DeclineReason = z.infer<typeof DeclineReason>;

export const Catalogue = z.object({
  version: CatalogueVersion,
  fields: z.array(Field),
  listTypes: z.array(ListType),
  measures: z.array(Measure),
  matters: z.array(Matter),
  /** The commitment kinds a counter may record, with their eligibility rule (absent from catalogues before 2026.12-WH-05). */
  commitmentKinds: z.array(CommitmentKind).optional(),
  /** Reason codes a clerk picks from when a measure is not applied (beside free text); absent from older catalogues. */
  declineReasons: z.array(DeclineReason).optional(),
});
export type Catalogue = z.infer<typeof Catalogue>;

/** clerk: the counter; supervisor: audit of checks and feedback; it: the terminal fleet and the journal. */
export const Role = z.enum(['clerk', 'supervisor', 'it']);
export type Role = z.infer<typeof Role>;

/** Whose records a supervisor may see: every department's (city) or their own department's only. */
export const SupervisorScope = z.enum(['city', 'department']);
export type SupervisorScope = z.infer<typeof SupervisorScope>;

export const Operator = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  department: z.string(),
  roles: z.array(Role).min(1),
  /** Supervisors only. */
  supervisorScope: SupervisorScope.optional(),
});

/**
 * The actor of the audit records a terminal writes for itself, with no operator signed in (its
 * enrolment). The platform accepts it only there.
 */
export const SYSTEM_ACTOR = 'system';

/**
 * Outcomes of a sign-in (LOGIN, OFFLINE_UNLOCK) that did not happen: the actor of such an audit
 * record is only the ID that was typed. The platform accepts an actor it cannot verify for these
 * outcomes and no others.
 */
export const REFUSED_SIGN_IN_OUTCOMES = [
  'refused',
  'unreachable',
  'unavailable',
  'disabled',
  'expired',
  // The platform refused the terminal itself (forgotten, or replaced by a hand-over).
  'unknown_terminal',
  'terminal_replaced',
] as const;
export type RefusedSignInOutcome = (typeof REFUSED_SIGN_IN_OUTCOMES)[number];
export type Operator = z.infer<typeof Operator>;
