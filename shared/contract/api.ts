import { z } from 'zod';
import { Catalogue, CatalogueVersion, IdentifierType, IsoDate, IsoDateTime, ListEntry, Operator, Profile, SubjectKind } from './domain';
import { Problem } from './problem';

/** Base path of platform API v1, relative to the configured platform URL. */
export const API_BASE = '/api/v1';
export const CLIENT_VERSION_HEADER = 'X-Client-Version';

// ---- Terminal enrolment: POST /terminals -------------------------------------------------

/** Longest terminal id the platform accepts from a client (its own are UUIDv7). */
export const TERMINAL_ID_MAX = 64;

/**
 * Hand-over: a new enrolment of a PC names the identity it replaces. The platform links the two
 * (audited), retires the predecessor, and lets the successor deliver the predecessor's records
 * under their original terminal id and seq.
 */
export const Predecessor = z.object({
  terminalId: z.string().min(1).max(TERMINAL_ID_MAX),
  /**
   * The lowest seq of the predecessor's records the PC still holds (queued, delivered or dead);
   * used only when the platform no longer knows the predecessor (it then expects this seq next).
   */
  resumeSeq: z.number().int().positive(),
  /**
   * Proof that this is the same PC: the predecessor's own secret, still readable in the PC's vault.
   * The enrolment code is shared city-wide, so naming a terminal proves nothing by itself.
   */
  terminalSecret: z.string().min(1).max(256).optional(),
});
export type Predecessor = z.infer<typeof Predecessor>;

/** An IT administrator's credentials, confirming a hand-over the PC cannot prove itself (audited under that id). */
export const HandOverConfirmation = z.object({
  operatorId: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type HandOverConfirmation = z.infer<typeof HandOverConfirmation>;

/** Lower-case hex SHA-256 (a snapshot block's address). */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** Standard base64 of exactly 32 bytes (an Ed25519 public key, an AES-256 key). */
export const Base64Key32 = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, '应为 32 字节的 base64 编码');

export const EnrolTerminalRequest = z.object({
  enrolmentCode: z.string().min(1),
  name: z.string().trim().min(1).max(64),
  /**
   * Needs a proof: predecessor.terminalSecret (the predecessor must be known and not yet replaced),
   * or itOperator — the only way when the secret is unreadable, the platform forgot the
   * predecessor, or a replaced identity must be linked again (an enrolment cut short).
   */
  predecessor: Predecessor.optional(),
  itOperator: HandOverConfirmation.optional(),
  /** The terminal's own Ed25519 public key (raw, base64), made at enrolment; the platform certifies it for check slips. */
  terminalPublicKey: Base64Key32.optional(),
});
export type EnrolTerminalRequest = z.infer<typeof EnrolTerminalRequest>;

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
  /** Present when a predecessor was named: what the platform made of it. */
  handOver: z
    .object({
      predecessorId: z.string().min(1),
      /** false: the platform had no record of it and recreated it from resumeSeq. */
      predecessorKnown: z.boolean(),
      /** The seq the platform expects next from the predecessor. */
      nextSeq: z.number().int().positive(),
    })
    .optional(),
  /** The key that signs snapshot manifests (platforms without snapshots leave it out). */
  platformPublicKey: PlatformPublicKey.optional(),
  /**
   * The platform's certificate of `terminalPublicKey` (base64 of its CBOR, see shared/slip): it travels
   * inside every check slip the terminal signs. Absent when no key was sent.
   */
  terminalCertificate: z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .max(1024)
    .optional(),
});
export type EnrolTerminalResponse = z.infer<typeof EnrolTerminalResponse>;

// ---- Operator session: POST /sessions ----------------------------------------------------

export const CreateSessionRequest = z.object({
  terminalId: z.string().min(1).max(128),
  terminalSecret: z.string().min(1).max(256),
  operatorId: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  /**
   * Sessions of this terminal that were signed out while the platform could not be reached
   * (their `sessionId`s): the login revokes them, so an offline logout takes effect at the next contact.
   */
  revokeSessions: z.array(z.string().min(1).max(128)).max(100).optional(),
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
  /** Names the session for a later revocation (DELETE /sessions/current, or revokeSessions on a login); not a credential. */
  sessionId: z.string().min(1),
  expiresAt: IsoDateTime,
  operator: Operator,
  offlineUnlock: OfflineUnlock,
});
export type CreateSessionResponse = z.infer<typeof CreateSessionResponse>;

// ---- Logout: DELETE /sessions/current (bearer) → 204; the token answers 401 from then on ----

// ---- Catalogue: GET /catalog (ETag) ------------------------------------------------------

export const CatalogueResponse = Catalogue;
export type CatalogueResponse = z.infer<typeof CatalogueResponse>;

// ---- Lookup: POST /subjects/lookup {identifier | ref, matter, caseNo} ----------------------
// The identifier (and, for name search, the name) travels in the request body, never in the URL:
// URLs end up in every reverse proxy's access log. There is no GET form of either route.

/** 查询事由: the matter and its case number (办件编号), required for every lookup and name search. */
export const PurposeQuery = z.object({
  matter: z.string().trim().min(1).max(64),
  caseNo: z.string().trim().min(1).max(64),
});
export type PurposeQuery = z.infer<typeof PurposeQuery>;

/** Exactly one of `identifier` (any form; the platform parses it with the shared rules) and `ref`. */
export const LookupRequest = PurposeQuery.extend({
  identifier: z.string().min(1).max(64).optional(),
  /** A name-search candidate's ref (see Candidate.ref). */
  ref: z.string().min(1).max(64).optional(),
}).refine((r) => (r.identifier === undefined) !== (r.ref === undefined), { message: '应提供证件号码（identifier）或候选编号（ref）之一' });
export type LookupRequest = z.infer<typeof LookupRequest>;

export const LookupResponse = z.object({
  profile: Profile,
  dataVersion: z.string().min(1),
  /** The identifier forms the platform matched (e.g. matched through the organisation code). */
  matchedBy: z.array(z.enum(['IDENTIFIER', 'LEGACY_ID', 'ORG_CODE'])),
});
export type LookupResponse = z.infer<typeof LookupResponse>;

// ---- Name search: POST /subjects/search {name, matter, caseNo} ----------------------------

/** The body of POST /subjects/search. */
export const NameSearchQuery = PurposeQuery.extend({ name: z.string().trim().min(1).max(64) });
export type NameSearchQuery = z.infer<typeof NameSearchQuery>;

export const Candidate = z.object({
  kind: SubjectKind,
  name: z.string(),
  /**
   * Opaque, short-lived handle (about 10 minutes, only for the terminal that searched) to pass
   * as `ref` to POST /subjects/lookup; the clear identifier never leaves the platform here.
   */
  ref: z.string().min(1),
  identifierType: IdentifierType,
  masked: z.string(),
  /** Number of entries this subject has in the list types the matter may see. */
  entryCount: z.number().int().nonnegative(),
});
export type Candidate = z.infer<typeof Candidate>;

/** A name search answers at most this many candidates. */
export const NAME_SEARCH_MAX_CANDIDATES = 20;

export const NameSearchResponse = z.object({
  candidates: z.array(Candidate).max(NAME_SEARCH_MAX_CANDIDATES),
  /** True when more subjects match than were answered: the clerk is told to narrow the search. */
  more: z.boolean(),
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

/** A signed statement of a data version (see shared/snapshot/statement.ts) and its Ed25519 signature. */
export const SignedDataVersion = z.object({
  statement: z.string().min(1).max(4_096),
  /** base64 of the 64-byte Ed25519 signature over the statement's UTF-8 bytes. */
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
});
export type SignedDataVersion = z.infer<typeof SignedDataVersion>;

/**
 * The platform-signed list of revoked terminal keys (shared/slip/revocations.ts): about 30 characters a
 * key, so years of hand-overs across a thousand terminals fit.
 */
export const RevokedTerminalKeysResponse = SignedDataVersion.extend({ statement: z.string().min(1).max(262_144) });
export type RevokedTerminalKeysResponse = z.infer<typeof RevokedTerminalKeysResponse>;

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
  /**
   * The platform's signed list of revoked terminal keys as of the build (shared/slip/revocations.ts):
   * signed on its own too, so a terminal keeps it to verify check slips offline.
   */
  revokedTerminalKeys: RevokedTerminalKeysResponse.optional(),
});
export type SnapshotManifestBody = z.infer<typeof SnapshotManifestBody>;

export const SnapshotManifestResponse = SignedDataVersion.extend({
  body: z.string().min(2),
});
export type SnapshotManifestResponse = z.infer<typeof SnapshotManifestResponse>;

// ---- Writes (push): POST /outbox ---------------------------------------------------------

/**
 * DEFERRED: the clerk left the check without deciding a MUST (应当) measure and said why (reason
 * required). It is not a decision: the measure stays open for that clerk until a final decision follows
 * as a new feedback record whose `resolves` names the deferred one.
 */
export const FeedbackDecision = z.enum(['APPLIED', 'NOT_APPLIED', 'OTHER_MEASURE', 'DEFERRED']);
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
  /**
   * The catalogue version the terminal evaluated the check with (absent from clients before 0.2).
   * The platform judges the check, its feedback and commitments by that version: a matter withdrawn
   * or a measure list changed before the record arrived does not make the record wrong.
   */
  catalogueVersion: CatalogueVersion.optional(),
});
export type CheckBody = z.infer<typeof CheckBody>;

export const FeedbackBody = z.object({
  feedbackId: z.string().min(1),
  checkId: z.string().min(1),
  matterCode: z.string().min(1),
  measureCode: z.string().min(1),
  decision: FeedbackDecision,
  /** NOT_APPLIED: the catalogue's reason code the clerk picked (declineReasons), beside the free-text reason. */
  reasonCode: z.string().min(1).max(32).optional(),
  reason: z.string().optional(),
  content: z.string().optional(),
  result: z.string().optional(),
  department: z.string(),
  startAt: IsoDateTime.optional(),
  endAt: IsoDateTime.optional(),
  dataVersion: z.string(),
  /** The DEFERRED feedback (its feedbackId) this final decision settles. */
  resolves: z.string().min(1).max(64).optional(),
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
  /** IT exported the journal's records as a file for the platform's import. */
  'JOURNAL_EXPORT',
  /** A supervisor or IT resubmitted a dead letter as a new record naming the original. */
  'DEAD_LETTER_RESUBMIT',
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
  /**
   * PRINT of a signed check slip: the slip's QR text (Base45). The platform keeps it, when the sending
   * terminal signed it, to answer a verifier who has only the 核验码 (POST /slips/lookup).
   */
  slip: z.string().min(1).max(4096).optional(),
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

/** A rejected record (dead letter), named by the record that resubmits it. */
export const RecordRef = z.object({
  terminalId: z.string().min(1).max(TERMINAL_ID_MAX),
  seq: z.number().int().positive(),
  id: z.uuid(),
});
export type RecordRef = z.infer<typeof RecordRef>;

/** Deepest nesting of objects and arrays a record body may have (ours have 2; more is hostile). */
export const MUTATION_BODY_MAX_DEPTH = 16;

/** Whether parsed JSON nests no deeper than `max` (iterative: a hostile depth cannot exhaust the stack). */
function nestsAtMost(value: unknown, max: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return false;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return true;
}

/** The envelope is validated for the whole request; each body on its own (a bad body is rejected alone). */
export const Mutation = z.object({
  id: z.uuid(),
  seq: z.number().int().positive(),
  kind: MutationKind,
  occurredAt: IsoDateTime,
  operatorId: z.string().min(1),
  /**
   * Bounded in depth for the whole request: the platform fingerprints every body recursively, and a
   * body nested thousands deep is no record of ours.
   */
  body: z.unknown().refine((body) => nestsAtMost(body, MUTATION_BODY_MAX_DEPTH), {
    message: `记录内容嵌套过深（超过 ${MUTATION_BODY_MAX_DEPTH} 层）`,
  }),
  /**
   * A supervisor or IT resubmits a dead letter once its cause is fixed: a new record (own id and
   * seq, operatorId = who resubmits) with the original's kind and body, naming the original.
   */
  resubmits: RecordRef.optional(),
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
  /**
   * Accepted, with a remark for supervisors (Chinese): e.g. judged by the catalogue version the
   * terminal used, which differs from the catalogue of the day it arrived.
   */
  note: z.string().optional(),
});
export type MutationResult = z.infer<typeof MutationResult>;

export const OutboxResponse = z.object({
  results: z.array(MutationResult),
  /** The seq the platform expects next from this terminal. */
  nextSeq: z.number().int().positive(),
});
export type OutboxResponse = z.infer<typeof OutboxResponse>;

// ---- Journal export and import: POST /admin/journal-imports (IT) ---------------------------

/**
 * The way out when not even a hand-over can deliver a terminal's records: IT exports the journal's
 * records (queued, delivered and kept, dead) as one file from the terminal, and imports it into the
 * platform. Each record keeps its terminal id, seq and idempotency key, so whatever the platform
 * already has is answered "duplicate" and nothing is applied twice.
 */
export const JOURNAL_EXPORT_FORMAT = 'credit-counter-journal/1';
export const JOURNAL_IMPORT_MAX = 20_000;

export const ExportedRecord = Mutation.extend({ terminalId: z.string().min(1).max(TERMINAL_ID_MAX) });
export type ExportedRecord = z.infer<typeof ExportedRecord>;

export const JournalExport = z.object({
  format: z.literal(JOURNAL_EXPORT_FORMAT),
  exportedAt: IsoDateTime,
  /** The IT operator who exported it. */
  exportedBy: z.string().min(1).max(64),
  terminal: z.object({
    terminalId: z.string().min(1).max(TERMINAL_ID_MAX),
    name: z.string().max(64),
    predecessors: z.array(z.string().min(1).max(TERMINAL_ID_MAX)).max(32),
  }),
  records: z.array(ExportedRecord).min(1).max(JOURNAL_IMPORT_MAX),
});
export type JournalExport = z.infer<typeof JournalExport>;

export const SeqRange = z.object({ from: z.number().int().positive(), to: z.number().int().positive() });
export type SeqRange = z.infer<typeof SeqRange>;

export const JournalImportResponse = z.object({
  /** The platform event that audits this import (GET /supervisor/events). */
  eventId: z.number().int(),
  counts: z.object({ accepted: z.number().int(), duplicate: z.number().int(), rejected: z.number().int() }),
  terminals: z.array(
    z.object({
      terminalId: z.string(),
      /** The platform had no record of this terminal and created it for the import. */
      recreated: z.boolean(),
      nextSeq: z.number().int().positive(),
      /** Seqs neither the platform nor the file holds (lost for good; IT must account for them). */
      missing: z.array(SeqRange),
    }),
  ),
  results: z.array(MutationResult.extend({ terminalId: z.string() })),
});
export type JournalImportResponse = z.infer<typeof JournalImportResponse>;

// ---- Supervisor: GET /supervisor/open-measures?day= -----------------------------------------

/** MUST measures left open (never decided, or deferred and not yet settled) on one China day's checks. */
export const OpenMeasuresQuery = z.object({
  day: IsoDate,
  operatorId: z.string().min(1).max(64).optional(),
});
export type OpenMeasuresQuery = z.infer<typeof OpenMeasuresQuery>;

export const OpenMeasure = z.object({
  checkId: z.string(),
  terminalId: z.string(),
  checkedAt: IsoDateTime,
  matterCode: z.string(),
  caseNo: z.string(),
  measureCode: z.string(),
  measureTitle: z.string(),
  /** Masked: no clear identifier leaves the platform here. */
  subjectMasked: z.string(),
  subjectName: z.string(),
  /** Present when the clerk deferred the measure (with the reason); absent when it was left with no record at all. */
  deferred: z.object({ feedbackId: z.string(), reason: z.string(), at: IsoDateTime }).optional(),
});
export type OpenMeasure = z.infer<typeof OpenMeasure>;

export const OpenMeasuresResponse = z.object({
  day: IsoDate,
  operators: z.array(
    z.object({
      operatorId: z.string(),
      operatorName: z.string().optional(),
      department: z.string().optional(),
      open: z.array(OpenMeasure),
    }),
  ),
});
export type OpenMeasuresResponse = z.infer<typeof OpenMeasuresResponse>;

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
  /**
   * The record as the terminal sent it, except that no clear identifier leaves the platform here:
   * `subjectIdentifier` holds the masked form, and ID numbers typed into free text are masked too.
   */
  body: z.unknown(),
  /** kind=audit: false when the record does not continue the terminal's hash chain (accepted, but flagged). */
  chainOk: z.boolean().optional(),
  chainProblem: z.string().optional(),
  /** The operator whose session delivered the record (offline work goes out under whoever signs in next). */
  deliveredBy: z.string().optional(),
  /** The record names a subject whose clear identifier POST /supervisor/records/{id}/unmask can show. */
  unmaskable: z.boolean().optional(),
  /** Accepted under the catalogue version the terminal used, which differs from today's: how (Chinese). */
  catalogueNote: z.string().optional(),
  /** This record resubmits the rejected record with this id. */
  resubmits: z.string().optional(),
  /** kind=check: the 核验码 of the slips its terminal printed for it, newest first (POST /slips/lookup verifies one). */
  slipReferences: z
    .array(z.string().regex(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/))
    .max(10)
    .optional(),
});
export type SupervisorRecord = z.infer<typeof SupervisorRecord>;

export const SupervisorResponse = z.object({ records: z.array(SupervisorRecord) });
export type SupervisorResponse = z.infer<typeof SupervisorResponse>;

// ---- Reconciliation: GET /supervisor/terminals/{terminalId}/records?after=&limit= (supervisors, within their scope) ----
// Every record the platform holds from one terminal, accepted or rejected, in the terminal's seq
// order and paged by seq (no upper bound on how many there are): what a terminal queued can be
// compared id by id with what arrived. Ids, seqs and outcomes only — no record bodies.

export const TERMINAL_RECORDS_PAGE_MAX = 5_000;

export const TerminalRecordsQuery = z.object({
  /** The last seq of the previous page (0: from the start). */
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(TERMINAL_RECORDS_PAGE_MAX).default(1_000),
});
export type TerminalRecordsQuery = z.infer<typeof TerminalRecordsQuery>;

export const TerminalRecordsPage = z.object({
  terminalId: z.string(),
  records: z.array(
    z.object({
      id: z.string(),
      seq: z.number().int(),
      kind: MutationKind,
      status: z.enum(['accepted', 'rejected']),
      /** kind=audit: false when the record does not continue the terminal's hash chain. */
      chainOk: z.boolean().optional(),
    }),
  ),
  /** `after` for the next page; null when this was the last one. */
  nextAfter: z.number().int().nullable(),
});
export type TerminalRecordsPage = z.infer<typeof TerminalRecordsPage>;

// ---- Platform load: GET /admin/load (IT) ----
// What the operators' monitoring reads: event-loop lag over the last 10 seconds (reading it resets
// nothing, so several monitors see the same figures), memory, and how much bulk work admission
// control is holding off.

export const PlatformLoad = z.object({
  /** Event-loop delay over the last 10 seconds (ms). */
  eventLoopLagP50Ms: z.number(),
  eventLoopLagP99Ms: z.number(),
  eventLoopLagMaxMs: z.number(),
  rssMb: z.number(),
  bulkInFlight: z.number().int(),
  otherInFlight: z.number().int(),
  /** Requests answered 503 by admission control since the platform started. */
  shed: z.number().int(),
  /** Sync pages assembled, and pages served from the prepared ones, since the platform started. */
  syncPageBuilds: z.number().int(),
  syncPageHits: z.number().int(),
});
export type PlatformLoad = z.infer<typeof PlatformLoad>;

// ---- Name-search budget: GET /supervisor/name-search-alerts?from=&to= (supervisors, within their scope) ----
// Each operator has a budget of name searches per hour (a rolling hour); a search beyond it is refused
// (429 name_search_budget). Supervisors see who ran out, where, and how often they were refused.

export const NameSearchAlertsQuery = z.object({
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
});
export type NameSearchAlertsQuery = z.infer<typeof NameSearchAlertsQuery>;

export const NameSearchAlert = z.object({
  operatorId: z.string(),
  /** Absent for an operator the platform no longer knows. */
  operatorName: z.string().optional(),
  department: z.string().optional(),
  terminalId: z.string(),
  /** The clock hour (China time, e.g. 2026-12-02T09:00+08:00) in which searches were refused. */
  hour: z.string(),
  firstRefusedAt: IsoDateTime,
  lastRefusedAt: IsoDateTime,
  refused: z.number().int().positive(),
});
export type NameSearchAlert = z.infer<typeof NameSearchAlert>;

export const NameSearchAlertsResponse = z.object({
  budgetPerHour: z.number().int().nonnegative(),
  alerts: z.array(NameSearchAlert),
});
export type NameSearchAlertsResponse = z.infer<typeof NameSearchAlertsResponse>;

// ---- Unmask: POST /supervisor/records/{id}/unmask {reason} (supervisors, within their scope) ----
// The only way a clear identifier leaves the platform to a supervisor; every attempt is logged with its reason.

export const UnmaskRequest = z.object({ reason: z.string().trim().min(1).max(200) });
export type UnmaskRequest = z.infer<typeof UnmaskRequest>;

export const UnmaskResponse = z.object({ id: z.string(), identifier: z.string().min(1) });
export type UnmaskResponse = z.infer<typeof UnmaskResponse>;
// ---- Platform events: GET /supervisor/events?limit= ---------------------------------------

/** What IT and supervisors did to identities and records on the platform (hand-over, import, resubmission). */
export const PlatformEventAction = z.enum(['terminal_handover', 'journal_import', 'dead_letter_resubmitted']);
export type PlatformEventAction = z.infer<typeof PlatformEventAction>;

export const PlatformEvent = z.object({
  id: z.number().int(),
  at: IsoDateTime,
  action: PlatformEventAction,
  /** The operator who did it (null: the enrolment code, i.e. IT at the PC). */
  operatorId: z.string().nullable(),
  terminalId: z.string().nullable(),
  /** Chinese, for the supervisor view. */
  summary: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type PlatformEvent = z.infer<typeof PlatformEvent>;

export const PlatformEventsQuery = z.object({ limit: z.coerce.number().int().min(1).max(1_000).default(200) });
export const PlatformEventsResponse = z.object({ events: z.array(PlatformEvent) });
export type PlatformEventsResponse = z.infer<typeof PlatformEventsResponse>;

// ---- Health: GET /health (no auth; its Date header serves the clock-skew check) ----------

export const HealthResponse = z.object({
  status: z.literal('ok'),
  platformVersion: z.string(),
  minimumClientVersion: z.string(),
  dataVersion: z.string(),
  time: IsoDateTime,
});
export type HealthResponse = z.infer<typeof HealthResponse>;

// ---- Check slips: GET /terminal-keys/revoked (operator), POST /slips/check and /slips/lookup (counter) --

/** A slip's QR text (Base45), as a scanner typed it. */
export const SlipCheckRequest = z.object({ slip: z.string().trim().min(1).max(4096) });
export type SlipCheckRequest = z.infer<typeof SlipCheckRequest>;

/** "Is this the record this terminal signed?" — the platform's own verification and its record of the check. */
export const SlipCheckResponse = z.object({
  /** Problem codes of the platform's own verification (empty: valid). */
  problems: z.array(z.string().max(64)).max(16),
  /** The platform holds an accepted check with this id from this terminal. */
  recordFound: z.boolean(),
  /** Every field of the slip matches that record (subject and case number by their salted hashes). */
  sameRecord: z.boolean(),
  /** What differs, in Chinese (never a clear identifier). */
  differences: z.array(z.string().max(200)).max(16),
});
export type SlipCheckResponse = z.infer<typeof SlipCheckResponse>;

/** A 核验码 as printed (10 characters of Crockford's Base32, e.g. 7K3QD-M9X2A), or as typed. */
export const SlipLookupRequest = z.object({ reference: z.string().trim().min(1).max(32) });
export type SlipLookupRequest = z.infer<typeof SlipLookupRequest>;

/** Most lookups find one slip; two printed slips may share a 核验码 (50 bits), then the QR decides. */
export const SlipLookupResponse = z.object({
  slips: z
    .array(
      z.object({
        /** The slip's QR text as the terminal printed it (the verifier checks its signature itself). */
        slip: z.string().min(1).max(4096),
        receivedAt: IsoDateTime,
        /** The platform's own verification and its record of the check, as POST /slips/check answers. */
        platform: SlipCheckResponse,
      }),
    )
    .min(1)
    .max(5),
});
export type SlipLookupResponse = z.infer<typeof SlipLookupResponse>;
