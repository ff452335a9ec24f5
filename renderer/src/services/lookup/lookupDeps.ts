/** What the lookup modules are built from (each takes the part it uses). */
import type { StoreApi } from '../../state/store';
import type { ProfileCache } from '../../data/cachedAnswers';
import type { JournalRepository } from '../../data/journalRepository';
import type { ListDataStore } from '../../data/listDataStore';
import type { SyncEngine } from '../../sync/syncEngine';
import type { LoadCatalogue } from '../catalogueService';
import type { SyncStatus } from '../contracts';
import type { Clock, PlatformAccess } from '../deps';
import type { SessionHolder } from '../sessionHolder';

export interface LookupDeps {
  session: Pick<SessionHolder, 'current' | 'platformToken' | 'dropToken'>;
  journal: Pick<JournalRepository, 'identity' | 'recordCheck' | 'audit'>;
  listStore: Pick<ListDataStore, 'loadFullState' | 'lookupByKey' | 'searchByName' | 'signedDataVersion'>;
  profiles: Pick<ProfileCache, 'keep' | 'bestFor'>;
  loadCatalogue: LoadCatalogue;
  platform: Pick<PlatformAccess, 'enrolled'>;
  engine: Pick<SyncEngine, 'reportReachable' | 'pushNow'>;
  status: StoreApi<SyncStatus>;
  /** Hours after which offline list data is called out of date (terminal policy). */
  stalenessLimitHours: number;
  now: Clock;
}
