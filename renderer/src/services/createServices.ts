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
import { DexieListStore } from '../data/dexieListStore';
import { PackedListStore } from '../data/packed/packedListStore';
import { JournalDb, readTerminalIdentity } from '../data/journalDb';
import { JournalWriter } from '../data/journalWriter';
import type { ListDataStore } from '../data/listDataStore';
import { classifyStorageError, storageFailure } from '../data/storageErrors';
import { clockSkewSeconds } from '../api/clockSkew';
import { PlatformClient, type PlatformTimeouts } from '../api/platformClient';
import { createSyncLock } from '../sync/syncLock';
import { DEFAULT_SYNC_OPTIONS, SyncEngine, type SyncOptions } from '../sync/syncEngine';
import { createSyncStatusStore } from '../sync/syncStatusStore';
import { createAuthService } from './authService';
import { createCatalogueService } from './catalogueService';
import type { AppServices, TerminalIdentity } from './contracts';
import type { Core } from './core';
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
import { createTerminalAccess } from './terminalAccess';
import { createSyncService } from './syncService';

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

export interface CreditCounterServices extends AppServices {
  /** Stops syncing and closes the databases. */
  close(): Promise<void>;
  /** For tests, the harness and the benchmark; the UI does not use these. */
  internals: Core;
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
  const identity = (): Promise<TerminalIdentity | null> => readTerminalIdentity(journal);
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

  const core: Core = {
    host: deps.host,
    config,
    cache,
    journal,
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

  await openDatabases(core);
  await completeInterruptedEnrolment(core).catch((error: unknown) =>
    deps.host.log('error', `completing an interrupted enrolment failed: ${error instanceof Error ? error.message : String(error)}`),
  );
  // Fences and fingerprints into memory now, so the clerk's first lookup does not wait for them.
  if (baseStore instanceof PackedListStore) await baseStore.warm().catch(() => undefined);
  await engine.refreshCounts();
  if (autoStart) engine.start();

  return {
    enrolment: createEnrolmentService(core),
    auth: createAuthService(core),
    catalogue: createCatalogueService(core),
    lookup: createLookupService(core),
    records: createRecordsService(core),
    sync: createSyncService(core),
    supervisor: createSupervisorService(core),
    slips: {
      async sign(view, decisions) {
        try {
          const signed = await signCheckSlip(core.journal, core.host, view, decisions, core.status.getState().clockSkewSeconds);
          if (signed.ok) return ok(signed.slip);
          return signed.reason === 'sign_failed'
            ? refuse('slip_unsigned', { ...signed.cause.params, reason: signed.reason, cause: signed.cause.code })
            : refuse('slip_unsigned', { reason: signed.reason });
        } catch (error) {
          return failWith(error);
        }
      },
      verify: (input) => verifySlipInput(core, input),
    },
    supervision: createSupervisionService(core),
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
async function openDatabases(core: Core): Promise<void> {
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
