import { describe, expect, it } from 'vitest';
import { registerServiceWorker, serviceWorkerSupported, type WorkboxLike } from './registerServiceWorker';

function fakeWorkbox() {
  const listeners = new Map<string, ((event: object) => void)[]>();
  const calls: string[] = [];
  const workbox: WorkboxLike & { fire(type: string): void; calls: string[] } = {
    calls,
    addEventListener: (type, listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    register: () => {
      calls.push('register');
      return Promise.resolve();
    },
    messageSkipWaiting: () => calls.push('skipWaiting'),
    fire: (type) => listeners.get(type)?.forEach((listener) => listener({ isUpdate: true })),
  };
  return workbox;
}

function location(protocol: string) {
  const reloads: number[] = [];
  return { protocol, reload: () => reloads.push(1), reloads };
}

describe('service worker registration', () => {
  it('registers only on http(s) pages with service worker support', () => {
    expect(serviceWorkerSupported('https:', true)).toBe(true);
    expect(serviceWorkerSupported('http:', true)).toBe(true);
    expect(serviceWorkerSupported('app:', true)).toBe(false);
    expect(serviceWorkerSupported('file:', true)).toBe(false);
    expect(serviceWorkerSupported('https:', false)).toBe(false);

    let created = 0;
    const updates = registerServiceWorker({
      location: location('app:'),
      enabled: true,
      hasServiceWorker: true,
      createWorkbox: () => {
        created++;
        return fakeWorkbox();
      },
    });
    expect(created).toBe(0);
    expect(updates.getSnapshot()).toBe(false);
  });

  it('reports a waiting version and applies it with skipWaiting, then reloads once', async () => {
    const workbox = fakeWorkbox();
    const page = location('https:');
    const updates = registerServiceWorker({
      enabled: true,
      location: page,
      hasServiceWorker: true,
      swUrl: 'https://x/sw.js',
      createWorkbox: () => workbox,
    });
    expect(workbox.calls).toEqual(['register']);
    let notified = 0;
    const unsubscribe = updates.subscribe(() => notified++);
    expect(updates.getSnapshot()).toBe(false);

    updates.applyUpdate(); // nothing waiting: no-op
    expect(workbox.calls).toEqual(['register']);

    workbox.fire('waiting');
    expect(updates.getSnapshot()).toBe(true);
    expect(notified).toBe(1);

    updates.applyUpdate();
    expect(workbox.calls).toEqual(['register', 'skipWaiting']);
    workbox.fire('controlling');
    workbox.fire('controlling');
    expect(page.reloads).toHaveLength(1);
    unsubscribe();
  });

  it('stays off on the dev server', () => {
    let created = 0;
    registerServiceWorker({ location: location('http:'), hasServiceWorker: true, createWorkbox: () => (created++, fakeWorkbox()) });
    expect(created).toBe(0);
  });

  it('does not reload when a first install takes control', () => {
    const workbox = fakeWorkbox();
    const page = location('http:');
    registerServiceWorker({ enabled: true, location: page, hasServiceWorker: true, swUrl: 'http://x/sw.js', createWorkbox: () => workbox });
    workbox.fire('controlling');
    expect(page.reloads).toHaveLength(0);
  });
});
