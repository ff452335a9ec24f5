import type { FeedbackRefusal } from '../../../shared/contract';
import { t } from './catalogue';

/** A failure as the core returns it: a code, the data to word it with, and the platform's own text when it sent one. */
export interface Failure {
  code: string;
  message: string;
  params?: Record<string, string | number>;
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
  const params = failure.params ?? {};
  const refusal = t.measures.refusal[failure.code as FeedbackRefusal] as ((title: string) => string) | undefined;
  if (refusal && typeof params.measureTitle === 'string') return refusal(params.measureTitle);
  const word = t.errors[failure.code];
  return word ? word(params) : failure.message;
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
