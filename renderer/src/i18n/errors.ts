import type { FeedbackRefusal } from '../../../shared/contract';
import { t } from './catalogue';
import { formatDateTime } from './format';

/** A failure as the core returns it: a code, the data to word it with, and the platform's own text when it sent one. */
export interface Failure {
  code: string;
  message: string;
  params?: Record<string, string | number>;
  /** The message is already the clerk's sentence (from the desktop host): not worded again. */
  ownWords?: boolean;
}

function isFailure(value: unknown): value is Failure {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** A failure in the clerk's language: the catalogue's wording of its code, else the text that came with it. */
export function describeFailure(failure: Failure): string {
  if (failure.ownWords) return failure.message;
  const { cause, ...params } = failure.params ?? {};
  // A `cause` is the code of the failure behind this one: worded first, then placed in this sentence.
  if (typeof cause === 'string') params.cause = describeFailure({ code: cause, message: failure.message, params: { ...params } });
  else if (cause !== undefined) params.cause = cause;
  const refusal = t.measures.refusal[failure.code as FeedbackRefusal] as ((title: string) => string) | undefined;
  if (refusal && typeof params.measureTitle === 'string') return refusal(params.measureTitle);
  const word = t.errors[failure.code];
  return word ? word(params) : failure.message;
}

/** A note the core attached to a result, in the clerk's language (its own text when the catalogue has no entry). */
export function describeNotice(notice: { code: string; params?: Record<string, string | number>; message?: string }): string {
  const params: Record<string, string | number> = {};
  // Instants (`…At`) are shown in China time like every other time on the screens.
  for (const [key, value] of Object.entries(notice.params ?? {})) {
    params[key] = key.endsWith('At') && typeof value === 'string' ? formatDateTime(value) : value;
  }
  const word = t.notices[notice.code];
  return word ? word(params) : (notice.message ?? notice.code);
}

/** A thrown value as a sentence the clerk can read (services return Outcome; this is for the unexpected). */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    // A platform failure carries the failure the clerk is shown; any other error is unexpected.
    const carried = (error as { userError?: unknown }).userError;
    if (isFailure(carried)) return describeFailure(carried);
    if (!(error instanceof Error) && isFailure(error)) return describeFailure(error);
    if ('message' in error && typeof error.message === 'string') return t.app.unexpected(error.message);
  }
  return t.app.unexpected(String(error));
}
