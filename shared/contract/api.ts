import { z } from 'zod';
import { Catalogue, IdentifierType, IsoDate, IsoDateTime, ListEntry, Operator, Profile, SubjectKind } from './domain';
import { Problem } from './problem';

/** Base path of platform API v1, relative to the configured platform URL. */
export const API_BASE = '/api/v1';
export const CLIENT_VERSION_HEADER = 'X-Client-Version';

// ---- Terminal enrolment: POST /terminals -------------------------------------------------

export const EnrolTerminalRequest = z.object({
  enrolmentCode: z.string().min(1),
  name: z.string().trim().min(1).max(64),
});
export type EnrolTerminalRequest = z.infer<typeof EnrolTerminalRequest>;

/** Lower-case hex SHA-256 (a snapshot block's address). */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** Standard base64 of exactly 32 bytes (an Ed25519 public key, an AES-256 key). */
export const Base64Key32 = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, '应为 32 字节的 base64 编码');

/** The platform's snapshot signing key; IT may pin the same key in the terminal configuration. */
export const PlatformPublicKey = z.object({
  algorithm: z.literal('Ed25519'),
  /** The raw 32-byte public key, base64. */
  key: Base64Key32,
  /** First 16 hex digits of the SHA-256 of the raw key (named in every signed statement). */
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
});
export type PlatformPublicKey = z.infer<typeof PlatformPublicKey>;

export const EnrolTerminalResponse = z.object({
  terminalId: z.string().min(1),
  terminalSecret: z.string().min(16),
  /** The key that signs snapshot manifests (platforms without snapshots leave it out). */
  platformPublicKey: PlatformPublicKey.optional(),
});
export type EnrolTerminalResponse = z.infer<typeof EnrolTerminalResponse>;

// ---- Operator session: POST /sessions ----------------------------------------------------

export const CreateSessionRequest = z.object({
  terminalId: z.string().min(1),
  terminalSecret: z.string().min(1),
  operatorId: z.string().min(1),
  password: z.string().min(1),
});
export type CreateSessionRequest = z.infer<typeof CreateSessionRequest>;

/**
 * Lets the same operator unlock the app offline for a limited time: the client derives
 * PBKDF2-SHA256(password, salt, iterations) and compares with `verifier`. Never the password.
 */
export const OfflineUnlock = z.object({
  algorithm: z.literal('PBKDF2-SHA256'),
  salt: z.string().min(1),
  iterations: z.number().int().min(10_000),
  verifier: z.string().min(1),
  validUntil: IsoDateTime,
});
export type OfflineUnlock = z.infer<typeof OfflineUnlock>;

export const CreateSessionResponse = z.object({
  token: z.string().min(16),
  expiresAt: IsoDateTime,
  operator: Operator,
  offlineUnlock: OfflineUnlock,
});
export type CreateSessionResponse = z.infer<typeof CreateSessionResponse>;

// ---- Catalogue: GET /catalog (ETag) ------------------------------------------------------

export const CatalogueResponse = Catalogue;
export type CatalogueResponse = z.infer<typeof CatalogueResponse>;

// ---- Lookup: GET /subjects/{id}?matter=&caseNo= -------------------------------------------

export const PurposeQuery = z.object({
  matter: z.string().trim().min(1),
  caseNo: z.string().trim().min(1).max(64),
});
export type PurposeQuery = z.infer<typeof PurposeQuery>;

export const LookupResponse = z.object({
  profile: Profile,
  dataVersion: z.string().min(1),
  /** The identifier forms the platform matched (e.g. matched through the organisation code). */
  matchedBy: z.array(z.enum(['IDENTIFIER', 'LEGACY_ID', 'ORG_CODE'])),
});
export type LookupResponse = z.infer<typeof LookupResponse>;

// ---- Name search: GET /subjects?name=&matter=&caseNo= ------------------------------------

export const NameSearchQuery = PurposeQuery.extend({ name: z.string().trim().min(1).max(64) });
export type NameSearchQuery = z.infer<typeof NameSearchQuery>;

export const Candidate = z.object({
  kind: SubjectKind,
  name: z.string(),
  /**
   * Opaque, short-lived handle (about 10 minutes, only for the terminal that searched) to pass
   * as {id} to GET /subjects/{id}; the clear identifier never leaves the platform here.
   */
  ref: z.string().min(1),
  identifierType: IdentifierType,
  masked: z.string(),
  /** Number of entries this subject has in the list types the matter may see. */
  entryCount: z.number().int().nonnegative(),
});
export type Candidate = z.infer<typeof Candidate>;

export const NameSearchResponse = z.object({
  candidates: z.array(Candidate),
  dataVersion: z.string(),
});
export type NameSearchResponse = z.infer<typeof NameSearchResponse>;

// ---- List sync (pull): GET /sync/entries?after=<cursor>&limit=<n> ------------------------

export const SYNC_PAGE_MAX = 10_000;

export const SyncQuery = z.object({
  after: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(SYNC_PAGE_MAX).default(2_000),
});
export type SyncQuery = z.infer<typeof SyncQuery>;

export const SyncChange = z.discriminatedUnion('op', [
  z.object({ seq: z.number().int().positive(), op: z.literal('put'), entry: ListEntry }),
  z.object({ seq: z.number().int().positive(), op: z.literal('del'), entryId: z.string().min(1) }),
]);
export type SyncChange = z.infer<typeof SyncChange>;

export const SyncPage = z.object({
  epoch: z.string().min(1),
  /** true while paging through the compacted full state (no cursor was given at the start). */
  full: z.boolean(),
  changes: z.array(SyncChange),
  /** Opaque server-assigned cursor; pass it as `after` for the next page. Never a timestamp. */
  cursor: z.string().min(1),
  hasMore: z.boolean(),
  /** Changes still to be served after this page (for progress). */
  remaining: z.number().int().nonnegative(),
  /** Data version the client has once it has applied everything up to `cursor`. */
  dataVersion: z.string().min(1),
});
export type SyncPage = z.infer<typeof SyncPage>;

// ---- Snapshots: GET /snapshots/manifest (operator), GET /snapshots/blocks/{sha256} (anonymous) ----

/** One block of a snapshot: its address, the leading keys of its first and last row, rows, ciphertext bytes. */
export const SnapshotBlockRef = z.object({
  h: Sha256Hex,
  f: z.string(),
  l: z.string(),
  n: z.number().int().nonnegative(),
  s: z.number().int().positive(),
});
export type SnapshotBlockRef = z.infer<typeof SnapshotBlockRef>;

export const SnapshotSections = z.object({
  /** Entries sorted by canonical identifier (18-digit ID, USCC, or the organisation code when that is all). */
  data: z.array(SnapshotBlockRef),
  /** Other identifier forms → canonical: legacy 15-digit IDs, organisation codes inside USCCs. */
  alt: z.array(SnapshotBlockRef),
  /** Name keys (normalised name, pinyin initials) → what a candidate list shows. */
  name: z.array(SnapshotBlockRef),
  /** Sorted fingerprints a terminal keeps in memory: canonical keys, other forms, entry ids. */
  fpCanonical: z.array(SnapshotBlockRef),
  fpAlt: z.array(SnapshotBlockRef),
  fpId: z.array(SnapshotBlockRef),
});
export type SnapshotSections = z.infer<typeof SnapshotSections>;

/**
 * The manifest body, sent as a JSON string whose SHA-256 the signed statement names. Blocks are
 * deflate-raw compressed, then AES-256-GCM encrypted under `key` (rotated with the epoch) with an
 * IV derived from the plaintext (12-byte IV ‖ ciphertext ‖ 16-byte tag), and addressed by the
 * SHA-256 of those bytes.
 */
export const SnapshotManifestBody = z.object({
  format: z.literal(1),
  epoch: z.string().min(1),
  dataVersion: z.string().min(1),
  /** Pass as `after` to GET /sync/entries for the changes since this snapshot. */
  cursor: z.string().min(1),
  entryCount: z.number().int().nonnegative(),
  createdAt: IsoDateTime,
  compression: z.literal('deflate-raw'),
  cipher: z.literal('AES-256-GCM, IV = HMAC-SHA256(IV key, plaintext)[0..12]'),
  key: Base64Key32,
  targetBytes: z.number().int().positive(),
  sections: SnapshotSections,
});
export type SnapshotManifestBody = z.infer<typeof SnapshotManifestBody>;

/** A signed statement of a data version (see shared/snapshot/statement.ts) and its Ed25519 signature. */
export const SignedDataVersion = z.object({
  statement: z.string().min(1).max(4_096),
  /** base64 of the 64-byte Ed25519 signature over the statement's UTF-8 bytes. */
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
});
export type SignedDataVersion = z.infer<typeof SignedDataVersion>;

export const SnapshotManifestResponse = SignedDataVersion.extend({
  body: z.string().min(2),
});
export type SnapshotManifestResponse = z.infer<typeof SnapshotManifestResponse>;

// ---- Writes (push): POST /outbox ---------------------------------------------------------

export const FeedbackDecision = z.enum(['APPLIED', 'NOT_APPLIED', 'OTHER_MEASURE']);
export type FeedbackDecision = z.infer<typeof FeedbackDecision>;

export const CheckResult = z.enum(['CLEAN', 'BLACK', 'RED', 'BOTH', 'WARNING']);
export type CheckResult = z.infer<typeof CheckResult>;

export const DataSource = z.enum(['online', 'offline']);
export type DataSource = z.infer<typeof DataSource>;

export const CheckBody = z.object({
  checkId: z.string().min(1),
  matterCode: z.string().min(1),
  caseNo: z.string().min(1),
  subjectIdentifier: z.string().min(1),
  subjectKind: SubjectKind,
  subjectName: z.string(),
  result: CheckResult,
  triggeredMeasures: z.array(z.string()),
  dataVersion: z.string(),
  source: DataSource,
  dataAgeSeconds: z.number().int().nonnegative().nullable(),
});
export type CheckBody = z.infer<typeof CheckBody>;

export const FeedbackBody = z.object({
  feedbackId: z.string().min(1),
  checkId: z.string().min(1),
  matterCode: z.string().min(1),
  measureCode: z.string().min(1),
  decision: FeedbackDecision,
  reason: z.string().optional(),
  content: z.string().optional(),
  result: z.string().optional(),
  department: z.string(),
  startAt: IsoDateTime.optional(),
  endAt: IsoDateTime.optional(),
  dataVersion: z.string(),
});
export type FeedbackBody = z.infer<typeof FeedbackBody>;

export const CommitmentBody = z.object({
  commitmentId: z.string().min(1),
  checkId: z.string().nullable(),
  matterCode: z.string().min(1),
  caseNo: z.string(),
  subjectIdentifier: z.string().min(1),
  subjectKind: SubjectKind,
  kind: z.string().min(1),
  text: z.string().min(1),
  dueOn: IsoDate.nullable(),
});
export type CommitmentBody = z.infer<typeof CommitmentBody>;

export const AuditAction = z.enum([
  'LOGIN',
  'LOGOUT',
  'OFFLINE_UNLOCK',
  'LOCK',
  'LOOKUP',
  'LOOKUP_REFUSED',
  'NAME_SEARCH',
  'UNMASK',
  'PRINT',
  'FEEDBACK',
  'COMMITMENT',
  'CONFIG_CHANGE',
  'ENROL',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditBody = z.object({
  chainSeq: z.number().int().nonnegative(),
  action: AuditAction,
  actor: z.string(),
  terminalId: z.string(),
  at: IsoDateTime,
  purpose: z.object({ matterCode: z.string(), caseNo: z.string() }).nullable(),
  /** Keyed hash of the canonical identifier — never the clear number. */
  subjectHash: z.string().nullable(),
  subjectMasked: z.string().nullable(),
  outcome: z.string(),
  detail: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditBody = z.infer<typeof AuditBody>;

export const MutationBodies = {
  check: CheckBody,
  feedback: FeedbackBody,
  commitment: CommitmentBody,
  audit: AuditBody,
} as const;
export const MutationKind = z.enum(['check', 'feedback', 'commitment', 'audit']);
export type MutationKind = z.infer<typeof MutationKind>;
export type MutationBody<K extends MutationKind> = z.infer<(typeof MutationBodies)[K]>;

/** The envelope is validated for the whole request; each body on its own (a bad body is rejected alone). */
export const Mutation = z.object({
  id: z.uuid(),
  seq: z.number().int().positive(),
  kind: MutationKind,
  occurredAt: IsoDateTime,
  operatorId: z.string().min(1),
  body: z.unknown(),
});
export type Mutation = z.infer<typeof Mutation>;

export const OUTBOX_BATCH_MAX = 500;

export const OutboxRequest = z.object({
  terminalId: z.string().min(1),
  mutations: z.array(Mutation).min(1).max(OUTBOX_BATCH_MAX),
});
export type OutboxRequest = z.infer<typeof OutboxRequest>;

export const MutationStatus = z.enum(['accepted', 'duplicate', 'rejected']);
export type MutationStatus = z.infer<typeof MutationStatus>;

export const MutationResult = z.object({
  id: z.string(),
  seq: z.number().int(),
  status: MutationStatus,
  /** Platform receive time (the terminal's own time stays in occurredAt). */
  receivedAt: IsoDateTime,
  problem: Problem.optional(),
});
export type MutationResult = z.infer<typeof MutationResult>;

export const OutboxResponse = z.object({
  results: z.array(MutationResult),
  /** The seq the platform expects next from this terminal. */
  nextSeq: z.number().int().positive(),
});
export type OutboxResponse = z.infer<typeof OutboxResponse>;

// ---- Supervisor: GET /supervisor/records?kind=&terminalId=&from=&to= ---------------------

export const SupervisorQuery = z.object({
  kind: MutationKind,
  terminalId: z.string().optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
});
export type SupervisorQuery = z.infer<typeof SupervisorQuery>;

export const SupervisorRecord = z.object({
  id: z.string(),
  seq: z.number().int(),
  terminalId: z.string(),
  kind: MutationKind,
  operatorId: z.string(),
  occurredAt: IsoDateTime,
  receivedAt: IsoDateTime,
  body: z.unknown(),
  /** kind=audit: false when the record does not continue the terminal's hash chain (accepted, but flagged). */
  chainOk: z.boolean().optional(),
  chainProblem: z.string().optional(),
});
export type SupervisorRecord = z.infer<typeof SupervisorRecord>;

export const SupervisorResponse = z.object({ records: z.array(SupervisorRecord) });
export type SupervisorResponse = z.infer<typeof SupervisorResponse>;

// ---- Health: GET /health (no auth; its Date header serves the clock-skew check) ----------

export const HealthResponse = z.object({
  status: z.literal('ok'),
  platformVersion: z.string(),
  minimumClientVersion: z.string(),
  dataVersion: z.string(),
  time: IsoDateTime,
});
export type HealthResponse = z.infer<typeof HealthResponse>;
