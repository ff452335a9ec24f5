/**
 * The seam between the UI (features/) and the offline core (services/, data/, sync/).
 * Screens call only these interfaces; the implementations live in services/ and are
 * composed once in services/createServices.ts. Data flows one way: purpose → lookup →
 * evaluate → record → journal → outbox → platform.
 */
import type {
  Catalogue,
  CheckResult,
  DataSource,
  FeedbackDecision,
  Matter,
  Operator,
  Profile,
  SubjectSummary,
} from '../../../shared/contract';
import type { Evaluation } from '../../../shared/measures';
import type { StoreApi } from 'zustand/vanilla';

/** Every failure the UI can show: a Chinese message the clerk can act on. */
export interface UserFacingError {
  code: string;
  message: string;
  /** e.g. the position and expected check character of an identifier error. */
  position?: number;
  expected?: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: UserFacingError };

export interface TerminalIdentity {
  terminalId: string;
  terminalName: string;
  platformUrl: string;
  enrolledAt: string;
  /** The platform's snapshot signing key received at enrolment (base64 raw Ed25519). */
  platformPublicKey?: string;
}

export interface Session {
  operator: Operator;
  /** online: platform token held; offline: unlocked with the offline verifier, token may be missing. */
  mode: 'online' | 'offline';
  startedAt: string;
}

export interface Purpose {
  matterCode: string;
  caseNo: string;
}

/** What the clerk sees after a lookup; also the source of the check slip. */
export interface CheckView {
  checkId: string;
  purpose: Purpose;
  matter: Matter;
  subject: SubjectSummary;
  /** null when the platform (or the cache) has no records for this subject. */
  profile: Profile | null;
  evaluation: Evaluation;
  result: CheckResult;
  source: DataSource;
  dataVersion: string;
  /** Seconds since the data was current; null when unknown. */
  dataAgeSeconds: number | null;
  /** true when answered offline from a profile cached by an earlier online lookup. */
  fromCachedProfile: boolean;
  matchedBy: Array<'IDENTIFIER' | 'LEGACY_ID' | 'ORG_CODE'>;
  /** Chinese notices to show with the result (stale data, legacy ID upgraded, org-code match…). */
  notices: string[];
  checkedAt: string;
  operatorId: string;
  terminalId: string;
}

export interface NameCandidate {
  name: string;
  masked: string;
  /** Opaque to the UI: pass back to lookupCandidate. */
  ref: string;
  kind: SubjectSummary['kind'];
  entryCount: number;
}

export interface FeedbackInput {
  measureCode: string;
  decision: FeedbackDecision;
  reason?: string;
  content?: string;
  result?: string;
}

export interface CommitmentInput {
  kind: string;
  text: string;
  dueOn: string | null;
}

export type Delivery = 'sent' | 'queued';

export interface SyncStatus {
  online: boolean;
  /** A pull or push is running. */
  syncing: boolean;
  phase: 'idle' | 'pull-full' | 'pull-delta' | 'rebuild' | 'push';
  progress: { rows: number; rowsPerSec: number; remaining: number } | null;
  lastPullAt: string | null;
  lastPushAt: string | null;
  dataVersion: string | null;
  /** Age of the list data in seconds (since the last successful pull), null if never synced. */
  dataAgeSeconds: number | null;
  entryCount: number;
  outboxDepth: number;
  deadLetterCount: number;
  clockSkewSeconds: number | null;
  lastError: UserFacingError | null;
  storage: StorageState;
}

export type StorageState =
  { kind: 'ok'; persisted: boolean } | { kind: 'quota-exceeded'; message: string } | { kind: 'unavailable'; message: string };

export interface DeadLetter {
  id: string;
  seq: number;
  kind: string;
  occurredAt: string;
  reason: string;
  summary: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** Chinese description of the first broken link, if any. */
  problem?: string;
}

export interface SupervisorCheckRow {
  checkId: string;
  checkedAt: string;
  operatorId: string;
  matterName: string;
  caseNo: string;
  subjectName: string;
  subjectMasked: string;
  result: CheckResult;
  source: DataSource;
}

export interface DeclinedMeasureRow {
  checkId: string;
  decidedAt: string;
  operatorId: string;
  matterName: string;
  measureTitle: string;
  reason: string;
}

export interface AppServices {
  enrolment: {
    current(): Promise<TerminalIdentity | null>;
    enrol(input: { platformUrl: string; enrolmentCode: string; terminalName: string }): Promise<Outcome<TerminalIdentity>>;
  };
  auth: {
    /** Online login; when the platform is unreachable, falls back to the offline unlock of the same operator. */
    login(operatorId: string, password: string): Promise<Outcome<Session>>;
    /** Unlock after the inactivity lock (same operator). */
    unlock(password: string): Promise<Outcome<Session>>;
    /**
     * 联网登录: the signed-in operator renews the platform login. Online only — an unreachable platform
     * leaves the (offline) session exactly as it was and answers `still_offline`.
     */
    reconnect(password: string): Promise<Outcome<Session>>;
    lock(): Promise<void>;
    logout(): Promise<void>;
    current(): Session | null;
  };
  catalogue: {
    get(): Promise<Catalogue | null>;
  };
  lookup: {
    /** Validates with shared/ids first: invalid input never leaves the terminal. */
    byIdentifier(input: string, purpose: Purpose | null): Promise<Outcome<CheckView>>;
    byName(name: string, purpose: Purpose | null): Promise<Outcome<NameCandidate[]>>;
    candidate(ref: string, purpose: Purpose): Promise<Outcome<CheckView>>;
  };
  records: {
    submitFeedback(checkId: string, decisions: FeedbackInput[]): Promise<Outcome<Delivery>>;
    recordCommitment(checkId: string, input: CommitmentInput): Promise<Outcome<Delivery>>;
    /** Audited; returns the clear identifier. A blank reason is refused. */
    unmask(checkId: string, reason: string): Promise<Outcome<string>>;
    recordPrint(checkId: string): Promise<void>;
  };
  sync: {
    status: StoreApi<SyncStatus>;
    syncNow(): Promise<void>;
    deadLetters(): Promise<DeadLetter[]>;
  };
  supervisor: {
    todaysChecks(): Promise<SupervisorCheckRow[]>;
    declinedMeasures(): Promise<DeclinedMeasureRow[]>;
    verifyAuditChain(): Promise<AuditVerification>;
  };
}
