/**
 * Salted hashes of the subject's identifier and the case number. They let a verifier who holds the
 * applicant's card (or the case file) confirm the match without the slip carrying the clear values.
 * They are not secrets: a resident ID has little entropy, so anyone with the slip can try them all.
 */
import { parseId } from '../ids';
import { sha256Bytes, utf8 } from './primitives';
import { SLIP_HASH_BYTES, type CheckStatementBody } from './statement';

const SUBJECT_TAG = utf8('credit-counter slip subject v1\0');
const CASE_TAG = utf8('credit-counter slip case v1\0');

/** Canonical identifier (parseId's value: 18-character ID or USCC, or a 9-character organisation code). */
export function subjectHash(salt: Uint8Array, canonicalId: string): Uint8Array {
  return sha256Bytes(SUBJECT_TAG, salt, utf8(canonicalId)).slice(0, SLIP_HASH_BYTES);
}

export function caseNoHash(salt: Uint8Array, caseNo: string): Uint8Array {
  return sha256Bytes(CASE_TAG, salt, utf8(caseNo.trim())).slice(0, SLIP_HASH_BYTES);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export type SubjectMatch = { ok: true; matches: boolean } | { ok: false; message: string };

/** Whether the number typed from the applicant's card (any accepted form) is the slip's subject. */
export function matchSubject(statement: Pick<CheckStatementBody, 'salt' | 'subjectHash'>, typed: string): SubjectMatch {
  // A far "today": the slip may be checked years later; the birth date only needs to be a real date.
  const parsed = parseId(typed, { today: new Date('9999-12-31T00:00:00Z') });
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  return { ok: true, matches: equalBytes(subjectHash(statement.salt, parsed.value), statement.subjectHash) };
}

export function matchCaseNo(statement: Pick<CheckStatementBody, 'salt' | 'caseNoHash'>, typed: string): boolean {
  return equalBytes(caseNoHash(statement.salt, typed), statement.caseNoHash);
}
