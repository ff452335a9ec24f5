/** Building Outcome values and turning any thrown error into a Chinese, user-facing one. */
import { classifyStorageError } from '../data/storageErrors';
import { NotEnrolledError } from '../data/journalWriter';
import { isPlatformError } from '../api/platformError';
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

export function toUserError(error: unknown): UserFacingError {
  if (isPlatformError(error)) return error.userError;
  if (error instanceof NotEnrolledError) return { code: 'not_enrolled', message: '本机尚未登记为查询终端，请先完成终端登记' };
  const storage = classifyStorageError(error);
  if (storage) return { code: storage.kind, message: storage.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `发生内部错误：${detail}` };
}

export function failWith<T = never>(error: unknown): Outcome<T> {
  return { ok: false, error: toUserError(error) };
}

export const NOT_LOGGED_IN: UserFacingError = { code: 'not_logged_in', message: '请先登录' };
export const PURPOSE_REQUIRED: UserFacingError = {
  code: 'purpose_required',
  message: '请先填写查询事由（办理事项和办件编号），没有查询事由不能查询',
};
