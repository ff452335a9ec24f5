/**
 * Prepared sync pages. After an epoch change a thousand terminals walk the same full state from
 * the same start, so each page is assembled once (one SQLite pass over up to SYNC_PAGE_MAX rows)
 * and then served from memory to everyone who asks for it: a resync costs the platform one build
 * per page, not one per terminal. A page is keyed by everything its rows depend on, including the
 * head seq: any change to the list makes a new key, so a stale page is never served; old keys age
 * out of the byte-bounded LRU. A page being built (in the page worker, pageBuilder.ts) is shared
 * too: the terminals asking for it meanwhile wait for that one build.
 */
import type { ChangesPage } from './changesQuery';

export interface PageKey {
  epoch: string;
  /** Head seq of the list when the page was asked for, and the run (opening of the database) that handed it out. */
  lastSeq: number;
  run: string;
  after: number;
  tombstonesAfter: number;
  limit: number;
}

export const DEFAULT_PAGE_CACHE_BYTES = 256 * 1024 * 1024;

export class SyncPageCache {
  private readonly pages = new Map<string, ChangesPage>();
  private readonly building = new Map<string, Promise<ChangesPage>>();
  private bytes = 0;
  hits = 0;
  builds = 0;

  constructor(private readonly maxBytes = DEFAULT_PAGE_CACHE_BYTES) {}

  async get(key: PageKey, build: () => ChangesPage | Promise<ChangesPage>): Promise<ChangesPage> {
    const id = `${key.epoch}|${key.run}|${key.lastSeq}|${key.after}|${key.tombstonesAfter}|${key.limit}`;
    const cached = this.pages.get(id);
    if (cached) {
      this.hits++;
      // Most recently used last: the Map's order is the eviction order.
      this.pages.delete(id);
      this.pages.set(id, cached);
      return cached;
    }
    const inFlight = this.building.get(id);
    if (inFlight) {
      this.hits++;
      return inFlight;
    }
    this.builds++;
    const built = build();
    if (!(built instanceof Promise)) return this.keep(id, built);
    const shared = built.then(
      (page) => {
        this.building.delete(id);
        return this.keep(id, page);
      },
      (error: unknown) => {
        this.building.delete(id);
        throw error;
      },
    );
    this.building.set(id, shared);
    return shared;
  }

  private keep(id: string, page: ChangesPage): ChangesPage {
    // An empty page (a terminal polling at the head) costs one indexed query to build, and would cost
    // nothing against the byte budget: kept, one per head seq and limit, they would grow without bound.
    if (page.json === null) return page;
    const size = page.json.length;
    if (this.maxBytes <= 0 || size > this.maxBytes / 4) return page;
    this.pages.set(id, page);
    this.bytes += size;
    for (const [oldest, old] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(oldest);
      this.bytes -= old.json?.length ?? 0;
    }
    return page;
  }

  get pageCount(): number {
    return this.pages.size;
  }

  get heldBytes(): number {
    return this.bytes;
  }
}
