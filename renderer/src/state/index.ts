/**
 * The one seam through which the UI reaches zustand (cf. Excalidraw's app-jotai): features import
 * store helpers from here, never from 'zustand' directly, so stores can be created, replaced and
 * tested in one place.
 */
export { createStore } from 'zustand/vanilla';
export type { StoreApi } from 'zustand/vanilla';
export { useStore } from 'zustand';
export { useShallow } from 'zustand/react/shallow';
