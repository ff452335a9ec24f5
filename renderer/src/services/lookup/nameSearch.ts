/**
 * Name search: the platform's candidates online (they carry its short-lived ref, never a clear
 * identifier); offline, this terminal's lists grouped by subject, each behind an opaque ref whose
 * identifier stays here. Too short a query never leaves the terminal; every search is audited,
 * one the platform refused (its hourly budget spent…) too.
 */
import { NAME_SEARCH_MAX_CANDIDATES, type Matter } from '../../../../shared/contract';
import { maskId, normaliseIdInput, parseId } from '../../../../shared/ids';
import { isNameQueryTooShort, NAME_QUERY_TOO_SHORT } from '../../../../shared/names';
import { isPlatformError } from '../../api/platformError';
import type { NameCandidate, NameSearchResult, Outcome, Purpose } from '../contracts';
import { fail, failWith, ok, refuse } from '../outcome';
import { fallsBackToCache, notePlatformFailure } from './answer';
import type { LookupDeps } from './lookupDeps';
import { lookupPreconditions } from './preconditions';

/** Ref prefix of online candidates: the rest is the platform's short-lived candidate ref. */
export const PLATFORM_REF = 'p:';

/** Offline refs kept at most; beyond, the oldest searches' refs are forgotten (search again). */
const OFFLINE_REFS_KEPT = 5_000;

type Deps = Pick<LookupDeps, 'session' | 'journal' | 'loadCatalogue' | 'status' | 'platform' | 'engine' | 'listStore'>;

export interface NameSearch {
  byName(name: string, purpose: Purpose | null): Promise<Outcome<NameSearchResult>>;
  /** The identifier an offline candidate's ref stands for (undefined: not one of ours, or forgotten). */
  offlineIdentifier(ref: string): string | undefined;
}

type OfflineCandidate = Omit<NameCandidate, 'ref'> & { identifier: string };

export function createNameSearch(deps: Deps): NameSearch {
  /** Offline candidate refs are opaque handles; the clear identifiers stay in this closure. */
  const offlineRefs = new Map<string, string>();

  /** The platform's candidates; null when the cache must answer instead (no login, or unreachable). */
  async function searchOnline(query: string, purpose: Purpose, operatorId: string): Promise<Outcome<NameSearchResult> | null> {
    const client = await deps.platform.enrolled();
    if (!client || !deps.session.platformToken()) return null;
    try {
      const answer = await client.searchByName(query, purpose);
      deps.engine.reportReachable(true);
      const candidates = answer.candidates.map((c) => ({
        ref: `${PLATFORM_REF}${c.ref}`,
        name: c.name,
        masked: c.masked,
        kind: c.kind,
        entryCount: c.entryCount,
      }));
      return ok({ candidates, more: answer.more });
    } catch (error) {
      if (!isPlatformError(error) || !fallsBackToCache(error)) {
        // A search the platform refused (its hourly budget spent…) is on this terminal's record too.
        const code = isPlatformError(error) ? error.userError.code : 'error';
        await deps.journal
          .audit([{ action: 'NAME_SEARCH', actor: operatorId, purpose, subject: null, outcome: 'refused', detail: code }])
          .catch(() => undefined);
        return failWith(error);
      }
      notePlatformFailure(deps, error);
      return null;
    }
  }

  async function searchOffline(query: string, matter: Matter): Promise<NameSearchResult> {
    const visible = new Set(matter.visibleListTypes);
    const entries = (await deps.listStore.searchByName(query, 500)).filter((e) => visible.has(e.listType));
    const bySubject = new Map<string, OfflineCandidate>();
    for (const entry of entries) {
      const parsed = parseId(entry.identifier, { today: new Date('9999-12-31T00:00:00Z') });
      const identifier = parsed.ok ? parsed.value : normaliseIdInput(entry.identifier);
      const existing = bySubject.get(identifier);
      if (existing) existing.entryCount += 1;
      else {
        bySubject.set(identifier, {
          identifier,
          name: entry.subjectName,
          masked: parsed.ok ? parsed.masked : maskId(identifier, entry.identifierType),
          kind: entry.subjectKind,
          entryCount: 1,
        });
      }
      if (bySubject.size > NAME_SEARCH_MAX_CANDIDATES) break;
    }
    if (offlineRefs.size > OFFLINE_REFS_KEPT) offlineRefs.clear();
    // One subject past the limit was collected only to learn that the list is cut.
    const candidates = [...bySubject.values()].slice(0, NAME_SEARCH_MAX_CANDIDATES).map(({ identifier, ...candidate }) => {
      const ref = crypto.randomUUID();
      offlineRefs.set(ref, identifier);
      return { ...candidate, ref };
    });
    return { candidates, more: bySubject.size > NAME_SEARCH_MAX_CANDIDATES };
  }

  return {
    async byName(name, purpose) {
      try {
        const pre = await lookupPreconditions(deps, purpose, 'name search');
        if (!pre.ok) return pre;
        const query = name.trim();
        if (!query) return refuse('name_required');
        // Specific enough to name someone, not to enumerate everyone: checked here, so a short query never leaves.
        if (isNameQueryTooShort(query)) return fail('name_query_too_short', NAME_QUERY_TOO_SHORT);
        const operatorId = deps.session.current()!.operator.id;
        const online = await searchOnline(query, pre.value.purpose, operatorId);
        if (online && !online.ok) return online;
        const result = online ? online.value : await searchOffline(query, pre.value.matter);
        await deps.journal.audit([
          {
            action: 'NAME_SEARCH',
            actor: operatorId,
            purpose: pre.value.purpose,
            subject: null,
            outcome: online ? 'online' : 'offline',
            detail: `candidates=${result.candidates.length}`,
          },
        ]);
        return ok(result);
      } catch (error) {
        return failWith(error);
      }
    },
    offlineIdentifier: (ref) => offlineRefs.get(ref),
  };
}
