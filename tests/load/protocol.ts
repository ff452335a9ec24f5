/** Messages between run.ts and the terminals process. */
export type Scenario = 'steady' | 'reconnect' | 'resync';

export interface SetupCommand {
  type: 'setup';
  api: string;
  enrolmentCode: string;
  terminals: number;
  /** A clerk's pace: one lookup per this many ms on average. */
  lookupEveryMs: number;
  /** The engine's reconnect spread and resync delay are multiplied by this (1 = as shipped). */
  spreadScale: number;
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
}
