/** zustand's vanilla store, React-free: what the core (sync status) and the screens' stores are made of. */
export { createStore } from 'zustand/vanilla';
export type { StoreApi } from 'zustand/vanilla';
