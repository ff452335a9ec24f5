/**
 * Reads stored snapshot blocks: one IndexedDB get, inflate, and a small LRU of decoded blocks so
 * that repeated lookups of one subject, and a name search walking a block, decode it once.
 */
import { BlockView } from '../../../../shared/snapshot';
import { inflate } from './blocks';
import type { CacheDb } from '../cacheDb';

export class MissingBlockError extends Error {
  constructor(hash: string) {
    super(`snapshot block ${hash.slice(0, 12)}… is not stored`);
    this.name = 'MissingBlockError';
  }
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

export class BlockCache {
  private readonly decoded = new Map<string, BlockView>();

  constructor(
    private readonly db: CacheDb,
    private readonly capacity = 48,
  ) {}

  async get(hash: string): Promise<BlockView> {
    const hit = this.decoded.get(hash);
    if (hit) {
      // Most recently used last.
      this.decoded.delete(hash);
      this.decoded.set(hash, hit);
      return hit;
    }
    const record = await this.read(hash);
    if (!record) throw new MissingBlockError(hash);
    const view = new BlockView(inflate(record.bytes));
    this.decoded.set(hash, view);
    if (this.decoded.size > this.capacity) this.decoded.delete(this.decoded.keys().next().value!);
    return view;
  }

  clear(): void {
    this.decoded.clear();
  }

  /** Plain IndexedDB once Dexie has opened it: a clerk waits on this read. */
  private async read(hash: string): Promise<{ bytes: Uint8Array } | undefined> {
    if (this.db.isOpen()) {
      try {
        const raw = this.db.backendDB();
        return await request<{ bytes: Uint8Array } | undefined>(
          raw.transaction('snapBlocks', 'readonly').objectStore('snapBlocks').get(hash),
        );
      } catch (error) {
        if (!(error instanceof DOMException) || error.name !== 'InvalidStateError') throw error;
      }
    }
    return this.db.snapBlocks.get(hash);
  }
}
