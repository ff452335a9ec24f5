/** The sync engine's timings and sizes; the app passes IT's delivered-record retention, tests shorter timings. */
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { DEFAULT_DELIVERED_RETENTION_DAYS } from './pushEngine';

export interface SyncOptions {
  /** Rows per pull page (the platform caps it at SYNC_PAGE_MAX). */
  pageSize: number;
  pushBatchSize: number;
  /** Regular pull interval while everything is fine. */
  intervalMs: number;
  /** Random 0–spreadMaxMs wait after the network returns (0 in tests). */
  spreadMaxMs: number;
  /** Random 0–resyncSpreadMaxMs wait before a rebuild the platform asked for (default: spreadMaxMs). */
  resyncSpreadMaxMs?: number;
  /** The interval varies by ±this share of itself, so terminals do not poll in lockstep. */
  intervalJitter?: number;
  /** A run with no progress for this long is aborted and restarted. */
  stallMs: number;
  watchdogIntervalMs: number;
  backoff: BackoffPolicy;
  /** How long a record's immediate push may keep the clerk waiting before it reports "queued". */
  immediatePushWaitMs: number;
  /** Days acknowledged records are kept for refilling a platform that lost them (IT: deliveredRetentionDays). */
  deliveredRetentionDays: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  pageSize: 5_000,
  pushBatchSize: 200,
  intervalMs: 5 * 60_000,
  spreadMaxMs: 60_000,
  intervalJitter: 0.2,
  stallMs: 150_000,
  watchdogIntervalMs: 10_000,
  backoff: DEFAULT_BACKOFF,
  immediatePushWaitMs: 5_000,
  deliveredRetentionDays: DEFAULT_DELIVERED_RETENTION_DAYS,
};
