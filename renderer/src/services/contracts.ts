/**
 * The seam between the UI (features/) and the offline core (services/, data/, sync/).
 * Screens call only these interfaces; the implementations live in services/ and are
 * composed once in services/createServices.ts. Data flows one way: purpose → lookup →
 * evaluate → record → journal → outbox → platform.
 */
import type {
  ExportFormat,
  FleetQuery,
  FleetResponse,
  RecordedCheck,
  SupervisionDashboard,
  SupervisionFilter,
  SupervisionRecordsQuery,
  SupervisionRecordsResponse,
} from '../../../shared/contract';
import type {
  AuditAction,
  Catalogue,
  CheckResult,
  DataSource,
  FeedbackDecision,
  Operator,
  PlatformEvent,
  SubjectSummary,
} from '../../../shared/contract';
import type { AuditVerification, Check, Outcome, Purpose, SyncStatus, TerminalIdentity, UserFacingError } from '../model';
import type { StoreApi } from '../state/store';
import type { SlipText, SlipVerification } from '../../../shared/slip';
import type { SlipCheckResponse } from '../../../shared/contract';
import type { SlipDecisions } from './slipSigning';

export type { SlipDecisions } from './slipSigning';

// The value types the screens see through the seam; they live on the ground floor (model/).
export type { AuditVerification, Notice, Outcome, Purpose, StorageState, SyncStatus, TerminalIdentity, UserFacingError } from '../model';

/** What the clerk sees after a lookup; also the source of the check slip. */
export type CheckView = Check;

export interface Session {
  operator: Operator;
  /** online: platform token held; offline: unlocked with the offline verifier, token may be missing. */
  mode: 'online' | 'offline';
  startedAt: string;
}

export interface NameCandidate {
  name: string;
  masked: string;
  /** Opaque to the UI: pass back to lookupCandidate. */
  ref: string;
  kind: SubjectSummary['kind'];
  entryCount: number;
}

export interface NameSearchResult {
  candidates: NameCandidate[];
  /** More subjects match than are listed: the clerk should narrow the search. */
  more: boolean;
}

export interface FeedbackInput {
  measureCode: string;
  decision: FeedbackDecision;
  reason?: string;
  /** NOT_APPLIED: the catalogue's decline reason code the clerk picked, sent beside the text reason. */
  reasonCode?: string;
  content?: string;
  result?: string;
  /** The DEFERRED feedback (its feedbackId) this final decision settles. */
  resolves?: string;
}

/**
 * A MUST (应当) measure of one of the operator's checks that has no final decision yet: never decided
 * (left by a window closed, a crash, an inactivity lock) or deferred with a reason.
 */
export interface OpenMustMeasure {
  checkId: string;
  checkedAt: string;
  matterName: string;
  caseNo: string;
  subjectName: string;
  subjectMasked: string;
  measureCode: string;
  measureTitle: string;
  deferred?: { feedbackId: string; reason: string; at: string };
}

export interface CommitmentInput {
  kind: string;
  text: string;
  dueOn: string | null;
}

export type Delivery = 'sent' | 'queued';

/** What a refused record is about, by its kind (never a clear identifier); the catalogue words it. */
export interface DeadLetterSummary {
  kind: string;
  matterCode?: string;
  caseNo?: string;
  subjectName?: string;
  measureCode?: string;
  decision?: FeedbackDecision;
  commitmentKind?: string;
  action?: AuditAction;
  chainSeq?: number;
}

export interface DeadLetter {
  id: string;
  /** The identity that numbered it (an earlier enrolment of this PC, after a hand-over). */
  terminalId: string;
  seq: number;
  kind: string;
  occurredAt: string;
  /** The platform's words for the refusal ('' when it gave none). */
  reason: string;
  summary: DeadLetterSummary;
  /** Resubmitted by a supervisor or IT: where the new record stands. */
  resubmission: { state: 'queued' | 'accepted' | 'rejected'; at: string; by: string } | null;
}

export interface JournalExportResult {
  fileName: string;
  /** Where the desktop app saved it (the browser offers a download instead). */
  path?: string;
  records: number;
  /** Of those, not yet delivered. */
  undelivered: number;
}

export interface JournalImportSummary {
  accepted: number;
  duplicate: number;
  rejected: number;
  /** Terminals the platform had no record of and recreated for the import. */
  recreated: string[];
  /** Seqs neither the platform nor the file holds. */
  missing: Array<{ terminalId: string; from: number; to: number }>;
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
  /** The platform accepted the record with a remark (e.g. the matter was withdrawn meanwhile). */
  platformNote: string | null;
}

export interface DeclinedMeasureRow {
  checkId: string;
  decidedAt: string;
  operatorId: string;
  matterName: string;
  measureTitle: string;
  reason: string;
}

/** A check record as the platform keeps it (identifier masked), for supervisors. */
export interface PlatformCheckRow {
  /** The record's id on the platform (for unmasking). */
  id: string;
  occurredAt: string;
  terminalId: string;
  /** Who did the check. */
  operatorId: string;
  /** Whose session delivered it (differs when offline work went out under someone else's login). */
  deliveredBy: string | null;
  matterName: string;
  caseNo: string;
  subjectName: string;
  subjectMasked: string;
  result: CheckResult;
  unmaskable: boolean;
  /** Accepted under the catalogue version the terminal used, which differs from today's: how. */
  catalogueNote: string | null;
}

export interface NameSearchBudgetAlerts {
  budgetPerHour: number;
  alerts: Array<{
    operatorId: string;
    operatorName: string | null;
    department: string | null;
    terminalId: string;
    hour: string;
    lastRefusedAt: string;
    refused: number;
  }>;
}

export interface SlipCheck {
  verification: SlipVerification;
  /** The platform's answer; null offline (or when it could not be asked). */
  platform: SlipCheckResponse | null;
  /** Why the platform could not be asked (worded by the catalogue). */
  platformError: UserFacingError | null;
}

export interface AppServices {
  enrolment: {
    current(): Promise<TerminalIdentity | null>;
    /**
     * `itOperator`: an IT administrator confirms a hand-over this PC cannot prove with its old
     * secret (unreadable, unknown to the platform, or already replaced).
     */
    enrol(input: {
      platformUrl: string;
      enrolmentCode: string;
      terminalName: string;
      itOperator?: { operatorId: string; password: string };
    }): Promise<Outcome<TerminalIdentity>>;
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
    byName(name: string, purpose: Purpose | null): Promise<Outcome<NameSearchResult>>;
    candidate(ref: string, purpose: Purpose): Promise<Outcome<CheckView>>;
  };
  records: {
    submitFeedback(checkId: string, decisions: FeedbackInput[]): Promise<Outcome<Delivery>>;
    /** Where a check's feedback (or commitments) stand now: still queued, or all delivered ('sent'); null if any was refused. */
    deliveryOf(kind: 'feedback' | 'commitment', checkId: string): Promise<Delivery | null>;
    /** The signed-in operator's MUST measures still without a final decision, from the journal (oldest first). */
    openMustMeasures(): Promise<Outcome<OpenMustMeasure[]>>;
    recordCommitment(checkId: string, input: CommitmentInput): Promise<Outcome<Delivery>>;
    /** Audited; returns the clear identifier. A blank reason is refused. */
    unmask(checkId: string, reason: string): Promise<Outcome<string>>;
    recordPrint(checkId: string): Promise<void>;
  };
  sync: {
    status: StoreApi<SyncStatus>;
    syncNow(): Promise<void>;
    deadLetters(): Promise<DeadLetter[]>;
    /**
     * Supervisor or IT, once the cause is fixed: a new record with the dead letter's kind and body,
     * naming it (audited here and on the platform). Returns whether it was delivered within the wait.
     */
    resubmitDeadLetter(terminalId: string, seq: number): Promise<Outcome<Delivery>>;
    /** IT: every record the journal holds (queued, delivered and kept, dead) as one file for the platform's import. */
    exportJournal(): Promise<Outcome<JournalExportResult>>;
    /** IT, online: a file another terminal exported, into the platform. */
    importJournal(fileText: string): Promise<Outcome<JournalImportSummary>>;
  };
  slips: {
    /** Signs the check's statement for its slip with the terminal's certified key (kept on the check record). */
    sign(view: CheckView, decisions: SlipDecisions): Promise<Outcome<SlipText>>;
    /** Offline verification with the trusted platform key, then the platform's own answer when online. QR text or a reference number of this terminal. */
    verify(input: string): Promise<Outcome<SlipCheck>>;
  };
  /** The city's supervision dashboard (supervisors) and the terminal fleet (IT), from the platform. */
  supervision: {
    dashboard(filter: SupervisionFilter): Promise<Outcome<SupervisionDashboard>>;
    records(filter: SupervisionFilter, query: Partial<SupervisionRecordsQuery>): Promise<Outcome<SupervisionRecordsResponse>>;
    recordedCheck(checkId: string): Promise<Outcome<RecordedCheck>>;
    exportView(filter: SupervisionFilter, format: ExportFormat, drill?: Partial<SupervisionRecordsQuery>): Promise<Outcome<Blob>>;
    fleet(query: FleetQuery): Promise<Outcome<FleetResponse>>;
  };
  supervisor: {
    todaysChecks(): Promise<SupervisorCheckRow[]>;
    /** The platform's audit of hand-overs, journal imports and resubmissions (online only). */
    platformEvents(): Promise<Outcome<PlatformEvent[]>>;
    declinedMeasures(): Promise<DeclinedMeasureRow[]>;
    verifyAuditChain(): Promise<AuditVerification>;
    /** The platform's check records within the supervisor's scope (online only). */
    platformChecks(): Promise<Outcome<PlatformCheckRow[]>>;
    /** The clear identifier of a platform record: a reason is required; audited on the platform and here. */
    unmaskPlatformRecord(recordId: string, reason: string): Promise<Outcome<string>>;
    /** Operators who ran out of their hourly name searches (online only). */
    nameSearchAlerts(): Promise<Outcome<NameSearchBudgetAlerts>>;
  };
}
