import { describe, expect, it, vi } from 'vitest';
import { CONFIG_DEFAULTS, type EffectiveConfig } from '../../shared/config/schema';
import { IpcChannels } from '../../shared/ipc/channels';
import { BrowserWindow, Menu, app, ipcEventFrom, ipcMain, protocol, session } from '../../tests/doubles/electron';

// electron-log and electron-updater load the real `electron` package, which cannot run here.
const logged: string[] = [];
vi.mock('./logging', () => ({
  setupLogging: () => ({
    info: (message: string) => logged.push(message),
    warn: (message: string) => logged.push(message),
    error: (message: string) => logged.push(message),
  }),
}));
const updates = vi.hoisted(() => ({ started: [] as unknown[] }));
vi.mock('./updates', () => ({ startAutoUpdates: (feed: unknown) => updates.started.push(feed) }));
vi.mock('./machineConfig', () => ({
  loadMachineConfig: async (): Promise<EffectiveConfig> => ({
    values: { ...CONFIG_DEFAULTS, kiosk: true, proxy: 'http=proxy.local:8080', platformUrl: 'https://credit.example.cn' },
    sources: {
      ...(Object.fromEntries(Object.keys(CONFIG_DEFAULTS).map((key) => [key, 'default'])) as EffectiveConfig['sources']),
      kiosk: 'policy',
    },
    problems: ['本机配置文件 /etc/credit-counter/config.json 不安全，已忽略。'],
  }),
}));

describe('composition root', () => {
  it('wires the shell: scheme, userData, single instance, hardening, proxy, IPC, window', async () => {
    await import('./index');
    await vi.waitFor(() => expect(BrowserWindow.all).toHaveLength(1));

    expect(protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(app.getPath('userData')).toBe('/home/clerk/.config/CreditCounter');
    expect(app.sandboxEnabled).toBe(true);
    expect(Menu.applicationMenu).toBeNull();
    expect(protocol.isProtocolHandled('app')).toBe(true);
    expect(session.defaultSession.proxy).toEqual({ proxyRules: 'http=proxy.local:8080' });
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(logged.join('\n')).toContain('不安全');

    const window = BrowserWindow.all[0]!;
    expect(window.options.kiosk).toBe(true);
    expect(window.webContents.getURL()).toBe('app://credit-counter/');
    // Every web contents is hardened as it is created.
    expect(window.webContents.simulateNavigation('https://www.example.com/')).toBe(true);

    const config = (await ipcMain.simulateInvoke(IpcChannels.getConfig.channel, ipcEventFrom('app://credit-counter/'))) as EffectiveConfig;
    expect(config.sources.kiosk).toBe('policy');

    const response = await protocol.simulateRequest('app://credit-counter/missing.js');
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self' https://credit.example.cn");

    // Development runs never update themselves.
    expect(updates.started).toEqual([]);

    // A second start focuses the first window.
    window.minimized = true;
    app.emit('second-instance');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });
});
