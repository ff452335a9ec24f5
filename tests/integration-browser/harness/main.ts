/**
 * Harness page: the real offline core (createServices with the browser host, real IndexedDB)
 * driven by Playwright through window.__cc.
 */
import { verifyAuditChain } from '../../../renderer/src/data/auditChain';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import { createServices, WARM_MARK, type CreditCounterServices } from '../../../renderer/src/services/createServices';
import { chinaDate } from '../../../shared/dates';
import type { HarnessApi, HarnessStartOptions, JournalSnapshot } from './api';
import { createBenchApi, profile } from './bench';
import type { ListDataStore } from '../../../renderer/src/data/listDataStore';
import type { BrowserHostBridge } from '../../../shared/ipc/bridge';
import { PlatformClient } from '../../../renderer/src/api/platformClient';
import { describeFailure, describeNotice } from '../../../renderer/src/i18n';
import type { SyncStatus } from '../../../renderer/src/model';

/** The status as the clerk reads it: the core hands out failure codes, the catalogue words them. */
function asShown(status: SyncStatus): SyncStatus {
  return status.lastError ? { ...status, lastError: { ...status.lastError, message: describeFailure(status.lastError) } } : status;
}

function bindAll(store: ListDataStore): ListDataStore {
  return {
    loadFullState: () => store.loadFullState(),
    prepare: (changes) => store.prepare?.(changes),
    applyChanges: (page, target) => store.applyChanges(page, target),
    lookupByKey: (key) => store.lookupByKey(key),
    searchByName: (query, limit) => store.searchByName(query, limit),
    exportEntries: () => store.exportEntries(),
    ...(store.snapshots ? { snapshots: timedSnapshots(store.snapshots) } : {}),
    ...(store.signedDataVersion ? { signedDataVersion: () => store.signedDataVersion!() } : {}),
    count: () => store.count(),
    dataVersion: () => store.dataVersion(),
    beginRebuild: (startedAt) => store.beginRebuild(startedAt),
    commitRebuild: (generation) => store.commitRebuild(generation),
    releaseStaleGeneration: () => store.releaseStaleGeneration(),
  };
}

// Push round trips, for the benchmark's breakdown.
const originalPush = PlatformClient.prototype.pushOutbox;
PlatformClient.prototype.pushOutbox = async function (this: PlatformClient, ...args: Parameters<PlatformClient['pushOutbox']>) {
  const t0 = performance.now();
  try {
    return await originalPush.apply(this, args);
  } finally {
    profile.pushMs += performance.now() - t0;
    profile.pushCalls += 1;
  }
};

// Page fetch time (network + JSON + contract validation), for the benchmark's breakdown.
const originalSyncEntries = PlatformClient.prototype.syncEntries;
PlatformClient.prototype.syncEntries = async function (this: PlatformClient, ...args: Parameters<PlatformClient['syncEntries']>) {
  const t0 = performance.now();
  try {
    return await originalSyncEntries.apply(this, args);
  } finally {
    profile.fetchMs += performance.now() - t0;
    profile.fetchCalls += 1;
  }
};
import { installStorageFault, storageFaults } from './storageFault';

// Snapshot block and pack downloads, for the benchmark's bytes figure and breakdown.
const originalBlock = PlatformClient.prototype.snapshotBlock;
PlatformClient.prototype.snapshotBlock = async function (this: PlatformClient, ...args: Parameters<PlatformClient['snapshotBlock']>) {
  const t0 = performance.now();
  const bytes = await originalBlock.apply(this, args);
  profile.blockFetchMs += performance.now() - t0;
  profile.blockCalls += 1;
  profile.blockBytes += bytes.length;
  return bytes;
};
const originalPack = PlatformClient.prototype.snapshotPack;
PlatformClient.prototype.snapshotPack = async function (this: PlatformClient, ...args: Parameters<PlatformClient['snapshotPack']>) {
  const t0 = performance.now();
  const bytes = await originalPack.apply(this, args);
  profile.blockFetchMs += performance.now() - t0;
  profile.packCalls += 1;
  profile.blockBytes += bytes.length;
  return bytes;
};
// SHA-256 and AES-GCM time (during a snapshot download nearly all of it is the blocks').
const subtle = crypto.subtle;
const originalDigest = subtle.digest.bind(subtle);
const originalDecrypt = subtle.decrypt.bind(subtle);
subtle.digest = async (...args: Parameters<SubtleCrypto['digest']>) => {
  const t0 = performance.now();
  try {
    return await originalDigest(...args);
  } finally {
    profile.digestMs += performance.now() - t0;
    profile.digestCalls += 1;
  }
};
subtle.decrypt = async (...args: Parameters<SubtleCrypto['decrypt']>) => {
  const t0 = performance.now();
  try {
    return await originalDecrypt(...args);
  } finally {
    profile.decryptMs += performance.now() - t0;
    profile.decryptCalls += 1;
  }
};

/** The packed store's block writes and directory build, timed for the benchmark's breakdown. */
function timedSnapshots(snapshots: NonNullable<ListDataStore['snapshots']>): NonNullable<ListDataStore['snapshots']> {
  return {
    ...snapshots,
    blocks: {
      stored: (hashes) => snapshots.blocks.stored(hashes),
      async put(blocks) {
        const t0 = performance.now();
        try {
          await snapshots.blocks.put(blocks);
        } finally {
          profile.blockPutMs += performance.now() - t0;
          profile.blockPuts += 1;
          profile.blocksPut += blocks.length;
        }
      },
    },
    async completeSnapshot(manifest) {
      const t0 = performance.now();
      try {
        return await snapshots.completeSnapshot(manifest);
      } finally {
        profile.completeSnapshotMs += performance.now() - t0;
      }
    },
  };
}

let services: CreditCounterServices | null = null;
let secretFault: 'undecryptable' | 'hang-after-write' | null = null;
let secretStored: (() => void) | null = null;
let lastExport: string | null = null;

/** The browser host, with the secret-store faults the stranding tests need. */
function faultyHost(host: BrowserHostBridge): BrowserHostBridge {
  return {
    ...host,
    getConfig: () => host.getConfig(),
    async readTerminalSecret() {
      if (secretFault === 'undecryptable') return { kind: 'undecryptable', message: '系统密钥环已重置' };
      return host.readTerminalSecret();
    },
    async writeTerminalSecret(secret, terminalId) {
      const written = await host.writeTerminalSecret(secret, terminalId);
      if (secretFault === 'undecryptable') secretFault = null; // a new secret decrypts again
      if (secretFault === 'hang-after-write') {
        secretStored?.();
        return new Promise<never>(() => undefined); // the app stops here (a crash, a power cut)
      }
      return written;
    },
    clearTerminalSecret: () => host.clearTerminalSecret(),
    printSlip: (target) => host.printSlip(target),
    async saveJournalExport(contents) {
      lastExport = contents; // the browser host would offer it as a download
      return { ok: true, fileName: 'export.json' };
    },
    log: (level, message) => host.log(level, message),
  };
}

function need(): CreditCounterServices {
  if (!services) throw new Error('harness not started');
  return services;
}

const api: HarnessApi = {
  async start(options: HarnessStartOptions = {}) {
    const prefix = options.prefix ?? 'cc';
    const host = faultyHost(createBrowserHost({ appVersion: '0.1.0', journalDbName: `${prefix}-journal` }));
    services = await createServices({
      host,
      dbNames: { cache: `${prefix}-cache`, journal: `${prefix}-journal` },
      sync: {
        autoStart: options.autoStart ?? false,
        spreadMaxMs: 0,
        immediatePushWaitMs: 3_000,
        ...(options.pageSize ? { pageSize: options.pageSize } : {}),
        ...(options.pushBatchSize ? { pushBatchSize: options.pushBatchSize } : {}),
        ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}),
        ...(options.stallMs ? { stallMs: options.stallMs } : {}),
        ...(options.watchdogIntervalMs ? { watchdogIntervalMs: options.watchdogIntervalMs } : {}),
        backoff: { baseMs: options.backoffBaseMs ?? 200, capMs: options.backoffCapMs ?? 2_000 },
      },
      platform: { timeouts: { lookupMs: options.lookupTimeoutMs ?? 4_000, syncMs: 20_000 } },
      ...(options.listStore ? { listStore: options.listStore } : {}),
      ...(options.overlayThreshold ? { overlayThreshold: options.overlayThreshold } : {}),
      configureDb: installStorageFault,
      wrapListStore: (store) => ({
        ...bindAll(store),
        prepare(changes) {
          const t0 = performance.now();
          store.prepare?.(changes);
          profile.prepareMs += performance.now() - t0;
        },
        async applyChanges(page, target) {
          const t0 = performance.now();
          try {
            return await store.applyChanges(page, target);
          } finally {
            const ms = performance.now() - t0;
            profile.applyMs += ms;
            profile.applyMaxMs = Math.max(profile.applyMaxMs, ms);
            profile.applyCalls += 1;
          }
        },
      }),
    });
  },

  async close() {
    await services?.close();
    services = null;
  },

  enrol: (platformUrl, enrolmentCode, name = '集成测试窗口', itOperator) =>
    need().enrolment.enrol({ platformUrl, enrolmentCode, terminalName: name, ...(itOperator ? { itOperator } : {}) }),

  async login(operatorId, password) {
    const result = await need().auth.login(operatorId, password);
    // Worded as the login screen shows it (the core returns the code and its data).
    return result.ok
      ? { ok: true, value: { mode: result.value.mode } }
      : { ok: false, error: { ...result.error, message: describeFailure(result.error) } };
  },

  async terminalId() {
    return (await need().enrolment.current())?.terminalId ?? null;
  },

  identity: () => need().enrolment.current(),

  setSecretFault(fault) {
    secretFault = fault;
  },

  async exportJournal() {
    lastExport = null;
    const outcome = await need().sync.exportJournal();
    return { outcome, file: lastExport };
  },

  importJournal: (text) => need().sync.importJournal(text),

  async enrolUntilSecretStored(platformUrl, enrolmentCode) {
    secretFault = 'hang-after-write';
    const stored = new Promise<void>((resolve) => (secretStored = resolve));
    void need().enrolment.enrol({ platformUrl, enrolmentCode, terminalName: '集成测试窗口' });
    await stored;
  },

  async syncNow() {
    await need().sync.syncNow();
    return asShown(need().sync.status.getState());
  },

  startSync() {
    void need().sync.syncNow();
  },

  status: () => asShown(need().sync.status.getState()),

  async lookup(identifier, purpose) {
    const result = await need().lookup.byIdentifier(identifier, purpose);
    if (!result.ok) return { ok: false, error: { ...result.error, message: describeFailure(result.error) } };
    const v = result.value;
    return {
      ok: true,
      value: {
        checkId: v.checkId,
        source: v.source,
        result: v.result,
        dataVersion: v.dataVersion,
        entryIds: (v.profile?.entries ?? []).map((e) => e.id).sort(),
        measures: [...v.evaluation.must, ...v.evaluation.may].map((t) => t.measure.code),
        notices: v.notices.map(describeNotice),
      },
    };
  },

  async firstMatter() {
    const catalogue = await need().catalogue.get();
    // A matter for persons that sees the court's dishonest-executee list, so a listed person triggers something.
    const matter =
      catalogue?.matters.find((m) => m.subjectKinds.includes('PERSON') && m.measures.length > 0 && m.visibleListTypes.length > 3) ??
      catalogue?.matters.find((m) => m.subjectKinds.includes('PERSON')) ??
      catalogue?.matters[0];
    if (!matter) throw new Error('no catalogue');
    return matter.code;
  },

  feedback: (checkId, decisions) => need().records.submitFeedback(checkId, decisions),
  commitment: (checkId, input) => need().records.recordCommitment(checkId, input),

  async recordMany(n) {
    const { writer } = need().internals;
    for (let i = 0; i < n; i++) {
      await writer.commit({
        audits: [{ action: 'PRINT', actor: 'c001', purpose: null, subject: null, outcome: 'printed', detail: `harness ${i}` }],
      });
    }
  },

  async enqueueRaw(kind, body) {
    const { writer } = need().internals;
    const record = await writer.commit({
      audits: [],
      write: (tx) => tx.enqueue({ kind, body, operatorId: 'c001', occurredAt: new Date().toISOString() }),
    });
    return { id: record.id, seq: record.seq };
  },

  async requeueDelivered(count) {
    const { journal } = need().internals;
    const rows = await journal.delivered.orderBy(':id').reverse().limit(count).toArray();
    await journal.transaction('rw', journal.outbox, journal.delivered, async () => {
      for (const { deliveredAt: _a, status: _s, ...record } of rows) {
        await journal.outbox.put(record);
        await journal.delivered.delete([record.terminalId, record.seq]);
      }
    });
    return rows.length;
  },

  async journal(): Promise<JournalSnapshot> {
    const { journal } = need().internals;
    const brief = (r: { terminalId: string; seq: number; id: string; kind: string }) => ({
      terminalId: r.terminalId,
      seq: r.seq,
      id: r.id,
      kind: r.kind,
    });
    return {
      outbox: (await journal.outbox.orderBy(':id').toArray()).map(brief),
      delivered: (await journal.delivered.orderBy(':id').toArray()).map(brief),
      dead: (await journal.deadLetters.orderBy(':id').toArray()).map((r) => ({ ...brief(r), reason: r.reason })),
      checks: await journal.checks.count(),
      audit: await journal.audit.count(),
    };
  },

  async entries() {
    const entries = await need().internals.listStore.exportEntries();
    return entries.map((e): [string, string, string] => [e.id, e.status, e.updatedAt]);
  },

  async lastCheckSignedData() {
    const { journal } = need().internals;
    const check = await journal.checks.orderBy('checkedAt').last();
    return check?.signedData ?? null;
  },

  async snapshotBlocksStored() {
    return need().internals.cache.snapBlocks.count();
  },

  listState: () => need().internals.listStore.loadFullState(),

  async anyListedIdentifier() {
    const today = chinaDate(new Date());
    const entries = await need().internals.listStore.exportEntries();
    const row = entries.find(
      (e) => e.status === 'ACTIVE' && e.subjectKind === 'PERSON' && (e.validUntil === null || e.validUntil >= today),
    );
    return row?.identifier ?? null;
  },

  setStorageFault(role, armed) {
    storageFaults[role] = armed;
  },

  // The chain itself, not the supervisor view (the harness logs in as a clerk, which that view refuses).
  verifyAudit: () => verifyAuditChain(need().internals.journal),

  async wipeCache() {
    const { cache } = need().internals;
    await cache.delete();
    await cache.open();
  },

  bench: {
    ...createBenchApi(() => need()),
    async startToFirstLookup(options, key) {
      const pageReadyMs = performance.now();
      performance.clearMeasures(WARM_MARK);
      await api.start({ prefix: options.prefix, listStore: options.listStore });
      const started = performance.now();
      const found = await need().internals.listStore.lookupByKey(key);
      const startMs = performance.now();
      const warm = performance.getEntriesByName(WARM_MARK, 'measure')[0];
      return {
        startMs,
        found: found.length,
        pageReadyMs,
        servicesMs: started - pageReadyMs,
        warmMs: warm ? warm.duration : null,
        lookupMs: startMs - started,
      };
    },
  },
};

(globalThis as { __cc?: HarnessApi }).__cc = api;
document.body.dataset.ready = 'true';
