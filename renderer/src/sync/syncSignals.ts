/**
 * What the sync engine hears from outside a run: the browser's online/offline events, and the other
 * tabs of this app (a tab recorded something → push; a tab finished a sync → re-read the counters).
 */
const CHANNEL = 'credit-counter-sync';

type TabMessage = 'outbox' | 'synced';

export interface SyncSignalHandlers {
  online(): void;
  offline(): void;
  /** Another tab queued a record. */
  outbox(): void;
  /** Another tab finished a sync run. */
  synced(): void;
}

export interface SyncSignals {
  /** Tells the other tabs. */
  post(message: TabMessage): void;
  close(): void;
}

type EventTarget = {
  addEventListener?: (type: string, fn: () => void) => void;
  removeEventListener?: (type: string, fn: () => void) => void;
};

export function listenForSyncSignals(handlers: SyncSignalHandlers): SyncSignals {
  const target = globalThis as EventTarget;
  const onOnline = (): void => handlers.online();
  const onOffline = (): void => handlers.offline();
  target.addEventListener?.('online', onOnline);
  target.addEventListener?.('offline', onOffline);
  let channel: BroadcastChannel | null = null;
  if (typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (event.data === 'outbox') handlers.outbox();
      if (event.data === 'synced') handlers.synced();
    };
  }
  return {
    post: (message) => channel?.postMessage(message),
    close() {
      target.removeEventListener?.('online', onOnline);
      target.removeEventListener?.('offline', onOffline);
      channel?.close();
      channel = null;
    },
  };
}
