/**
 * The narrow dependencies the services are built from (createServices.ts composes them). Each
 * service names the few it uses; none receives the databases, only the journal repository
 * (data/journalRepository.ts), the list store and the profile cache.
 */
import type { PlatformClient } from '../api/platformClient';
import type { SyncEngine } from '../sync/syncEngine';

/** The platform's client, as far as the terminal may ask it now. */
export interface PlatformAccess {
  /** The client of the enrolled platform, null before enrolment. */
  enrolled(): Promise<PlatformClient | null>;
  /** The client while a platform login is held, else null (not enrolled, or unlocked offline). */
  online(): Promise<PlatformClient | null>;
}

export type Clock = () => Date;

export type Log = (level: 'info' | 'warn' | 'error', message: string) => void;

/** "Deliver what is queued now" (after a clerk recorded something). */
export type Pusher = Pick<SyncEngine, 'pushNow'>;

/** What a platform call tells the sync engine: the platform is (un)reachable. */
export type Reachability = Pick<SyncEngine, 'reportReachable'>;

export { SYSTEM_ACTOR } from '../../../shared/contract';
