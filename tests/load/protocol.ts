/**
 * Messages between run.ts and the terminals processes (one or more, each simulating its share of
 * the fleet). A process answers each step of a scenario and waits for `go` before the next, so the
 * network returns, and the reconciliation starts, at the same moment in every process.
 */
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
  /** The index of this process's first terminal in the fleet (terminal names stay unique). */
  firstIndex?: number;
  /** Enrolments this process makes at a time (the fleet's few, divided among the processes). */
  enrolWorkers?: number;
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
  /** Wall-clock ms every process counts the scenario's seconds from (reconnect: the `go` after `queued`). */
  startedAt?: number;
}

/** The next step, for every process at once: `at` is the moment it stands for (the network's return). */
export interface GoCommand {
  type: 'go';
  at: number;
}

export type ToTerminals = SetupCommand | ScenarioCommand | GoCommand;

/**
 * What a terminals process says: `started`, `ready` after the setup; during a scenario `queued`
 * (reconnect: every terminal queued its records offline), `worked` (the scenario's own work is
 * done), each then waiting for a GoCommand; last its `report`.
 */
export type FromTerminals =
  { type: 'started' | 'ready' | 'queued' | 'worked' } | { type: 'report'; report: PartReport } | { type: 'error'; message: string };

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
  /** Each simulator process's share, in process order. */
  processes: ProcessShare[];
}

export interface ProcessShare {
  terminals: number;
  /** Requests per route. */
  requests: Record<string, number>;
  accepted: number;
  lost: number;
  terminalsWithAllBlocks: number | null;
}

/**
 * One process's figures for its share of the terminals, raw enough to merge: latency samples rather
 * than percentiles, the URLs and per-URL platform answers rather than their distinct count and maximum.
 */
export interface PartReport extends Omit<TerminalsReport, 'routes' | 'ingestSeconds' | 'snapshot' | 'processes'> {
  terminals: number;
  /** Every request's latency in ms, per route. */
  latencies: Record<string, number[]>;
  /** Wall-clock ms of the first and last record accepted (0: none). */
  firstAcceptAt: number;
  lastAcceptAt: number;
  snapshot?: PartSnapshot;
}

export interface PartSnapshot extends Omit<SnapshotFigures, 'distinctRequests' | 'maxMissesPerRequest'> {
  /** Every distinct block or pack path requested. */
  urls: string[];
  /** Per path, the answers that reached the platform (cache status other than HIT). */
  missesByUrl: Record<string, number>;
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
