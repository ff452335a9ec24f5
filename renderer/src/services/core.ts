/** What every service shares: the databases, the writer, the session, the sync engine, the client. */
import type { StoreApi } from '../state/store';
import type { EffectiveConfig } from '../../../shared/config/schema';
import type { HostBridge } from '../../../shared/ipc/bridge';
import type { CacheDb } from '../data/cacheDb';
import type { JournalDb } from '../data/journalDb';
import type { JournalWriter } from '../data/journalWriter';
import type { ListDataStore } from '../data/listDataStore';
import type { PlatformClient } from '../api/platformClient';
import type { SyncEngine } from '../sync/syncEngine';
import type { SyncStatus, TerminalIdentity } from './contracts';
import type { SessionHolder } from './sessionHolder';
import type { TerminalAccess } from './terminalAccess';

export interface Core {
  host: HostBridge;
  config: EffectiveConfig;
  cache: CacheDb;
  journal: JournalDb;
  listStore: ListDataStore;
  writer: JournalWriter;
  session: SessionHolder;
  engine: SyncEngine;
  status: StoreApi<SyncStatus>;
  /** The client for the enrolled platform, null before enrolment. */
  platform(): Promise<PlatformClient | null>;
  platformFor(platformUrl: string): PlatformClient;
  /** Enrolment and operator login: the calls that need the terminal secret. */
  terminal: TerminalAccess;
  identity(): Promise<TerminalIdentity | null>;
  now: () => Date;
  random: () => number;
}

export { SYSTEM_ACTOR } from '../../../shared/contract';
