/** What every operation of the core answers: a value, or a failure the clerk can act on. */

/** Every failure the UI can show: a Chinese message the clerk can act on. */
export interface UserFacingError {
  code: string;
  message: string;
  /** e.g. the position and expected check character of an identifier error. */
  position?: number;
  expected?: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: UserFacingError };
