/** An answer to a lookup, from the platform or from this terminal's cache, before it becomes a check. */
import type { Profile } from '../../../../shared/contract';
import type { PlatformError } from '../../api/platformError';
import type { Notice } from '../contracts';
import type { LookupDeps } from './lookupDeps';
import type { MatchKind } from './matchedBy';

export interface Answer {
  profile: Profile | null;
  matchedBy: MatchKind[];
  source: 'online' | 'offline';
  dataVersion: string;
  dataAgeSeconds: number | null;
  fromCachedProfile: boolean;
  notices: Notice[];
}

/** Failures after which the cache answers (the platform could not give a trustworthy answer). */
export function fallsBackToCache(error: PlatformError): boolean {
  return error.transient || error.kind === 'unauthorized';
}

/** What a failed platform call tells the rest of the terminal: the session is gone, or the platform is out of reach. */
export function notePlatformFailure({ session, engine }: Pick<LookupDeps, 'session' | 'engine'>, error: PlatformError): void {
  if (error.kind === 'unauthorized') session.dropToken();
  if (error.unreachable) engine.reportReachable(false);
}
