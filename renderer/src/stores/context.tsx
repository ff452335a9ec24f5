import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { AppStores } from './createAppStores';

const StoresContext = createContext<AppStores | null>(null);

export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

/** The UI's stores; screens read them with `useStore(stores.x, selector)` from '../state'. */
export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresProvider 缺失');
  return stores;
}
