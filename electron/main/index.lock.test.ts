import { describe, expect, it, vi } from 'vitest';
import { BrowserWindow, app } from '../../tests/doubles/electron';

vi.mock('./logging', () => ({ setupLogging: () => ({ info: () => undefined, warn: () => undefined, error: () => undefined }) }));
vi.mock('./updates', () => ({ startAutoUpdates: () => undefined }));

describe('single instance', () => {
  it('quits at once when another instance holds the lock (that one gets focused instead)', async () => {
    app.singleInstanceLockAvailable = false;
    await import('./index');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(app.quitCalls).toBe(1);
    expect(BrowserWindow.all).toHaveLength(0);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});
