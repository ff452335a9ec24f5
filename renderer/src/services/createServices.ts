/**
 * Composes the offline core once: databases, list store, journal writer, platform client, sync
 * engine and the services the UI calls (contracts.ts).
 *
 *   const services = await createServices({ host });          // browser or Electron host bridge
 *   services.sync.status.subscribe(...);                        // zustand vanilla store
 *
 * Tests and the integration harness pass smaller timings, fixed randomness or a list-store
 * wrapper (fault injection); the app passes only the host.
 */
import type { AxiosRequestConfig } from 'axios';
import type Dexie from 'dexie';
import type { HostBridge } from '../../../shared/ipc/bridge';
import { SubjectHasher } from '../data/auditChain';
import { CacheDb } from '../data/cacheDb';
import { cachedCatalogue, ProfileCache } from '../data/cachedAnswers';
import { DexieListStore } from '../data/dexieListStore';
import { PackedListStore } from '../data/packed/packedListStore';
import { JournalDb } from '../data/journalDb';
import { JournalRepository } from '../data/journalRepository';
import { JournalWriter } from '../data/journalWriter';
import type { ListDataStore } from '../data/listDataStore';
import { classifyStorageError, storageFailure } from '../data/storageErrors';
import { clockSkewSeconds } from '../api/clockSkew';
import { PlatformClient, type PlatformTimeouts } from '../api/platformClient';
import { createSyncLock } from '../sync/syncLock';
import { DEFAULT_SYNC_OPTIONS, SyncEngine, type SyncOptions } from '../sync/syncEngine';
import { createSyncStatusStore } from '../sync/syncStatusStore';
import { refreshCatalogue } from '../sync/catalogueSync';
import type { StoreApi } from '../state/store';
import type { EffectiveConfig } from '../../../shared/config/schema';
import { createAuthService } from './authService';
import { catalogueLoader, createCatalogueService } from './catalogueService';
import type { AppServices, SyncStatus, TerminalIdentity } from './contracts';
import type { PlatformAccess } from './deps';
import { createEnrolmentService } from './enrolmentService';
import { createLookupService } from './lookupService';
import { createRecordsService } from './recordsService';
import { SessionHolder } from './sessionHolder';
import { completeInterruptedEnrolment } from './terminalIdentity';
import { signCheckSlip, verifySlipInput } from './slipSigning';
import { createHeartbeat } from '../sync/heartbeat';
import { createSupervisionService } from './supervisionService';
import { createSupervisorService } from './supervisorService';
import { failWith, ok, refuse } from './outcome';
import { createTerminalAccess, type TerminalAccess } from './terminalAccess';
import { createSyncService } from './syncService';

/** Performance-timeline name of loading the packed list store's fences and fingerprints at start. */
export const WARM_MARK = 'credit-counter:warm-list-store';
export { DEFAULT_DB_NAMES } from '../data/dbNames';
import { DEFAULT_DB_NAMES } from '../data/dbNames';

export interface ServiceDeps {
  host: HostBridge;
  now?: () => Date;
  random?: () => number;
  dbNames?: { cache: string; journal: string };
  /** Sync timings; `autoStart: false` leaves syncing to explicit syncNow() calls (tests). */
  sync?: Partial<SyncOptions> & { autoStart?: boolean };
  platform?: { adapter?: AxiosRequestConfig['adapter']; timeouts?: Partial<PlatformTimeouts> };
  /** The list layout: snapshot blocks (default) or one record per entry (benchmarks, comparisons). */
  listStore?: 'packed' | 'records';
  /** Packed layout: overlay rows beyond which the next snapshot is fetched. */
  overlayThreshold?: { min: number; share: number };
  /** Fault injection for tests: wrap the list store. */
  wrapListStore?: (store: ListDataStore) => ListDataStore;
  /**
   * Called for each database before it opens, e.g. to install a Dexie DBCore middleware that
   * simulates a full disk (QuotaExceededError) underneath everything else.
   */
  configureDb?: (db: Dexie, role: 'cache' | 'journal') => void;
}

/** The parts the services are composed of. No service receives this whole: each names what it uses. */
export interface ServiceInternals {
  host: HostBridge;
  config: EffectiveConfig;
  cache: CacheDb;
  journal: JournalDb;
  /** The journal as the services read and write it. */
  repository: JournalRepository;
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

export interface CreditCounterServices extends AppServices {
  /** Stops syncing and closes the databases. */
  close(): Promise<void>;
  /** For tests, the harness and the benchmark; the UI does not use these. */
  internals: ServiceInternals;
}

export async function createServices(deps: ServiceDeps): Promise<CreditCounterServices> {
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const names = deps.dbNames ?? DEFAULT_DB_NAMES;
  const config = await deps.host.getConfig();

  const cache = new CacheDb(names.cache);
  const journal = new JournalDb(names.journal);
  deps.configureDb?.(cache, 'cache');
  deps.configureDb?.(journal, 'journal');
  const status = createSyncStatusStore();
  const baseStore =
    deps.listStore === 'records'
      ? new DexieListStore(cache)
      : new PackedListStore(cache, deps.overlayThreshold ? { overlayThreshold: deps.overlayThreshold } : {});
  const listStore = deps.wrapListStore ? deps.wrapListStore(baseStore) : baseStore;
  const hasher = new SubjectHasher(journal);
  const writer = new JournalWriter(journal, hasher, now);
  const repository = new JournalRepository(journal, writer);
  const session = new SessionHolder(now);

  const heartbeat = createHeartbeat(
    deps.host.appVersion,
    () => status.getState(),
    typeof navigator !== 'undefined' && navigator.storage?.estimate ? () => navigator.storage.estimate() : undefined,
  );
  const clients = new Map<string, PlatformClient>();
  const platformFor = (platformUrl: string): PlatformClient => {
    let client = clients.get(platformUrl);
    if (!client) {
      client = new PlatformClient({
        platformUrl,
        appVersion: deps.host.appVersion,
        getToken: () => session.platformToken(),
        now,
        onServerTime: (serverTime) => status.setState({ clockSkewSeconds: clockSkewSeconds(serverTime, now()) }),
        heartbeat,
        ...(deps.platform?.timeouts ? { timeouts: deps.platform.timeouts } : {}),
        ...(deps.platform?.adapter ? { adapter: deps.platform.adapter } : {}),
      });
      clients.set(platformUrl, client);
    }
    return client;
  };
  const identity = (): Promise<TerminalIdentity | null> => repository.identity();
  const platform = async (): Promise<PlatformClient | null> => {
    const id = await identity();
    return id ? platformFor(id.platformUrl) : null;
  };

  const { autoStart = true, ...syncOverrides } = deps.sync ?? {};
  const engine = new SyncEngine({
    cache,
    journal,
    store: listStore,
    status,
    lock: createSyncLock(`${names.journal}:sync`),
    client: platform,
    identity,
    session: () => (session.platformToken() !== null ? 'active' : session.operator() ? 'expired' : 'none'),
    onUnauthorized: () => session.dropToken(),
    now,
    random,
    options: { ...DEFAULT_SYNC_OPTIONS, deliveredRetentionDays: config.values.deliveredRetentionDays, ...syncOverrides },
    log: (level, message) => deps.host.log(level, message),
    // IT's pinned key wins over the one the platform sent at enrolment.
    trustedKey: async () => config.values.platformPublicKey || (await identity())?.platformPublicKey || null,
  });

  const core: ServiceInternals = {
    host: deps.host,
    config,
    cache,
    journal,
    repository,
    listStore,
    writer,
    session,
    engine,
    status,
    platform,
    platformFor,
    terminal: createTerminalAccess(deps.host, platformFor),
    identity,
    now,
    random,
  };

  const log = (level: 'info' | 'warn' | 'error', message: string) => deps.host.log(level, message);
  const access: PlatformAccess = {
    enrolled: platform,
    online: async () => (session.platformToken() !== null ? platform() : null),
  };
  const loadCatalogue = catalogueLoader({
    cached: () => cachedCatalogue(cache),
    refresh: (client) => refreshCatalogue(client, cache, now),
    platform: access,
  });

  await openDatabases(core);
  await completeInterruptedEnrolment({ journal: repository, terminal: core.terminal, log, now }).catch((error: unknown) =>
    deps.host.log('error', `completing an interrupted enrolment failed: ${error instanceof Error ? error.message : String(error)}`),
  );
  // Fences and fingerprints into memory now, so the clerk's first lookup does not wait for them.
  if (baseStore instanceof PackedListStore) {
    // Marked so the start-up's share of it shows in DevTools' Performance panel (and in the storage bench).
    performance.mark(WARM_MARK);
    await baseStore.warm().catch(() => undefined);
    performance.measure(WARM_MARK, WARM_MARK);
  }
  await engine.refreshCounts();
  if (autoStart) engine.start();

  const base = { journal: repository, session, now };
  return {
    enrolment: createEnrolmentService({ ...base, terminal: core.terminal, host: deps.host }),
    auth: createAuthService({
      ...base,
      terminal: core.terminal,
      platform: access,
      engine,
      offlineUnlockHours: config.values.offlineUnlockHours,
    }),
    catalogue: createCatalogueService(loadCatalogue),
    lookup: createLookupService({
      ...base,
      listStore,
      profiles: new ProfileCache(cache),
      loadCatalogue,
      platform: access,
      engine,
      status,
      stalenessLimitHours: config.values.stalenessLimitHours,
    }),
    records: createRecordsService({ ...base, engine, status, log }),
    sync: createSyncService({ ...base, engine, status, host: deps.host, platform: access }),
    supervisor: createSupervisorService({ ...base, platform: access, loadCatalogue, engine }),
    slips: {
      async sign(view, decisions) {
        try {
          const signed = await signCheckSlip(repository, deps.host, view, decisions, status.getState().clockSkewSeconds);
          if (signed.ok) return ok(signed.slip);
          return signed.reason === 'sign_failed'
            ? refuse('slip_unsigned', { ...signed.cause.params, reason: signed.reason, cause: signed.cause.code })
            : refuse('slip_unsigned', { reason: signed.reason });
        } catch (error) {
          return failWith(error);
        }
      },
      verify: (input) => verifySlipInput({ journal: repository, pinnedKey: config.values.platformPublicKey, platform: access, now }, input),
    },
    supervision: createSupervisionService({ session, platform: access }),
    internals: core,
    async close() {
      await engine.stop();
      if (baseStore instanceof PackedListStore) baseStore.close();
      cache.close();
      journal.close();
    },
  };
}

/** Opens both databases and asks for persistent storage; failures become the typed storage state. */
async function openDatabases(core: ServiceInternals): Promise<void> {
  for (const db of [core.journal, core.cache]) {
    try {
      await db.open();
    } catch (error) {
      const storage = classifyStorageError(error) ?? { kind: 'unavailable' as const };
      core.status.setState({ storage, lastError: storageFailure(storage) });
      core.host.log('error', `database ${db.name} failed to open: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const storage = (globalThis as { navigator?: { storage?: { persist?: () => Promise<boolean>; persisted?: () => Promise<boolean> } } })
    .navigator?.storage;
  if (storage?.persist && core.status.getState().storage.kind === 'ok') {
    try {
      const persisted = (await storage.persisted?.()) || (await storage.persist());
      core.engine.persisted = persisted;
      core.status.setState({ storage: { kind: 'ok', persisted } });
    } catch {
      // Not granted or not supported: the data is still kept, just evictable under pressure.
    }
  }
}
