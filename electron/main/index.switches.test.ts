import { describe, expect, it, vi } from 'vitest';
import { BrowserWindow, app, dialog } from '../../tests/doubles/electron';

const logged = vi.hoisted(() => [] as string[]);
vi.mock('./logging', () => ({
  setupLogging: () => ({
    info: (message: string) => logged.push(message),
    warn: (message: string) => logged.push(message),
    error: (message: string) => logged.push(message),
  }),
}));
vi.mock('./updates', () => ({ startAutoUpdates: () => undefined }));

describe('a packaged app started with a debugging switch', () => {
  it('refuses to start, says why, and logs the switch for IT', async () => {
    app.isPackaged = true;
    process.argv.push('--remote-debugging-port=9222');
    try {
      await import('./index');
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.argv.pop();
    }
    expect(app.exitCodes).toEqual([2]);
    expect(BrowserWindow.all).toHaveLength(0);
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(logged.join('\n')).toContain('--remote-debugging-port');
    expect(JSON.stringify(dialog.shown)).toContain('--remote-debugging-port');
  });
});
