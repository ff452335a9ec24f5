/** Everything a route needs: repositories, the catalogue, live settings and the clock. */
import type { Catalogue, Matter } from '../shared/contract';
import { RateLimiter } from './auth/rateLimiter';
import { AccessLogRepository } from './db/accessLog';
import { CatalogueHistory } from './db/catalogueHistory';
import { EntryRepository } from './db/entries';
import { PlatformEventRepository } from './db/events';
import { MetaStore } from './db/meta';
import { MutationRepository } from './db/mutations';
import type { Db } from './db/open';
import { OperatorRepository } from './db/operators';
import { SessionRepository } from './db/sessions';
import { SubjectRepository } from './db/subjects';
import { TerminalOperatorRepository } from './db/terminalOperators';
import { SlipRepository } from './db/slips';
import { TerminalKeyRepository } from './db/terminalKeys';
import { TerminalRepository } from './db/terminals';
import { DEFAULT_SNAPSHOT_OPTIONS, SnapshotPublisher, type SnapshotOptions } from './snapshots/publisher';
import { loadSigningKey, type SigningKey } from './snapshots/signingKey';
import { PageBuilder } from './sync/pageBuilder';
import { SyncPageCache } from './sync/pageCache';
import { AdmissionControl, DEFAULT_ADMISSION, type AdmissionOptions } from './http/admission';
import { SupervisionFacts } from './supervision/facts';
import { FleetRepository } from './supervision/fleet';

/** Settings the test controls may change while the platform runs. */
export interface PlatformSettings {
  enrolmentCode: string;
  minClientVersion: string;
  tokenTtlSeconds: number;
  offlineUnlockHours: number;
  /** Name searches per operator per rolling hour (DEFAULT_NAME_SEARCHES_PER_HOUR when absent). */
  nameSearchesPerHour?: number;
}

export interface CatalogueSnapshot {
  catalogue: Catalogue;
  json: string;
  etag: string;
  matters: Map<string, Matter>;
}

export interface PlatformContext {
  db: Db;
  meta: MetaStore;
  entries: EntryRepository;
  subjects: SubjectRepository;
  terminals: TerminalRepository;
  /** Terminal keys certified for check slips. */
  terminalKeys: TerminalKeyRepository;
  /** The check slips terminals printed, by 核验码. */
  slips: SlipRepository;
  operators: OperatorRepository;
  terminalOperators: TerminalOperatorRepository;
  sessions: SessionRepository;
  mutations: MutationRepository;
  accessLog: AccessLogRepository;
  events: PlatformEventRepository;
  rateLimiter: RateLimiter;
  /** The Ed25519 key that signs snapshot statements. */
  signing: SigningKey;
  snapshots: SnapshotPublisher;
  /** Sync pages assembled once and shared by every terminal that asks for the same one. */
  syncPages: SyncPageCache;
  /** Builds sync pages: big ones in a worker thread reading the database file (sync/pageBuilder.ts). */
  syncPageBuilder: PageBuilder;
  /** Sheds bulk work early (503 with Retry-After) while the platform is saturated. */
  admission: AdmissionControl;
  settings: PlatformSettings;
  /** The catalogue served now; change it through serveCatalogue (which keeps the history). */
  catalogue: CatalogueSnapshot;
  catalogueHistory: CatalogueHistory;
  /** What the supervision dashboard counts, kept as records arrive. */
  supervision: SupervisionFacts;
  fleet: FleetRepository;
  now(): Date;
}

export function loadCatalogue(meta: MetaStore): CatalogueSnapshot {
  const json = meta.get('catalogue');
  const etag = meta.get('catalogue_etag');
  if (json === undefined || etag === undefined) throw new Error('the database holds no catalogue (not seeded?)');
  const catalogue = JSON.parse(json) as Catalogue;
  return { catalogue, json, etag, matters: new Map(catalogue.matters.map((m) => [m.code, m])) };
}

/** Serves `snapshot` from now on, and keeps it in the catalogue history. */
export function serveCatalogue(ctx: Pick<PlatformContext, 'catalogue' | 'catalogueHistory' | 'now'>, snapshot: CatalogueSnapshot): void {
  ctx.catalogueHistory.record(snapshot.catalogue, snapshot.json, ctx.now().toISOString());
  ctx.catalogue = snapshot;
}

export function snapshotOf(catalogue: Catalogue, etagOf: (json: string) => string): CatalogueSnapshot {
  const json = JSON.stringify(catalogue);
  return { catalogue, json, etag: etagOf(json), matters: new Map(catalogue.matters.map((m) => [m.code, m])) };
}

const SUPERVISION_FACTS_KEY = 'supervision_facts';

export function createContext(
  db: Db,
  settings: PlatformSettings,
  rateLimitPerMinute: number,
  now: () => Date,
  snapshotOptions: SnapshotOptions = DEFAULT_SNAPSHOT_OPTIONS,
  load: { syncPageCacheBytes?: number; syncPageWorker?: boolean; admission?: Partial<AdmissionOptions> } = {},
): PlatformContext {
  const meta = new MetaStore(db);
  const signing = loadSigningKey(meta);
  const ctx: PlatformContext = {
    db,
    meta,
    entries: new EntryRepository(db, meta),
    subjects: new SubjectRepository(db),
    terminals: new TerminalRepository(db),
    terminalKeys: new TerminalKeyRepository(db),
    slips: new SlipRepository(db),
    operators: new OperatorRepository(db),
    terminalOperators: new TerminalOperatorRepository(db),
    sessions: new SessionRepository(db),
    mutations: new MutationRepository(db),
    accessLog: new AccessLogRepository(db),
    events: new PlatformEventRepository(db),
    rateLimiter: new RateLimiter(rateLimitPerMinute),
    signing,
    snapshots: new SnapshotPublisher(db, meta, signing, now, snapshotOptions),
    syncPages: new SyncPageCache(load.syncPageCacheBytes),
    syncPageBuilder: undefined as unknown as PageBuilder,
    admission: new AdmissionControl({ ...DEFAULT_ADMISSION, ...load.admission }),
    settings,
    catalogue: loadCatalogue(meta),
    catalogueHistory: new CatalogueHistory(db),
    supervision: undefined as unknown as SupervisionFacts,
    fleet: new FleetRepository(db),
    now,
  };
  ctx.syncPageBuilder = new PageBuilder(
    { file: db.memory ? null : db.name, ...(load.syncPageWorker !== undefined ? { worker: load.syncPageWorker } : {}) },
    (after, tombstonesAfter, limit) => ctx.entries.changesAfter(after, tombstonesAfter, limit),
  );
  ctx.supervision = new SupervisionFacts(db, {
    departmentOf: (id) => ctx.operators.get(id)?.department,
    catalogueFor: (version) => (version !== undefined ? ctx.catalogueHistory.get(version) : undefined) ?? ctx.catalogue.catalogue,
    currentCatalogueVersion: () => ctx.catalogue.catalogue.version,
  });
  serveCatalogue(ctx, ctx.catalogue);
  // A database that held records before the supervision facts existed gets them counted once.
  if (meta.get(SUPERVISION_FACTS_KEY) === undefined) {
    db.transaction(() => {
      ctx.supervision.rebuild();
      meta.set(SUPERVISION_FACTS_KEY, '1');
    })();
  }
  return ctx;
}
