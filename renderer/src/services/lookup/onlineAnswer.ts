/**
 * The platform's answer to a lookup, asked with a short timeout and written through to the profile
 * cache (so a later offline lookup has the grades, 海贝分 and commitments the list sync does not
 * carry). A failed call comes back as the PlatformError (the caller decides whether the cache answers).
 */
import type { Matter } from '../../../../shared/contract';
import { parseId, type ParsedId } from '../../../../shared/ids';
import { PlatformError, isPlatformError } from '../../api/platformError';
import { reportStorageError } from '../../data/storageErrors';
import { codedError } from '../../model';
import type { Purpose } from '../contracts';
import { notePlatformFailure, type Answer } from './answer';
import type { LookupDeps } from './lookupDeps';

/** What to ask the platform for: a validated identifier, or a name-search candidate's platform ref. */
export type Target = { parsed: ParsedId } | { platformRef: string };

type Deps = Pick<LookupDeps, 'platform' | 'session' | 'engine' | 'profiles' | 'status' | 'now'>;

export async function onlineAnswer(
  deps: Deps,
  target: Target,
  purpose: Purpose,
  matter: Matter,
): Promise<(Answer & { parsed: ParsedId }) | PlatformError> {
  const client = await deps.platform.enrolled();
  if (!client || !deps.session.platformToken()) {
    // Unlocked offline (no platform token): the cache is all there is.
    return new PlatformError({ kind: 'network', userError: codedError('offline_session') });
  }
  try {
    const answer = await client.lookup('parsed' in target ? { identifier: target.parsed.value } : { ref: target.platformRef }, purpose);
    deps.engine.reportReachable(true);
    let parsed: ParsedId;
    if ('parsed' in target) parsed = target.parsed;
    else {
      // A candidate ref: the canonical identifier comes from the profile the platform returned.
      const resolved = answer.found ? parseId(answer.response.profile.subject.identifier, { today: deps.now() }) : null;
      if (!resolved?.ok) return new PlatformError({ kind: 'rejected', userError: codedError('candidate_expired') });
      parsed = resolved;
    }
    const profile = answer.found ? answer.response.profile : null;
    const dataVersion = answer.found ? answer.response.dataVersion : answer.dataVersion;
    await deps.profiles
      .keep({ identifier: parsed.value, matterCode: matter.code, profile, dataVersion, fetchedAt: deps.now().toISOString() })
      .catch((error: unknown) => reportStorageError(deps.status, error));
    return {
      parsed,
      profile,
      matchedBy: answer.found && answer.response.matchedBy.length > 0 ? answer.response.matchedBy : ['IDENTIFIER'],
      source: 'online',
      dataVersion,
      dataAgeSeconds: 0,
      fromCachedProfile: false,
      notices: [],
    };
  } catch (error) {
    if (isPlatformError(error)) {
      notePlatformFailure(deps, error);
      return error;
    }
    throw error;
  }
}
