import type { IpcMain, WebContents } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS, type EffectiveConfig } from '../../shared/config/schema';
import { IpcChannels } from '../../shared/ipc/channels';
import { ipcEventFrom, ipcMain, resetElectronDouble } from '../../tests/doubles/electron';
import { registerIpc, type HostServices } from './ipc';
import { isTrustedSender } from './lib/ipcGuard';

const config: EffectiveConfig = {
  values: CONFIG_DEFAULTS,
  sources: Object.fromEntries(Object.keys(CONFIG_DEFAULTS).map((key) => [key, 'default'])) as EffectiveConfig['sources'],
  problems: [],
};

let calls: string[];
let rejected: string[];

function register(): void {
  const services: HostServices = {
    getConfig: () => config,
    vault: {
      read: async () => ({ kind: 'absent' }),
      write: async (secret) => {
        calls.push(`write:${secret.length}`);
        return { ok: true };
      },
      clear: async () => {
        calls.push('clear');
      },
    },
    printSlip: async (contents: WebContents, target) => {
      calls.push(`print:${target}:${contents.getURL()}`);
      return { ok: true, path: '/tmp/x.pdf' };
    },
    saveJournalExport: async (contents) => {
      calls.push(`export:${contents.length}`);
      return { ok: true, fileName: 'x.json', path: '/tmp/x.json' };
    },
    log: (level, message) => calls.push(`log:${level}:${message}`),
    rejected: (channel, reason) => rejected.push(`${channel}:${reason}`),
  };
  registerIpc(ipcMain as unknown as IpcMain, services);
}

const app = () => ipcEventFrom('app://credit-counter/lookup');

beforeEach(() => {
  resetElectronDouble();
  calls = [];
  rejected = [];
  register();
});

describe('IPC', () => {
  it('registers exactly the typed channels', () => {
    const invokeChannels = Object.values(IpcChannels)
      .map((entry) => entry.channel)
      .filter((channel) => channel !== IpcChannels.log.channel);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(invokeChannels.sort());
    expect(ipcMain.listenerCount(IpcChannels.log.channel)).toBe(1);
  });

  it('serves the app origin', async () => {
    expect(await ipcMain.simulateInvoke(IpcChannels.getConfig.channel, app())).toBe(config);
    expect(await ipcMain.simulateInvoke(IpcChannels.readTerminalSecret.channel, app())).toEqual({ kind: 'absent' });
    expect(await ipcMain.simulateInvoke(IpcChannels.writeTerminalSecret.channel, app(), 's'.repeat(32), 'T-1')).toEqual({ ok: true });
    expect(await ipcMain.simulateInvoke(IpcChannels.printSlip.channel, app(), 'pdf')).toEqual({ ok: true, path: '/tmp/x.pdf' });
    ipcMain.simulateSend(IpcChannels.log.channel, app(), 'warn', '同步失败');
    expect(calls).toEqual(['write:32', 'print:pdf:app://credit-counter/lookup', 'log:warn:同步失败']);
  });

  it('rejects callers from a foreign origin, and from a destroyed frame', async () => {
    for (const url of ['https://evil.example/', 'http://127.0.0.1:5173/', 'file:///tmp/x.html', 'app://other/', null]) {
      await expect(ipcMain.simulateInvoke(IpcChannels.readTerminalSecret.channel, ipcEventFrom(url)), String(url)).rejects.toThrow(
        /非本应用页面/,
      );
      await expect(
        ipcMain.simulateInvoke(IpcChannels.writeTerminalSecret.channel, ipcEventFrom(url), 's'.repeat(32), 'T-1'),
      ).rejects.toThrow();
      ipcMain.simulateSend(IpcChannels.log.channel, ipcEventFrom(url), 'info', 'x');
    }
    expect(calls).toEqual([]);
    expect(rejected.length).toBe(15);
  });

  it('rejects invalid input before the implementation runs', async () => {
    const invalid: [string, unknown[]][] = [
      [IpcChannels.writeTerminalSecret.channel, ['short']],
      [IpcChannels.writeTerminalSecret.channel, [1234567890123456]],
      [IpcChannels.writeTerminalSecret.channel, []],
      [IpcChannels.writeTerminalSecret.channel, ['s'.repeat(32)]],
      [IpcChannels.writeTerminalSecret.channel, ['s'.repeat(32), '']],
      [IpcChannels.writeTerminalSecret.channel, ['s'.repeat(32), 'T-1', 'extra']],
      [IpcChannels.printSlip.channel, ['fax']],
      [IpcChannels.getConfig.channel, ['unexpected']],
      [IpcChannels.clearTerminalSecret.channel, [{}]],
    ];
    for (const [channel, args] of invalid) {
      await expect(ipcMain.simulateInvoke(channel, app(), ...args), `${channel} ${JSON.stringify(args)}`).rejects.toThrow(/参数无效/);
    }
    ipcMain.simulateSend(IpcChannels.log.channel, app(), 'debug', 'x');
    ipcMain.simulateSend(IpcChannels.log.channel, app(), 'info', 'x'.repeat(2_001));
    expect(calls).toEqual([]);
    expect(rejected).toHaveLength(11);
  });

  it('trusts only app://credit-counter frames', () => {
    expect(isTrustedSender({ senderFrame: { url: 'app://credit-counter/' } })).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'app://credit-counter.evil/' } })).toBe(false);
    expect(isTrustedSender({ senderFrame: undefined })).toBe(false);
  });
});
