/**
 * Where a sync page is built. A page of a few rows (a terminal's delta) costs less than a message
 * to another thread and is built on the event loop; a big page (a full-state page of up to 10,000
 * rows: 75–250 ms of string_agg) goes to a worker thread that reads the database file read-only
 * (pageWorker.ts), so /health, lookups and every other terminal keep being answered meanwhile.
 * An in-memory database (tests) has no file a worker could open: its pages are built in place.
 */
import { Worker } from 'node:worker_threads';
import type { ChangesPage } from './changesQuery';
import type { PageBuildReply, PageBuildRequest, PageWorkerData } from './pageWorker';

const WORKER = new URL('./pageWorker.mjs', import.meta.url);

/** Pages of at most this many changes are built on the event loop (a few milliseconds). */
export const INLINE_PAGE_ROWS = 500;

export interface PageBuilderOptions {
  /** The database file the worker reads; null: build every page on the event loop. */
  file: string | null;
  /** Build big pages in the worker (default true); false measures the old way (bench:platform). */
  worker?: boolean;
}

export class PageBuilder {
  /** Pages built in the worker since the start. */
  offLoop = 0;
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(page: ChangesPage): void; reject(error: Error): void }>();
  private closed = false;

  constructor(
    private readonly options: PageBuilderOptions,
    private readonly inPlace: (after: number, tombstonesAfter: number, limit: number) => ChangesPage,
  ) {}

  /** Pages the worker is building now. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Whether a page of about `rows` changes is built off the event loop. */
  offLoopFor(rows: number): boolean {
    return this.options.file !== null && this.options.worker !== false && rows > INLINE_PAGE_ROWS && !this.closed;
  }

  /** The page; `rows`: how many changes it will hold at most (what the caller counted). */
  build(after: number, tombstonesAfter: number, limit: number, rows: number): ChangesPage | Promise<ChangesPage> {
    if (!this.offLoopFor(Math.min(rows, limit))) return this.inPlace(after, tombstonesAfter, limit);
    const worker = this.ensureWorker(this.options.file!);
    const request: PageBuildRequest = { id: this.nextId++, after, tombstonesAfter, limit };
    this.offLoop++;
    const built = new Promise<ChangesPage>((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
    // A worker that cannot run (it failed to start, it died) costs the loop time, not the answer.
    return built.catch((error: unknown) => {
      if (this.closed) throw error;
      return this.inPlace(after, tombstonesAfter, limit);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
    this.failPending(new Error('platform closing'));
  }

  private ensureWorker(file: string): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER, { workerData: { path: file } satisfies PageWorkerData });
    worker.unref();
    worker.on('message', (reply: PageBuildReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!waiting) return;
      if (!reply.ok) return waiting.reject(new Error(reply.message));
      const json = reply.json === null ? null : Buffer.from(reply.json.buffer, reply.json.byteOffset, reply.json.byteLength);
      waiting.resolve({ json, count: reply.count, lastSeq: reply.lastSeq });
    });
    worker.on('error', (error) => this.failPending(error));
    worker.on('exit', (code) => {
      // The next big page starts another one.
      if (this.worker === worker) this.worker = null;
      this.failPending(new Error(`sync page worker exited (${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private failPending(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
