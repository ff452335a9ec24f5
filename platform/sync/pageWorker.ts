/**
 * Sync pages built in a worker thread: the first build of a full-state page aggregates up to 10,000
 * rows into one JSON string, which on the event loop held every other request for a tenth of a
 * second or more. The worker opens the database file read-only on its own connection (WAL: it reads
 * a consistent state beside the platform's writes) and hands back each page's bytes.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { CHANGES_PAGE_SQL, changesPageOf, type ChangesRow } from './changesQuery';

export interface PageWorkerData {
  path: string;
}

export interface PageBuildRequest {
  id: number;
  after: number;
  tombstonesAfter: number;
  limit: number;
}

export type PageBuildReply =
  { id: number; ok: true; json: Uint8Array | null; count: number; lastSeq: number | null } | { id: number; ok: false; message: string };

if (parentPort) {
  const port = parentPort;
  const db = new Database((workerData as PageWorkerData).path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const page = db.prepare<[number, number, number], ChangesRow>(CHANGES_PAGE_SQL);
  port.on('message', (request: PageBuildRequest) => {
    try {
      const built = changesPageOf(page.get(request.after, request.tombstonesAfter, request.limit));
      // Its own ArrayBuffer (small Buffers share a pool), so it moves to the main thread without a copy.
      const json = built.json === null ? null : new Uint8Array(built.json);
      const reply: PageBuildReply = { id: request.id, ok: true, json, count: built.count, lastSeq: built.lastSeq };
      port.postMessage(reply, json ? [json.buffer as ArrayBuffer] : []);
    } catch (error) {
      port.postMessage({
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies PageBuildReply);
    }
  });
}
