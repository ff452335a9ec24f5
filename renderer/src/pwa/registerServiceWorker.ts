import { Workbox } from 'workbox-window';

/**
 * Service worker registration for the PWA build, plus a tiny observable "a new version is waiting".
 * Only http(s) pages register: in Electron the renderer comes from app://, which the Cache API does
 * not accept, and the shell is served from the installed package anyway.
 */
export interface ServiceWorkerUpdates {
  /** useSyncExternalStore-compatible subscription; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Whether a new version has been installed and waits for the clerk's consent. */
  getSnapshot(): boolean;
  /** Activates the waiting version (messageSkipWaiting) and reloads once it controls the page. */
  applyUpdate(): void;
}

/** The subset of workbox-window's Workbox this module uses (injectable for tests). */
export interface WorkboxLike {
  addEventListener(type: 'waiting' | 'controlling', listener: (event: { isUpdate?: boolean; isExternal?: boolean }) => void): void;
  register(options?: { immediate?: boolean }): Promise<unknown>;
  messageSkipWaiting(): void;
}

export interface RegisterOptions {
  /** Default: production builds only (the dev server has no service worker to register). */
  enabled?: boolean;
  location?: Pick<Location, 'protocol' | 'reload'>;
  hasServiceWorker?: boolean;
  /** The worker script URL. Default: sw.js next to the built index.html (assets live one level below it). */
  swUrl?: string;
  createWorkbox?: (url: string) => WorkboxLike;
  onError?: (error: unknown) => void;
}

export function serviceWorkerSupported(protocol: string, hasServiceWorker: boolean): boolean {
  return hasServiceWorker && (protocol === 'http:' || protocol === 'https:');
}

/** A no-op store for hosts without a service worker (Electron, old browsers, dev server). */
const NO_UPDATES: ServiceWorkerUpdates = Object.freeze({
  subscribe: () => () => undefined,
  getSnapshot: () => false,
  applyUpdate: () => undefined,
});

export function registerServiceWorker(options: RegisterOptions = {}): ServiceWorkerUpdates {
  const location = options.location ?? globalThis.location;
  const hasServiceWorker = options.hasServiceWorker ?? (typeof navigator !== 'undefined' && 'serviceWorker' in navigator);
  const enabled = options.enabled ?? import.meta.env.PROD;
  if (!enabled || !location || !serviceWorkerSupported(location.protocol, hasServiceWorker)) return NO_UPDATES;

  // sw.js is written by the PWA plugin after the bundle, so it cannot exist when the bundler meets this
  // URL: it is meant to resolve at runtime, next to index.html (@vite-ignore keeps the build quiet).
  const swUrl = options.swUrl ?? new URL(/* @vite-ignore */ '../sw.js', import.meta.url).href;
  const workbox = (options.createWorkbox ?? ((url) => new Workbox(url, { type: 'classic' })))(swUrl);
  const listeners = new Set<() => void>();
  let waiting = false;
  let reloading = false;

  const setWaiting = (value: boolean) => {
    if (waiting === value) return;
    waiting = value;
    for (const listener of listeners) listener();
  };

  // A new worker installed while this page runs the old one. (With registerType 'prompt' it waits.)
  workbox.addEventListener('waiting', () => setWaiting(true));
  workbox.addEventListener('controlling', () => {
    if (!waiting || reloading) return;
    reloading = true;
    location.reload();
  });

  workbox.register().catch((error: unknown) => options.onError?.(error));

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => waiting,
    applyUpdate() {
      if (!waiting) return;
      workbox.messageSkipWaiting();
    },
  };
}
