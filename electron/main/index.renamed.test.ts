import { describe, expect, it, vi } from 'vitest';
import { BrowserWindow, app } from '../../tests/doubles/electron';

const logged = vi.hoisted(() => [] as string[]);
vi.mock('./logging', () => ({
  setupLogging: () => ({
    info: (message: string) => logged.push(message),
    warn: (message: string) => logged.push(message),
    error: (message: string) => logged.push(message),
  }),
}));
vi.mock('./updates', () => ({ startAutoUpdates: () => undefined }));

describe('a copy of the installed app whose executable was renamed electron.exe', () => {
  it('is still the installed app: it refuses a debugging switch', async () => {
    // Electron reports app.isPackaged = false for an executable named electron.exe, whatever it runs.
    app.isPackaged = false;
    app.appPath = 'C:\\Users\\clerk\\Desktop\\cc\\resources\\app.asar';
    process.argv.push('--remote-debugging-port=9222');
    try {
      await import('./index');
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.argv.pop();
    }
    expect(app.exitCodes).toEqual([2]);
    expect(BrowserWindow.all).toHaveLength(0);
    expect(logged.join('\n')).toContain('--remote-debugging-port');
  });
});
