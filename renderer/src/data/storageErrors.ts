/**
 * Storage failures as the sync status reports them. Dexie wraps IndexedDB errors; the original
 * DOMException may sit in `inner` (and an aborted transaction reports the cause of the abort).
 */
import { codedError, type StorageState, type UserFacingError } from '../model';

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

export type StorageTrouble = Exclude<StorageState, { kind: 'ok' }>;

/** A typed storage state for a storage error, or null when the error is not about storage. */
export function classifyStorageError(error: unknown): StorageTrouble | null {
  const found = names(error);
  if (found.includes('QuotaExceededError')) return { kind: 'quota-exceeded' };
  if (found.some((n) => UNAVAILABLE.has(n))) return { kind: 'unavailable' };
  return null;
}

/** The failure a storage state reports (its own code: the platform's `unavailable` is another failure). */
export function storageFailure(storage: StorageTrouble): UserFacingError {
  return codedError(storage.kind === 'quota-exceeded' ? 'quota-exceeded' : 'storage_unavailable');
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
): StorageTrouble | null {
  const storage = classifyStorageError(error);
  if (storage) status.setState({ storage, ...(options.asLastError ? { lastError: storageFailure(storage) } : {}) });
  return storage;
}

/** The error a test (or a fault wrapper) throws to simulate a full disk. */
export function quotaExceededError(): Error {
  return typeof DOMException === 'function'
    ? new DOMException('simulated: the disk is full', 'QuotaExceededError')
    : Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
}
