/** What the harness page exposes on window.__cc (shared with the specs for typing). */
import type {
  AuditVerification,
  Outcome,
  SyncStatus,
  TerminalIdentity,
  Purpose,
  FeedbackInput,
  CommitmentInput,
  Delivery,
  JournalExportResult,
  JournalImportSummary,
} from '../../../renderer/src/services/contracts';
import type { ListState } from '../../../renderer/src/data/listDataStore';
import type { MutationKind, SignedDataVersion } from '../../../shared/contract';
import type { BenchApi } from './bench';

export interface HarnessStartOptions {
  /** Database name prefix: the same prefix after a reload reopens the same data. */
  prefix?: string;
  autoStart?: boolean;
  pageSize?: number;
  pushBatchSize?: number;
  intervalMs?: number;
  stallMs?: number;
  watchdogIntervalMs?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  lookupTimeoutMs?: number;
  listStore?: 'packed' | 'records';
  overlayThreshold?: { min: number; share: number };
}

export interface LookupSummary {
  checkId: string;
  source: 'online' | 'offline';
  result: string;
  dataVersion: string;
  entryIds: string[];
  /** Codes of the triggered measures (must, then may). */
  measures: string[];
  notices: string[];
}

export interface JournalRow {
  terminalId: string;
  seq: number;
  id: string;
  kind: string;
}

export interface JournalSnapshot {
  outbox: JournalRow[];
  delivered: JournalRow[];
  dead: Array<JournalRow & { reason: string }>;
  checks: number;
  audit: number;
}

export interface HarnessApi {
  start(options?: HarnessStartOptions): Promise<void>;
  close(): Promise<void>;
  /** `itOperator`: an IT administrator confirms the hand-over (when the PC cannot prove it with its old secret). */
  enrol(
    platformUrl: string,
    enrolmentCode: string,
    name?: string,
    itOperator?: { operatorId: string; password: string },
  ): Promise<Outcome<TerminalIdentity>>;
  login(operatorId: string, password: string): Promise<Outcome<{ mode: string }>>;
  terminalId(): Promise<string | null>;
  identity(): Promise<TerminalIdentity | null>;
  /**
   * The host's secret store misbehaves: 'undecryptable' (the OS store cannot decrypt the secret
   * until a new one is written), 'hang-after-write' (the app stops right after storing a new secret).
   */
  setSecretFault(fault: 'undecryptable' | 'hang-after-write' | null): void;
  /** IT's export through the services; `file` is what the host was given to save. */
  exportJournal(): Promise<{ outcome: Outcome<JournalExportResult>; file: string | null }>;
  importJournal(fileText: string): Promise<Outcome<JournalImportSummary>>;
  /** Starts an enrolment and returns once the new secret is stored and the app has stopped there. */
  enrolUntilSecretStored(platformUrl: string, enrolmentCode: string): Promise<void>;
  syncNow(): Promise<SyncStatus>;
  /** Starts a sync without waiting for it. */
  startSync(): void;
  status(): SyncStatus;
  lookup(identifier: string, purpose: Purpose): Promise<Outcome<LookupSummary>>;
  firstMatter(): Promise<string>;
  feedback(checkId: string, decisions: FeedbackInput[]): Promise<Outcome<Delivery>>;
  commitment(checkId: string, input: CommitmentInput): Promise<Outcome<Delivery>>;
  /** Queues n audit records (PRINT) without touching the network. */
  recordMany(n: number): Promise<void>;
  enqueueRaw(kind: MutationKind, body: unknown): Promise<{ id: string; seq: number }>;
  /** Puts delivered mutations back into the outbox, as if the app had crashed before removing them. */
  requeueDelivered(count: number): Promise<number>;
  journal(): Promise<JournalSnapshot>;
  entries(): Promise<Array<[string, string, string]>>;
  listState(): Promise<ListState>;
  /** The signed snapshot statement kept with the newest check in the journal. */
  lastCheckSignedData(): Promise<SignedDataVersion | null>;
  snapshotBlocksStored(): Promise<number>;
  anyListedIdentifier(): Promise<string | null>;
  setStorageFault(role: 'cache' | 'journal', armed: boolean): void;
  verifyAudit(): Promise<AuditVerification>;
  wipeCache(): Promise<void>;
  bench: BenchApi;
}
