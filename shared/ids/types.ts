/** The three kinds of identifier the client understands. */
export type IdType = 'RESIDENT_ID' | 'USCC' | 'ORG_CODE';

export type IdWarningCode = 'ORG_CODE_CHECK_MISMATCH' | 'LEGACY_UPGRADED' | 'BIRTH_BEFORE_1900';

export interface IdWarning {
  code: IdWarningCode;
  /** Chinese, display-ready. Never contains the clear identifier. */
  message: string;
}

export type IdErrorCode = 'EMPTY' | 'BAD_LENGTH' | 'BAD_CHARACTER' | 'BAD_REGION' | 'BAD_BIRTH_DATE' | 'FUTURE_BIRTH_DATE' | 'BAD_CHECK';

export interface IdError {
  code: IdErrorCode;
  /** Chinese, display-ready, precise. Never contains the whole clear identifier. */
  message: string;
  /** 1-based position in the *normalised* input. */
  position?: number;
  /** The character that belongs at `position` (the right check character, or a hint such as O→0). */
  expected?: string;
}

export interface ParsedId {
  ok: true;
  type: IdType;
  /** Canonical: 18-char resident ID (legacy upgraded), 18-char USCC, or 9-char org code (no hyphen). */
  value: string;
  /** Display form, e.g. 3710**********1237. */
  masked: string;
  /** 15-digit form: the input when it was a legacy resident ID, else derived (born 1900–1999). */
  legacy?: string;
  /** USCC only: positions 9–17, the embedded organisation code. */
  orgCode?: string;
  /** Resident ID only: YYYY-MM-DD. */
  birthDate?: string;
  /** Resident ID: first 6 digits; USCC: positions 3–8. */
  regionCode?: string;
  warnings: IdWarning[];
}

export interface ParseIdFailure {
  ok: false;
  error: IdError;
}

export type ParseIdResult = ParsedId | ParseIdFailure;

export interface ParseIdOptions {
  /** "Today" for the future-birth-date rule; defaults to `new Date()` (local calendar date is used). */
  today?: Date;
}
