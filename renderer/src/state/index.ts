/**
 * The one seam through which the renderer reaches zustand (cf. Excalidraw's app-jotai): stores are
 * made with the helpers from here, never from 'zustand' directly, so they can be created, replaced
 * and tested in one place. The core imports the React-free part (`./store`) alone.
 */
export { createStore, type StoreApi } from './store';
export { useStore } from 'zustand';
export { useShallow } from 'zustand/react/shallow';
