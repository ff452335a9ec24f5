/** What every operation of the core answers: a value, or a failure the clerk can act on. */

/** Every failure the UI can show: a Chinese message the clerk can act on. */
/**
 * Every failure the UI can show. The catalogue words it by `code` with `params` (renderer/src/i18n
 * describeFailure); `message` is the wording of failures the catalogue has no entry for (the platform's
 * own problem texts), else the code itself.
 */
export interface UserFacingError {
  code: string;
  message: string;
  /** The data the catalogue words the code with (a measure's title, a date…). */
  params?: Record<string, string | number>;
  /** e.g. the position and expected check character of an identifier error. */
  position?: number;
  expected?: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: UserFacingError };
