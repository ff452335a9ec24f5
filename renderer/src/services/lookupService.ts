/**
 * Lookups: purpose first (a refusal is audited), identifier validated on the terminal (invalid input
 * never leaves it), the platform asked with a short timeout and its answer written through to the
 * cache; on any network failure, timeout, 5xx or malformed answer the cache answers instead,
 * labelled offline with its version and age. The parts live in lookup/:
 *
 *   preconditions.ts  operator, purpose, matter, case number
 *   onlineAnswer.ts   the platform's answer (and the profile cache written through)
 *   offlineAnswer.ts  the cache's answer: list entries plus an earlier online profile
 *   notices.ts        what the clerk is told beside the result
 *   showCheck.ts      answer → evaluated check, recorded, then shown
 *   nameSearch.ts     candidates by name, online or from the local lists
 */
import { parseId } from '../../../shared/ids';
import type { AppServices, CheckView, Outcome, Purpose } from './contracts';
import { fallsBackToCache } from './lookup/answer';
import type { LookupDeps } from './lookup/lookupDeps';
import { createNameSearch, PLATFORM_REF } from './lookup/nameSearch';
import { cacheAnswer } from './lookup/offlineAnswer';
import { onlineAnswer } from './lookup/onlineAnswer';
import { lookupPreconditions } from './lookup/preconditions';
import { showCheck } from './lookup/showCheck';
import { fail, failWith, refuse } from './outcome';

export type { LookupDeps } from './lookup/lookupDeps';

export function createLookupService(deps: LookupDeps): AppServices['lookup'] {
  const names = createNameSearch(deps);

  async function byIdentifier(input: string, purpose: Purpose | null): Promise<Outcome<CheckView>> {
    try {
      const pre = await lookupPreconditions(deps, purpose, 'lookup');
      if (!pre.ok) return pre;
      const parsed = parseId(input, { today: deps.now() });
      if (!parsed.ok) {
        const { code, message, position, expected } = parsed.error;
        return fail(code, message, { ...(position !== undefined ? { position } : {}), ...(expected !== undefined ? { expected } : {}) });
      }
      const { matter } = pre.value;
      const online = await onlineAnswer(deps, { parsed }, pre.value.purpose, matter);
      if ('source' in online) return await showCheck(deps, { ...pre.value, parsed, answer: online });
      if (!fallsBackToCache(online)) return { ok: false, error: online.userError };
      const answer = await cacheAnswer({ store: deps.listStore, profiles: deps.profiles, now: deps.now() }, parsed, matter, online);
      return await showCheck(deps, { ...pre.value, parsed, answer });
    } catch (error) {
      return failWith(error);
    }
  }

  /** An online candidate: only the platform can resolve its ref; unreachable → search again. */
  async function byPlatformRef(platformRef: string, purpose: Purpose | null): Promise<Outcome<CheckView>> {
    try {
      const pre = await lookupPreconditions(deps, purpose, 'candidate');
      if (!pre.ok) return pre;
      const online = await onlineAnswer(deps, { platformRef }, pre.value.purpose, pre.value.matter);
      if ('source' in online) return await showCheck(deps, { ...pre.value, parsed: online.parsed, answer: online });
      if (fallsBackToCache(online)) return refuse('candidate_unreachable');
      return { ok: false, error: online.userError };
    } catch (error) {
      return failWith(error);
    }
  }

  return {
    byIdentifier,
    byName: (name, purpose) => names.byName(name, purpose),
    async candidate(ref, purpose) {
      if (ref.startsWith(PLATFORM_REF)) return byPlatformRef(ref.slice(PLATFORM_REF.length), purpose);
      const identifier = names.offlineIdentifier(ref);
      if (!identifier) return refuse('candidate_expired');
      return byIdentifier(identifier, purpose);
    },
  };
}
