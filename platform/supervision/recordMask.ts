/**
 * What a supervisor's record may show: the subject's identifier only masked, and any ID number
 * typed into free text (a case number, a reason) masked too. The clear number stays on the
 * platform; POST /supervisor/records/{id}/unmask shows it, on record.
 */
import type { MutationKind } from '../../shared/contract';
import { maskId, parseId, redactIdentifiers } from '../../shared/ids';

const FAR_FUTURE = new Date('9999-12-31T00:00:00Z');

/** Kinds whose body names a subject by its identifier. */
export const UNMASKABLE_KINDS: ReadonlySet<MutationKind> = new Set(['check', 'commitment']);

export function maskedIdentifier(value: string): string {
  const parsed = parseId(value, { today: FAR_FUTURE });
  return parsed.ok ? parsed.masked : maskId(value, 'RESIDENT_ID');
}

function redactDeep(value: unknown): unknown {
  if (typeof value === 'string') return redactIdentifiers(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactDeep(v)]));
  }
  return value;
}

export function maskRecordBody(body: unknown): unknown {
  const redacted = redactDeep(body);
  if (redacted === null || typeof redacted !== 'object' || Array.isArray(redacted)) return redacted;
  const record = redacted as Record<string, unknown>;
  const original = (body as Record<string, unknown>).subjectIdentifier;
  return typeof original === 'string' ? { ...record, subjectIdentifier: maskedIdentifier(original) } : record;
}

/** The clear identifier a record names, if it names one. */
export function clearIdentifierOf(body: unknown): string | null {
  if (body === null || typeof body !== 'object') return null;
  const id = (body as Record<string, unknown>).subjectIdentifier;
  return typeof id === 'string' && id.length > 0 ? id : null;
}
