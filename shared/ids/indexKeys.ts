import type { ParsedId } from './types';
import { legacyForm } from './checks';

/**
 * The keys under which list data for this subject can be found:
 * - RESIDENT_ID → [18-char value, 15-digit legacy form when derivable (born 1900–1999)];
 * - USCC → [USCC, embedded 9-char organisation code (positions 9–17)] — court data may carry only
 *   the organisation code, and a hit through it must be marked as matched by organisation code;
 * - ORG_CODE → [value].
 * No duplicates; the canonical value is always first.
 */
export function identifierIndexKeys(parsed: ParsedId): string[] {
  const keys = [parsed.value];
  switch (parsed.type) {
    case 'RESIDENT_ID': {
      const legacy = parsed.legacy ?? legacyForm(parsed.value);
      if (legacy !== undefined) keys.push(legacy);
      break;
    }
    case 'USCC':
      keys.push(parsed.orgCode ?? parsed.value.slice(8, 17));
      break;
    case 'ORG_CODE':
      break;
  }
  return keys.filter((k, i) => keys.indexOf(k) === i);
}
