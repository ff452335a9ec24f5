/** What every operation of the core answers: a value, or a failure the clerk can act on. */

/** The data the catalogue words a code with (a measure's title, a date, a count…). */
export type MessageParams = Record<string, string | number>;

/**
 * Every failure the UI can show. The catalogue words it by `code` with `params` (renderer/src/i18n
 * describeFailure); `message` is the wording of failures the catalogue has no entry for (the platform's
 * own problem texts), else the code itself.
 */
export interface UserFacingError {
  code: string;
  message: string;
  /** The data the catalogue words the code with (a measure's title, a date…). */
  params?: MessageParams;
  /** `message` is already a sentence for the clerk from outside the core (the desktop host): the catalogue leaves it as it is. */
  ownWords?: boolean;
  /** e.g. the position and expected check character of an identifier error. */
  position?: number;
  expected?: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: UserFacingError };

/** A failure by code and data: the core writes no sentence, the catalogue words it (its `message` is the code). */
export function codedError(code: string, params: MessageParams = {}): UserFacingError {
  return { code, message: code, params };
}
