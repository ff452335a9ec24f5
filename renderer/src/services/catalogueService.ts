/** The catalogue as cached; fetched on first use when the cache has none. */
import type { Catalogue } from '../../../shared/contract';
import { refreshCatalogue } from '../sync/catalogueSync';
import type { AppServices } from './contracts';
import type { Core } from './core';

export async function loadCatalogue(core: Core): Promise<Catalogue | null> {
  const cached = await core.cache.catalogue.get('catalogue');
  if (cached) return cached.catalogue;
  const client = await core.platform();
  if (!client || !core.session.platformToken()) return null;
  try {
    await refreshCatalogue(client, core.cache, core.now);
  } catch {
    return null;
  }
  return (await core.cache.catalogue.get('catalogue'))?.catalogue ?? null;
}

export function createCatalogueService(core: Core): AppServices['catalogue'] {
  return { get: () => loadCatalogue(core) };
}
