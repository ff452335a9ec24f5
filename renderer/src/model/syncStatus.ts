import type { MutationKind } from '../../../shared/contract';
import type { UserFacingError } from './outcome';

/** Where synchronisation and the terminal's storage stand, as the status bar shows it. */
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
  /**
   * What is waiting, by kind of record, counted with the depth (during a push only the depth moves, so a
   * breakdown that does not add up to it is out of date).
   */
  outboxKinds: Partial<Record<MutationKind, number>>;
  deadLetterCount: number;
  clockSkewSeconds: number | null;
  lastError: UserFacingError | null;
  storage: StorageState;
}

/** The local databases' state; trouble is a kind the catalogue words (as the failures quota-exceeded, storage_unavailable). */
export type StorageState = { kind: 'ok'; persisted: boolean } | { kind: 'quota-exceeded' } | { kind: 'unavailable' };
