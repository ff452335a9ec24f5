/** The catalogue as cached; fetched on first use when the cache has none. */
import type { Catalogue } from '../../../shared/contract';
import type { PlatformClient } from '../api/platformClient';
import type { AppServices } from './contracts';
import type { PlatformAccess } from './deps';

export type LoadCatalogue = () => Promise<Catalogue | null>;

export interface CatalogueDeps {
  /** The catalogue the cache holds, null before the first fetch. */
  cached: () => Promise<Catalogue | null>;
  /** Fetches the catalogue into the cache (sync/catalogueSync.ts). */
  refresh: (client: PlatformClient) => Promise<unknown>;
  platform: Pick<PlatformAccess, 'online'>;
}

export function catalogueLoader(deps: CatalogueDeps): LoadCatalogue {
  return async () => {
    const cached = await deps.cached();
    if (cached) return cached;
    const client = await deps.platform.online();
    if (!client) return null;
    try {
      await deps.refresh(client);
    } catch {
      return null;
    }
    return deps.cached();
  };
}

export function createCatalogueService(load: LoadCatalogue): AppServices['catalogue'] {
  return { get: load };
}
