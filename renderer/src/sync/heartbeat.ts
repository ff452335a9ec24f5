/**
 * The heartbeat a terminal sends with its sync calls, for IT's fleet view: versions, data age, queue
 * depths, clock skew, storage use and the class of the last error — nothing personal, no message text
 * (a message may quote data). Storage use is estimated in the background and sent when known.
 */
import type { ErrorClass, Heartbeat } from '../../../shared/contract';
import type { SyncStatus } from '../model';

export function errorClassOf(code: string | undefined): ErrorClass {
  if (code === undefined) return 'none';
  if (/timeout/.test(code)) return 'timeout';
  if (/offline|network|unreachable|transport/.test(code)) return 'network';
  if (/unauthori[sz]ed|login|session|forbidden/.test(code)) return 'auth';
  if (/quota|storage|disk/.test(code)) return 'storage';
  if (/malformed|invalid|validation/.test(code)) return 'validation';
  if (/reject|dead/.test(code)) return 'rejected';
  if (/server|unavailable|5\d\d/.test(code)) return 'server';
  return 'other';
}

export function createHeartbeat(appVersion: string, status: () => SyncStatus, estimate?: () => Promise<StorageEstimate>): () => Heartbeat {
  let storage: { used: number | null; quota: number | null } = { used: null, quota: null };
  const refresh = () => {
    void estimate?.()
      .then(
        (e) =>
          (storage = {
            used: e.usage !== undefined ? Math.round(e.usage) : null,
            quota: e.quota !== undefined ? Math.round(e.quota) : null,
          }),
      )
      .catch(() => undefined);
  };
  refresh();
  return () => {
    const s = status();
    refresh();
    return {
      appVersion,
      dataVersion: s.dataVersion ? s.dataVersion.slice(0, 64) : null,
      dataAgeSeconds: s.dataAgeSeconds === null ? null : Math.max(0, Math.round(s.dataAgeSeconds)),
      outboxDepth: s.outboxDepth,
      deadLetters: s.deadLetterCount,
      clockSkewSeconds: s.clockSkewSeconds === null ? null : Math.round(s.clockSkewSeconds),
      storageUsedBytes: storage.used,
      storageQuotaBytes: storage.quota,
      lastErrorClass: s.storage.kind !== 'ok' ? 'storage' : errorClassOf(s.lastError?.code),
    };
  };
}
