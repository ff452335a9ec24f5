/**
 * The city-wide supervision dashboard (督查) and the terminal fleet (终端运维): queries, answers and
 * the heartbeat terminals send with their sync calls. Every number here is computed by the platform
 * from the records it accepted; no clear identifier is part of any answer.
 */
import { z } from 'zod';
import { CheckResult, MutationKind } from './api';
import { IsoDate, IsoDateTime } from './domain';

/** A calendar date that exists (2026-02-30 does not). */
const RealDate = IsoDate.refine((d) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
}, '日期不存在');

/** Longest period one view covers: a year of China days (a city's year still answers from the summaries). */
export const SUPERVISION_MAX_DAYS = 366;

/** The filters every supervision view takes: a China-day range and optional department, matter, terminal. */
export const SupervisionFilter = z
  .object({
    from: RealDate,
    to: RealDate,
    department: z.string().min(1).max(64).optional(),
    matter: z.string().min(1).max(64).optional(),
    terminal: z.string().min(1).max(64).optional(),
  })
  .refine((f) => f.from <= f.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((f) => (Date.parse(f.to) - Date.parse(f.from)) / 86_400_000 < SUPERVISION_MAX_DAYS, {
    message: `查询期间最长 ${SUPERVISION_MAX_DAYS} 天`,
    path: ['from'],
  });
export type SupervisionFilter = z.infer<typeof SupervisionFilter>;

/**
 * What one number of the dashboard counts, so that a drill-down can ask for the records behind it:
 * check (key: the result), measure (key: obligation|decision), declined (key: measure|reason code),
 * commitment, oldCatalogue, dead (key: kind|problem code), resubmitted (key: kind),
 * latency (key: online|offline + '|' + bucket), chainBreak.
 */
export const SupervisionMetric = z.enum([
  'check',
  'measure',
  'declined',
  'commitment',
  'oldCatalogue',
  'dead',
  'resubmitted',
  'latency',
  'chainBreak',
  'offline',
]);
export type SupervisionMetric = z.infer<typeof SupervisionMetric>;

/** Feedback decisions as counted: OPEN is a triggered measure no feedback has decided yet. */
export const CountedDecision = z.enum(['OPEN', 'APPLIED', 'NOT_APPLIED', 'OTHER_MEASURE', 'DEFERRED']);
export type CountedDecision = z.infer<typeof CountedDecision>;

/** How long feedback took to reach the platform after its check, in buckets. */
export const LATENCY_BUCKETS = ['lt1h', 'lt1d', 'lt3d', 'ge3d'] as const;
export const LatencyBucket = z.enum(LATENCY_BUCKETS);
export type LatencyBucket = z.infer<typeof LatencyBucket>;

/** The reason code counted when a NOT_APPLIED feedback names none (clients before reason codes). */
export const UNSPECIFIED_REASON = 'UNSPECIFIED';

const Count = z.number().int().nonnegative();

/** One count for each value of an enum, keyed by the value. */
function countsOf<K extends string>(values: readonly K[]): Record<K, typeof Count> {
  return Object.fromEntries(values.map((value) => [value, Count])) as Record<K, typeof Count>;
}

export const DayResults = z.object({ day: IsoDate, ...countsOf(CheckResult.options), total: Count });
export type DayResults = z.infer<typeof DayResults>;

export const DecisionCounts = z.object(countsOf(CountedDecision.options));
export type DecisionCounts = z.infer<typeof DecisionCounts>;

export const SupervisionDashboard = z.object({
  filter: z.object({
    from: IsoDate,
    to: IsoDate,
    department: z.string().nullable(),
    matter: z.string().nullable(),
    terminal: z.string().nullable(),
  }),
  /** The department the supervisor is limited to (null: city-wide). */
  scopeDepartment: z.string().nullable(),
  checksByDay: z.array(DayResults),
  results: z.record(CheckResult, Count),
  checks: Count,
  offlineChecks: Count,
  must: DecisionCounts,
  may: DecisionCounts,
  /** Declined (NOT_APPLIED) measures by measure and reason code, most declined first. */
  declined: z.array(
    z.object({ measureCode: z.string(), measureTitle: z.string(), reasonCode: z.string(), reasonLabel: z.string(), n: Count }),
  ),
  declinedByReason: z.array(z.object({ reasonCode: z.string(), reasonLabel: z.string(), n: Count })),
  commitments: Count,
  /** MUST measures still open (undecided or deferred) per clerk and China day. */
  openMust: z.array(
    z.object({
      day: IsoDate,
      operatorId: z.string(),
      operatorName: z.string().optional(),
      department: z.string(),
      open: Count,
      deferred: Count,
    }),
  ),
  oldCatalogue: Count,
  deadLetters: z.array(z.object({ kind: MutationKind, code: z.string(), n: Count })),
  resubmitted: Count,
  latency: z.array(z.object({ source: z.enum(['online', 'offline']), bucket: LatencyBucket, n: Count })),
  chainBreaks: Count,
});
export type SupervisionDashboard = z.infer<typeof SupervisionDashboard>;

export const SupervisionRecordsQuery = z.object({
  metric: SupervisionMetric,
  key: z.string().max(128).optional(),
  /** One China day of the period (a bar or a point of a trend); absent: the whole period. */
  day: RealDate.optional(),
  /** Open MUST measures of one clerk. */
  operatorId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type SupervisionRecordsQuery = z.infer<typeof SupervisionRecordsQuery>;

export const SupervisionRecordRow = z.object({
  /** The platform record counted (a check, feedback, commitment, audit or rejected record). */
  recordId: z.string(),
  checkId: z.string().nullable(),
  day: IsoDate,
  terminalId: z.string(),
  operatorId: z.string(),
  operatorName: z.string().optional(),
  department: z.string(),
  matterCode: z.string(),
  key: z.string(),
  measureCode: z.string().nullable(),
});
export type SupervisionRecordRow = z.infer<typeof SupervisionRecordRow>;

export const SupervisionRecordsResponse = z.object({
  rows: z.array(SupervisionRecordRow),
  /** Whether more rows follow this page. */
  more: z.boolean(),
});
export type SupervisionRecordsResponse = z.infer<typeof SupervisionRecordsResponse>;

/** A check as the terminal recorded it, with the feedback and commitments that name it (masked). */
export const RecordedCheck = z.object({
  recordId: z.string(),
  terminalId: z.string(),
  operatorId: z.string(),
  occurredAt: IsoDateTime,
  receivedAt: IsoDateTime,
  /** The check body with the identifier masked and ID numbers in free text masked. */
  check: z.record(z.string(), z.unknown()),
  feedback: z.array(
    z.object({ recordId: z.string(), occurredAt: IsoDateTime, receivedAt: IsoDateTime, body: z.record(z.string(), z.unknown()) }),
  ),
  commitments: z.array(z.object({ recordId: z.string(), occurredAt: IsoDateTime, body: z.record(z.string(), z.unknown()) })),
  /** The 核验码 of the slips the check's terminal printed for it, newest first (absent from older platforms). */
  slipReferences: z
    .array(z.string().regex(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/))
    .max(10)
    .optional(),
});
export type RecordedCheck = z.infer<typeof RecordedCheck>;

export const ExportFormat = z.enum(['xlsx', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

// ---- The terminal fleet --------------------------------------------------------------------

/** Header a terminal sends with its sync calls: the heartbeat as compact JSON (nothing personal). */
export const HEARTBEAT_HEADER = 'X-Terminal-Heartbeat';
/** Longest heartbeat header accepted (ours are about 250 characters). */
export const HEARTBEAT_MAX_CHARS = 1024;

/** Kinds of the last error a terminal saw: a class, never a message (messages may quote data). */
export const ErrorClass = z.enum(['none', 'network', 'timeout', 'server', 'auth', 'rejected', 'storage', 'validation', 'other']);
export type ErrorClass = z.infer<typeof ErrorClass>;

export const Heartbeat = z
  .object({
    appVersion: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]{1,32})?$/),
    /** The list data version the terminal holds, and how old it is (seconds since its last full pull). */
    dataVersion: z.string().max(64).nullable(),
    dataAgeSeconds: z
      .number()
      .int()
      .nonnegative()
      .max(10 * 365 * 86_400)
      .nullable(),
    outboxDepth: z.number().int().nonnegative().max(100_000_000),
    deadLetters: z.number().int().nonnegative().max(100_000_000),
    /** Terminal clock minus platform clock, in seconds, as the terminal last measured it. */
    clockSkewSeconds: z
      .number()
      .int()
      .min(-10 * 365 * 86_400)
      .max(10 * 365 * 86_400)
      .nullable(),
    /** Storage the app uses and the quota it has (bytes), where the browser says. */
    storageUsedBytes: z
      .number()
      .int()
      .nonnegative()
      .max(2 ** 50)
      .nullable(),
    storageQuotaBytes: z
      .number()
      .int()
      .nonnegative()
      .max(2 ** 50)
      .nullable(),
    lastErrorClass: ErrorClass,
  })
  .strict();
export type Heartbeat = z.infer<typeof Heartbeat>;

/** Why a terminal needs a visit. */
export const FleetFlag = z.enum(['no_contact', 'stale_data', 'outbox_growing', 'dead_letters', 'clock_skew', 'outdated_version']);
export type FleetFlag = z.infer<typeof FleetFlag>;

export const FleetQuery = z.object({
  department: z.string().min(1).max(64).optional(),
  flag: FleetFlag.optional(),
  /** Only the terminals that need a visit. */
  troubled: z.enum(['true', 'false']).optional(),
  /** Part of a terminal's id or name. */
  q: z.string().min(1).max(64).optional(),
});
export type FleetQuery = z.infer<typeof FleetQuery>;

export const FleetTerminal = z.object({
  terminalId: z.string(),
  name: z.string(),
  /** The department of the operators who last signed in on it. */
  department: z.string().nullable(),
  lastContactAt: IsoDateTime.nullable(),
  heartbeat: Heartbeat.nullable(),
  /** Outbox depth reported by the previous heartbeats, oldest first (a growing outbox shows here). */
  outboxTrend: z.array(z.number().int().nonnegative()),
  flags: z.array(FleetFlag),
});
export type FleetTerminal = z.infer<typeof FleetTerminal>;

export const FleetResponse = z.object({
  /** The newest app version any terminal reports: older ones are outdated. */
  latestAppVersion: z.string().nullable(),
  staleAfterHours: z.number(),
  terminals: z.array(FleetTerminal),
  counts: z.object({ total: Count, troubled: Count }),
});
export type FleetResponse = z.infer<typeof FleetResponse>;
