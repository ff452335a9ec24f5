/**
 * Publishes the list as snapshots: builds one in a worker thread (the API keeps answering), stores
 * its sealed blocks, signs its statement and keeps the newest two. A snapshot is served while it
 * belongs to the current epoch and its cursor can still be served (no compaction past it); when
 * the list has moved on by enough changes, or the snapshot can no longer be served, a new one is
 * built in the background. Terminals fetch the deltas after a snapshot through /sync/entries.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { RevokedTerminalKeysResponse, SnapshotManifestBody, SnapshotManifestResponse, SnapshotSections } from '../../shared/contract';
import { formatStatement, orderedBlocks, packMembers } from '../../shared/snapshot';
import { formatDataVersion, type MetaStore } from '../db/meta';
import type { Db } from '../db/open';
import { SnapshotRepository, type SnapshotRecord, type SnapshotStats } from '../db/snapshots';
import { TerminalKeyRepository } from '../db/terminalKeys';
import { signedRevocations } from '../slips/revocations';
import { encodeCursor } from '../sync/cursor';
import type { BuildRequest, BuildResult } from './buildWorker';
import type { SigningKey } from './signingKey';

export interface SnapshotOptions {
  /** Average plaintext block size (bytes). */
  targetBytes: number;
  /** Rebuild once this many changes (seqs) have happened since the snapshot… */
  rebuildAfterChanges: number;
  /** …or this share of the snapshot's entries, whichever is larger. */
  rebuildAfterShare: number;
  /** How often to check whether a rebuild is due (0 = only when asked). */
  checkIntervalMs: number;
}

/**
 * 32 KB, measured against 16 and 64 KB (tests/bench/snapshot-blocks.ts; figures in platform/README.md):
 * half the requests of 16 KB for a full download, fewer bytes than 64 KB to fetch again after scattered
 * changes, and a point lookup inflates and decodes half of what a 64 KB block would be.
 */
export const DEFAULT_SNAPSHOT_OPTIONS: SnapshotOptions = {
  targetBytes: 32 * 1024,
  rebuildAfterChanges: 2_000,
  rebuildAfterShare: 0.01,
  checkIntervalMs: 60_000,
};

const WORKER = new URL('./buildWorker.mjs', import.meta.url);
const STORE_CHUNK = 64;

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface ManifestParts {
  epoch: string;
  lastSeq: number;
  /** The run that handed out lastSeq: the snapshot's cursor proves its history like any other cursor. */
  run: string;
  entryCount: number;
  sections: SnapshotSections;
  keyBase64: string;
  targetBytes: number;
  createdAt: string;
  signing: SigningKey;
  /** The signed list of revoked terminal keys as of the build (terminals keep it for verifying slips offline). */
  revokedTerminalKeys?: RevokedTerminalKeysResponse;
}

/** The manifest body for sealed sections, and the signed statement that names its SHA-256. */
export function assembleManifest(parts: ManifestParts): SnapshotManifestResponse {
  const cursor = encodeCursor({ epoch: parts.epoch, mode: 'D', position: parts.lastSeq, start: 0, run: parts.run });
  const dataVersion = formatDataVersion(parts.epoch, parts.lastSeq);
  const body: SnapshotManifestBody = {
    format: 1,
    epoch: parts.epoch,
    dataVersion,
    cursor,
    entryCount: parts.entryCount,
    createdAt: parts.createdAt,
    compression: 'deflate-raw',
    cipher: 'AES-256-GCM, IV = HMAC-SHA256(IV key, plaintext)[0..12]',
    key: parts.keyBase64,
    targetBytes: parts.targetBytes,
    sections: parts.sections,
    ...(parts.revokedTerminalKeys ? { revokedTerminalKeys: parts.revokedTerminalKeys } : {}),
  };
  const bodyText = JSON.stringify(body);
  const statement = formatStatement({
    keyId: parts.signing.publicKey.keyId,
    epoch: parts.epoch,
    dataVersion,
    cursor,
    entryCount: parts.entryCount,
    createdAt: parts.createdAt,
    manifestSha256: sha256Hex(bodyText),
  });
  return { statement, signature: parts.signing.sign(statement), body: bodyText };
}

export class SnapshotPublisher {
  private current: SnapshotRecord | undefined;
  private building: Promise<SnapshotRecord> | null = null;
  private worker: Worker | null = null;
  private pending: { resolve: (result: BuildResult) => void; reject: (error: Error) => void } | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private closed = false;
  private readonly repo: SnapshotRepository;
  private readonly terminalKeys: TerminalKeyRepository;
  /** Block and pack requests the platform itself answered (tests show what a cache in front saved). */
  blockRequests = 0;
  /** Pack order (block hashes) of the snapshots served since start, by the SHA-256 of their manifest body. */
  private readonly packOrders = new Map<string, string[]>();
  builds = 0;
  lastError: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly meta: MetaStore,
    private readonly signing: SigningKey,
    private readonly now: () => Date,
    private readonly options: SnapshotOptions = DEFAULT_SNAPSHOT_OPTIONS,
  ) {
    this.repo = new SnapshotRepository(db);
    this.terminalKeys = new TerminalKeyRepository(db);
    this.current = this.repo.latest();
    if (options.checkIntervalMs > 0) {
      this.timer = setInterval(() => this.refreshIfDue(), options.checkIntervalMs);
      this.timer.unref();
    }
  }

  /** The snapshot terminals may start from now, or null (then `startBuild()` makes one). */
  servable(): SnapshotRecord | null {
    const snapshot = this.current;
    const { epoch, lastSeq, horizon } = this.meta.syncState();
    if (!snapshot || snapshot.epoch !== epoch || horizon > snapshot.lastSeq || snapshot.lastSeq > lastSeq) return null;
    return snapshot;
  }

  /** A servable snapshot: the current one, or the one a build (already running or started now) makes. */
  async ensure(): Promise<SnapshotRecord> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const ready = this.servable();
      if (ready) return ready;
      if (this.building) await this.building.catch(() => undefined);
      else return this.startBuildPromise();
    }
    return this.build();
  }

  latest(): SnapshotRecord | undefined {
    return this.current;
  }

  block(hash: string): Buffer | undefined {
    this.blockRequests += 1;
    return this.repo.block(hash);
  }

  /** Pack `index` of the snapshot whose manifest body has this SHA-256 (shared/snapshot/packs.ts). */
  pack(manifestSha256: string, index: number): Buffer | undefined {
    if (!this.packOrders.has(manifestSha256) && this.current) this.rememberPacks(this.current);
    const members = packMembers(this.packOrders.get(manifestSha256) ?? [], index);
    if (members.length === 0) return undefined;
    const parts: Buffer[] = [];
    for (const hash of members) {
      const bytes = this.repo.block(hash);
      if (!bytes) return undefined; // pruned with its snapshot
      parts.push(bytes);
    }
    this.blockRequests += 1;
    return Buffer.concat(parts);
  }

  /** Keeps the pack order of a snapshot (the newest two: the ones whose blocks are kept). */
  private rememberPacks(record: SnapshotRecord): void {
    const response = JSON.parse(record.response) as SnapshotManifestResponse;
    const body = JSON.parse(response.body) as SnapshotManifestBody;
    this.packOrders.set(
      sha256Hex(response.body),
      orderedBlocks(body.sections).map((ref) => ref.h),
    );
    while (this.packOrders.size > 2) this.packOrders.delete(this.packOrders.keys().next().value!);
  }

  /** Starts a rebuild in the background when the list has moved on enough since the snapshot. */
  refreshIfDue(): void {
    if (this.closed || this.building) return;
    const snapshot = this.current;
    if (!snapshot) return this.startBuild();
    const { epoch, lastSeq, horizon } = this.meta.syncState();
    const due = Math.max(this.options.rebuildAfterChanges, Math.round(snapshot.entryCount * this.options.rebuildAfterShare));
    if (snapshot.epoch !== epoch || horizon > snapshot.lastSeq || lastSeq - snapshot.lastSeq >= due) this.startBuild();
  }

  /** Builds a snapshot of the list as it is now (waits for a build already running, then builds again). */
  async build(): Promise<SnapshotRecord> {
    while (this.building) await this.building.catch(() => undefined);
    return this.startBuildPromise();
  }

  /** Stops the timer and any running build. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
    await this.building?.catch(() => undefined);
  }

  /** Starts a build in the background unless one is running. */
  startBuild(): void {
    if (this.closed || this.building) return;
    this.startBuildPromise().catch(() => undefined);
  }

  private startBuildPromise(): Promise<SnapshotRecord> {
    const promise = this.buildOnce().finally(() => {
      if (this.building === promise) this.building = null;
    });
    this.building = promise;
    return promise;
  }

  private epochKey(epoch: string): string {
    const name = `snapshot_key:${epoch}`;
    let key = this.meta.get(name);
    if (key === undefined) {
      key = randomBytes(32).toString('base64');
      this.meta.set(name, key);
    }
    return key;
  }

  private async buildOnce(): Promise<SnapshotRecord> {
    const started = performance.now();
    const { epoch } = this.meta.syncState();
    const keyBase64 = this.epochKey(epoch);
    const source: BuildRequest['source'] = this.db.memory ? { image: this.db.serialize() } : { path: this.db.name };
    let result: BuildResult;
    try {
      result = await this.runWorker({ source, targetBytes: this.options.targetBytes, epoch, keyBase64 });
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      throw error;
    }
    const storeStarted = performance.now();
    let newBlocks = 0;
    for (let i = 0; i < result.blocks.length; i += STORE_CHUNK) {
      if (this.closed) throw new Error('platform closing');
      newBlocks += this.repo.insertBlocks(result.blocks.slice(i, i + STORE_CHUNK));
      // Short transactions with the event loop free in between: requests keep being answered.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const storeMs = Math.round(performance.now() - storeStarted);

    const createdAt = this.now().toISOString();
    const response = assembleManifest({
      epoch: result.epoch,
      lastSeq: result.lastSeq,
      run: this.meta.runAt(result.lastSeq),
      entryCount: result.entryCount,
      sections: result.sections,
      keyBase64,
      targetBytes: this.options.targetBytes,
      createdAt,
      signing: this.signing,
      revokedTerminalKeys: signedRevocations(this.signing, this.terminalKeys, new Date(createdAt)),
    });
    const all = Object.values(result.sections).flat();
    const previous = new Set(this.current?.epoch === result.epoch ? this.current.blocks : []);
    const changed = new Map(all.filter((b) => !previous.has(b.h)).map((b) => [b.h, b.s]));
    const stats: SnapshotStats = {
      buildMs: Math.round(performance.now() - started),
      readMs: result.millis.read,
      encodeMs: result.millis.build,
      sealMs: result.millis.seal,
      storeMs,
      blocks: new Set(all.map((b) => b.h)).size,
      bytes: all.reduce((sum, b) => sum + b.s, 0),
      plainBytes: result.plainBytes,
      newBlocks,
      changedBlocks: changed.size,
      changedBytes: [...changed.values()].reduce((sum, bytes) => sum + bytes, 0),
    };
    const record = this.repo.save({
      epoch: result.epoch,
      lastSeq: result.lastSeq,
      createdAt,
      entryCount: result.entryCount,
      response: JSON.stringify(response),
      blocks: all.map((b) => b.h),
      stats,
    });
    this.repo.prune(2);
    this.current = record;
    this.rememberPacks(record);
    this.builds += 1;
    this.lastError = null;
    return record;
  }

  /** One worker for all builds (starting one loads the TypeScript sources and the pinyin tables). */
  private runWorker(request: BuildRequest): Promise<BuildResult> {
    // A build that reaches this point after close() must not start a worker nobody will terminate.
    if (this.closed) return Promise.reject(new Error('platform closing'));
    if (!this.worker) {
      const worker = new Worker(WORKER);
      worker.unref();
      worker.on('error', (error) => this.failPending(error));
      worker.on('exit', (code) => {
        this.worker = null;
        this.failPending(new Error(`snapshot worker exited (${code})`));
      });
      worker.on('message', (message: { ok: true; result: BuildResult } | { ok: false; message: string }) => {
        const pending = this.pending;
        this.pending = null;
        if (message.ok) pending?.resolve(message.result);
        else pending?.reject(new Error(message.message));
      });
      this.worker = worker;
    }
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      worker.postMessage(request);
    });
  }

  private failPending(error: Error): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }
}
