import { describe, expect, it, vi } from 'vitest';

type Hook = (message: { data: unknown[]; level: string }) => { data: unknown[]; level: string } | false;
const fakeLog = vi.hoisted(() => ({
  hooks: [] as Hook[],
  transports: {
    file: { maxSize: 0, level: 'silly' as string | false, resolvePathFn: undefined as undefined | (() => string) },
    console: { level: 'silly' as string | false },
  },
  errorHandler: { startCatching: (_options: object) => undefined },
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
}));
// The real electron-log/main loads the `electron` package, which cannot run here.
vi.mock('electron-log/main', () => ({ default: fakeLog }));

describe('application log', () => {
  it('writes <userData>/logs/main.log, rotates at 5 MB and redacts every message', async () => {
    const { setupLogging, LOG_MAX_BYTES } = await import('./logging');
    setupLogging({ userData: '/home/clerk/.config/CreditCounter', isPackaged: true });
    expect(fakeLog.transports.file.resolvePathFn?.()).toBe('/home/clerk/.config/CreditCounter/logs/main.log');
    expect(fakeLog.transports.file.maxSize).toBe(LOG_MAX_BYTES);
    expect(LOG_MAX_BYTES).toBe(5 * 1024 * 1024);
    expect(fakeLog.transports.console.level).toBe(false);
    expect(fakeLog.hooks).toHaveLength(1);

    const out = fakeLog.hooks[0]!({
      level: 'info',
      data: ['[renderer] 查询 371002199001011237 失败', { terminalSecret: 'tsec_abcdefghijklmnop', uscc: '91371000MA3C8DJE2W' }],
    });
    expect(JSON.stringify(out)).not.toMatch(/371002199001011237|tsec_abcdefghijklmnop|91371000MA3C8DJE2W/);
    expect(JSON.stringify(out)).toContain('[已隐去]');
  });
});
