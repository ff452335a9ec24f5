/** The catalogue (list types, measures, matters) with ETag / If-None-Match. */
import type { CacheDb } from '../data/cacheDb';
import type { PlatformClient } from '../api/platformClient';

export async function refreshCatalogue(
  client: Pick<PlatformClient, 'catalogue'>,
  cache: CacheDb,
  now: () => Date,
  signal?: AbortSignal,
): Promise<'updated' | 'unchanged'> {
  const current = await cache.catalogue.get('catalogue');
  const answer = await client.catalogue(current?.etag ?? null, signal);
  if (answer.notModified) {
    if (current) await cache.catalogue.put({ ...current, fetchedAt: now().toISOString() });
    return 'unchanged';
  }
  await cache.catalogue.put({ key: 'catalogue', catalogue: answer.catalogue, etag: answer.etag, fetchedAt: now().toISOString() });
  return 'updated';
}
