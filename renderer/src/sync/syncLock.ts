/**
 * Exactly one syncer across windows and tabs (docs/architecture.md): a Web Lock taken with ifAvailable,
 * so a tab that finds another one syncing simply skips its turn. Where Web Locks do not exist
 * (node unit tests, very old browsers) an in-process flag keeps at least this tab single-flight.
 */

export interface SyncLock {
  /** Runs fn if nobody else holds the lock; `ran: false` means another syncer is busy. */
  tryRun<T>(fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}

interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

function webLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : undefined;
}

export function createSyncLock(name: string, locks: LockManagerLike | undefined = webLocks()): SyncLock {
  let busy = false;
  return {
    async tryRun<T>(fn: () => Promise<T>) {
      if (busy) return { ran: false } as const;
      busy = true;
      try {
        if (!locks) return { ran: true, value: await fn() } as const;
        return await locks.request(name, { ifAvailable: true }, async (lock) => {
          if (lock === null) return { ran: false } as const;
          return { ran: true, value: await fn() } as const;
        });
      } finally {
        busy = false;
      }
    },
  };
}
