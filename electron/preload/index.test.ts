import { beforeAll, describe, expect, it } from 'vitest';
import type { HostBridge } from '../../shared/ipc/bridge';
import { IpcChannels } from '../../shared/ipc/channels';
import { contextBridge, ipcRenderer } from '../../tests/doubles/electron';

let bridge: HostBridge;

beforeAll(async () => {
  process.argv.push('--credit-counter-version=1.2.3');
  await import('./index');
  bridge = contextBridge.exposed.get('creditCounterHost') as HostBridge;
});

describe('preload', () => {
  it('exposes exactly one frozen HostBridge object and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['creditCounterHost']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(
      [
        'kind',
        'appVersion',
        'getConfig',
        'readTerminalSecret',
        'writeTerminalSecret',
        'clearTerminalSecret',
        'printSlip',
        'saveJournalExport',
        'log',
      ].sort(),
    );
    expect(bridge.kind).toBe('electron');
    expect(bridge.appVersion).toBe('1.2.3');
    expect(Object.values(bridge).some((value) => value === ipcRenderer)).toBe(false);
  });

  it('maps each method to its typed channel', async () => {
    ipcRenderer.answers.set(IpcChannels.readTerminalSecret.channel, { kind: 'absent' });
    expect(await bridge.readTerminalSecret()).toEqual({ kind: 'absent' });
    await bridge.getConfig();
    await bridge.writeTerminalSecret('s'.repeat(20), 'T-1');
    await bridge.clearTerminalSecret();
    await bridge.printSlip('printer');
    await bridge.saveJournalExport('{}');
    bridge.log('error', '出错了');
    expect(ipcRenderer.invocations).toEqual([
      { channel: IpcChannels.readTerminalSecret.channel, args: [] },
      { channel: IpcChannels.getConfig.channel, args: [] },
      { channel: IpcChannels.writeTerminalSecret.channel, args: ['s'.repeat(20), 'T-1'] },
      { channel: IpcChannels.clearTerminalSecret.channel, args: [] },
      { channel: IpcChannels.printSlip.channel, args: ['printer'] },
      { channel: IpcChannels.saveJournalExport.channel, args: ['{}'] },
    ]);
    expect(ipcRenderer.sent).toEqual([{ channel: IpcChannels.log.channel, args: ['error', '出错了'] }]);
  });
});
