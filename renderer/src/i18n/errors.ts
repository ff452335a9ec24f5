import { t } from './catalogue';

/** A thrown value as a Chinese sentence the clerk can read (services return Outcome; this is for the unexpected). */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    // Messages of UserFacingError-like objects are Chinese already.
    if (/[\u4e00-\u9fff]/.test(error.message)) return error.message;
    return t.app.unexpected(error.message);
  }
  return t.app.unexpected(String(error));
}
