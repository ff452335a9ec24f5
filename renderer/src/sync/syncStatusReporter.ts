/**
 * The sync side of the observable SyncStatus: what a run is doing, whether the platform answered,
 * and the counters the clerk sees (list size and age, what waits in the outbox, dead letters).
 */
import type { StoreApi } from '../state/store';
import type { MutationKind } from '../../../shared/contract';
import type { JournalDb } from '../data/journalDb';
import type { ListDataStore } from '../data/listDataStore';
import { reportStorageError } from '../data/storageErrors';
import type { SyncStatus } from '../model';

export interface SyncStatusDeps {
  status: StoreApi<SyncStatus>;
  journal: Pick<JournalDb, 'outbox' | 'deadLetters'>;
  store: Pick<ListDataStore, 'loadFullState'>;
  now: () => Date;
}

export class SyncStatusReporter {
  constructor(private readonly deps: SyncStatusDeps) {}

  patch(partial: Partial<SyncStatus>): void {
    this.deps.status.setState(partial);
  }

  current(): SyncStatus {
    return this.deps.status.getState();
  }

  reportReachable(reachable: boolean): void {
    if (this.current().online !== reachable) this.patch({ online: reachable });
  }

  /** Records a storage failure (full disk, database gone) in the status; false: the error is not one. */
  storageFailed(error: unknown): boolean {
    return reportStorageError(this.deps.status, error, { asLastError: true }) !== null;
  }

  /** Re-reads counters from the databases into the status (cheap: no count() on the list). */
  async refreshCounts(): Promise<void> {
    try {
      const [state, outboxKinds, deadLetterCount] = await Promise.all([
        this.deps.store.loadFullState(),
        this.countOutboxByKind(),
        // Resubmitted ones are being dealt with; a resubmission rejected again is a dead letter of its own.
        this.deps.journal.deadLetters.filter((d) => d.resubmittedAs === undefined).count(),
      ]);
      const now = this.deps.now().getTime();
      this.patch({
        entryCount: state.entryCount,
        dataVersion: state.dataVersion,
        lastPullAt: state.lastPullAt,
        dataAgeSeconds: state.lastPullAt ? Math.max(0, Math.round((now - Date.parse(state.lastPullAt)) / 1000)) : null,
        outboxDepth: Object.values(outboxKinds).reduce((sum, n) => sum + n, 0),
        outboxKinds,
        deadLetterCount,
      });
    } catch (error) {
      this.storageFailed(error);
    }
  }

  /** The clerk is told what is waiting, not just how much: one pass over the (small) outbox. */
  private async countOutboxByKind(): Promise<Partial<Record<MutationKind, number>>> {
    const kinds: Partial<Record<MutationKind, number>> = {};
    await this.deps.journal.outbox.each((record) => {
      kinds[record.kind] = (kinds[record.kind] ?? 0) + 1;
    });
    return kinds;
  }
}
