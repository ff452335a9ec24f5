/** Messages between run.ts and the terminals process. */
export type Scenario = 'steady' | 'reconnect' | 'resync';

/** How a terminal rebuilds after a new epoch: pages of the full state, or the signed snapshot's blocks. */
export type ResyncPath = 'api' | 'snapshot';

export interface SetupCommand {
  type: 'setup';
  api: string;
  enrolmentCode: string;
  terminals: number;
  /** A clerk's pace: one lookup per this many ms on average. */
  lookupEveryMs: number;
  /** The engine's reconnect spread and resync delay are multiplied by this (1 = as shipped). */
  spreadScale: number;
  /** How terminals rebuild after a 409 resync. */
  via: ResyncPath;
  timeoutMs: number;
}

export interface ScenarioCommand {
  type: 'scenario';
  scenario: Scenario;
  durationMs: number;
  pollEveryMs: number;
  queuedPerTerminal: number;
  /** resync: the data version every terminal must end up holding. */
  dataVersion?: string;
  /** The harness checks itself: the platform loses one delivered record before the reconciliation. */
  loseOneRecord?: boolean;
}

export type ToTerminals = SetupCommand | ScenarioCommand;

export interface RouteFigures {
  count: number;
  perSec: number;
  p50Ms: number;
  p99Ms: number;
}

export interface TerminalsReport {
  scenario: string;
  seconds: number;
  routes: Record<string, RouteFigures>;
  statuses: Record<string, number>;
  /** Requests started in each second of the scenario. */
  perSecond: number[];
  accepted: number;
  /** From the first record accepted to the last. */
  ingestSeconds: number;
  syncBytes: number;
  /** Until every terminal delivered everything and holds the platform's data version (null: not by the deadline). */
  drainSeconds: number | null;
  lost: number;
  /** The first few ids found lost, to name them. */
  lostIds: string[];
  /** The id the platform was made to lose (--lose-record-in), or null. */
  madeLost: string | null;
  duplicated: number;
  /** Records rejected or flagged as breaking their terminal's audit chain. */
  chainBroken: number;
  /** Terminals that had not finished by the deadline. */
  behind: number;
  /** Resync over snapshots (absent on the API path). */
  snapshot?: SnapshotFigures;
}

/** What the terminals' snapshot downloads did in one scenario. */
export interface SnapshotFigures {
  /** Manifests fetched, and how many of them carried a valid platform signature. */
  manifests: number;
  manifestsVerified: number;
  /** Blocks the newest verified manifest names. */
  snapshotBlocks: number;
  /** Block and pack requests the terminals made (each answered 200), and how many distinct URLs. */
  requests: number;
  distinctRequests: number;
  /** Blocks whose SHA-256 matched the signed manifest and that decrypted under its key. */
  blocksVerified: number;
  /** Downloads stopped by a block that did not verify (wrong hash, size or authentication). */
  blocksRefused: number;
  /** Answers the cache marked HIT, and otherwise (they reached the platform); null without a cache. */
  cacheHits: number | null;
  cacheMisses: number | null;
  /** The most answers from the platform for any single URL (1 = it saw each at most once). */
  maxMissesPerRequest: number | null;
  blockBytes: number;
  /** Terminals that hold every block of the newest manifest they verified. */
  terminalsWithAllBlocks: number;
}
