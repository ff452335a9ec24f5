/**
 * What the cache keeps of the platform's answers besides the lists: the catalogue (matters,
 * measures, list types) and the profiles of earlier online lookups, which give an offline answer
 * its grades, 海贝分, commitments and legal representative. Disposable like the rest of the cache.
 */
import type { Catalogue } from '../../../shared/contract';
import type { CacheDb, CachedProfile } from './cacheDb';

export function profileCacheKey(identifier: string, matterCode: string): string {
  return `${identifier}|${matterCode}`;
}

export class ProfileCache {
  constructor(private readonly cache: CacheDb) {}

  /** Keeps an online answer (profile null: the platform has no records of the subject). */
  async keep(answer: Omit<CachedProfile, 'key'>): Promise<void> {
    await this.cache.profiles.put({ key: profileCacheKey(answer.identifier, answer.matterCode), ...answer });
  }

  /** The cached profile for this matter, else the newest one of the same subject for another matter. */
  async bestFor(identifier: string, matterCode: string): Promise<CachedProfile | undefined> {
    const exact = await this.cache.profiles.get(profileCacheKey(identifier, matterCode));
    if (exact) return exact;
    const others = await this.cache.profiles.where('identifier').equals(identifier).toArray();
    return others.sort((a, b) => b.fetchedAt.localeCompare(a.fetchedAt))[0];
  }
}

/** The catalogue as last fetched, or null before the first fetch. */
export async function cachedCatalogue(cache: CacheDb): Promise<Catalogue | null> {
  return (await cache.catalogue.get('catalogue'))?.catalogue ?? null;
}
