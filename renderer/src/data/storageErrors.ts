/**
 * Storage failures as the sync status reports them. Dexie wraps IndexedDB errors; the original
 * DOMException may sit in `inner` (and an aborted transaction reports the cause of the abort).
 */
import type { StorageState, UserFacingError } from '../model';

const UNAVAILABLE = new Set([
  'OpenFailedError',
  'DatabaseClosedError',
  'MissingAPIError',
  'InvalidStateError',
  'UnknownError',
  'VersionError',
  'NotFoundError',
  'DataCloneError',
]);

function names(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const name = (current as { name?: unknown }).name;
    if (typeof name === 'string') out.push(name);
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string' && /quota/i.test(message)) out.push('QuotaExceededError');
    current = (current as { inner?: unknown }).inner ?? (current as { cause?: unknown }).cause;
  }
  return out;
}

export const QUOTA_MESSAGE = '本机存储空间不足，新数据无法保存。已保存的记录不会丢失，请联系管理员清理磁盘空间。';
export const UNAVAILABLE_MESSAGE = '本机数据库无法打开或读写（浏览器存储不可用），请重启程序；仍不行请联系管理员。';

/** A typed storage state for a storage error, or null when the error is not about storage. */
export function classifyStorageError(error: unknown): Exclude<StorageState, { kind: 'ok' }> | null {
  const found = names(error);
  if (found.includes('QuotaExceededError')) return { kind: 'quota-exceeded', message: QUOTA_MESSAGE };
  if (found.some((n) => UNAVAILABLE.has(n))) return { kind: 'unavailable', message: UNAVAILABLE_MESSAGE };
  return null;
}

/** Where storage trouble is shown: the sync status (status bar and sync panel). */
export interface StorageStatusSink {
  setState(patch: { storage: StorageState; lastError?: UserFacingError }): void;
}

/**
 * Puts a storage error on the status (and, with `asLastError`, as the sync's last error too).
 * Returns what it reported, or null when the error is not about storage (nothing is changed).
 */
export function reportStorageError(
  status: StorageStatusSink,
  error: unknown,
  options: { asLastError?: boolean } = {},
): Exclude<StorageState, { kind: 'ok' }> | null {
  const storage = classifyStorageError(error);
  if (storage)
    status.setState({ storage, ...(options.asLastError ? { lastError: { code: storage.kind, message: storage.message } } : {}) });
  return storage;
}

/** The error a test (or a fault wrapper) throws to simulate a full disk. */
export function quotaExceededError(): Error {
  return typeof DOMException === 'function'
    ? new DOMException('模拟：存储空间已满', 'QuotaExceededError')
    : Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
}
