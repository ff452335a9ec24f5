/** Building Outcome values and turning any thrown error into a failure the catalogue words (renderer/src/i18n). */
import { classifyStorageError, storageFailure } from '../data/storageErrors';
import { NotEnrolledError } from '../data/journalWriter';
import { isPlatformError } from '../api/platformError';
import { codedError } from '../model';
import type { Outcome, UserFacingError } from './contracts';

export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string, extra: Partial<UserFacingError> = {}): Outcome<T> {
  return { ok: false, error: { code, message, ...extra } };
}

/** A refusal by code and the data the catalogue words it with (renderer/src/i18n); the core writes no sentence. */
export function refuse<T = never>(code: string, params: Record<string, string | number> = {}): Outcome<T> {
  return { ok: false, error: { code, message: code, params } };
}

/** Thrown by a role guard of a call that answers a plain value; it carries the failure the screens word. */
export class RefusedCallError extends Error {
  readonly userError: UserFacingError;
  constructor(code: string, params: Record<string, string | number> = {}) {
    super(code);
    this.name = 'RefusedCallError';
    this.userError = codedError(code, params);
  }
}

export function toUserError(error: unknown): UserFacingError {
  if (isPlatformError(error) || error instanceof RefusedCallError) return error.userError;
  if (error instanceof NotEnrolledError) return codedError('not_enrolled');
  const storage = classifyStorageError(error);
  if (storage) return storageFailure(storage);
  const detail = error instanceof Error ? error.message : String(error);
  return codedError('internal', { detail });
}

export function failWith<T = never>(error: unknown): Outcome<T> {
  return { ok: false, error: toUserError(error) };
}

export const NOT_LOGGED_IN: UserFacingError = codedError('not_logged_in');
export const PURPOSE_REQUIRED: UserFacingError = codedError('purpose_required');
