/** Which identifier form matched a list entry — shown to the clerk, e.g. an org-code-only court entry. */
import type { ListEntry } from '../../../../shared/contract';
import { normaliseIdInput, type ParsedId } from '../../../../shared/ids';

export type MatchKind = 'IDENTIFIER' | 'LEGACY_ID' | 'ORG_CODE';

export function matchKindOf(entry: ListEntry, query: ParsedId): MatchKind {
  const published = normaliseIdInput(entry.identifier);
  if (query.type === 'USCC' && published.length === 9) return 'ORG_CODE';
  if (query.type === 'RESIDENT_ID' && published.length === 15) return 'LEGACY_ID';
  return 'IDENTIFIER';
}

export function matchKinds(entries: readonly ListEntry[], query: ParsedId): MatchKind[] {
  const kinds = new Set<MatchKind>(entries.map((e) => matchKindOf(e, query)));
  if (kinds.size === 0) kinds.add('IDENTIFIER');
  return (['IDENTIFIER', 'LEGACY_ID', 'ORG_CODE'] as const).filter((k) => kinds.has(k));
}
