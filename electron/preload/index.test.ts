import { beforeAll, describe, expect, it } from 'vitest';
import type { ElectronHostBridge } from '../../shared/ipc/bridge';
import { IpcChannels } from '../../shared/ipc/channels';
import { contextBridge, ipcRenderer } from '../../tests/doubles/electron';

let bridge: ElectronHostBridge;

beforeAll(async () => {
  process.argv.push('--credit-counter-version=1.2.3');
  await import('./index');
  bridge = contextBridge.exposed.get('creditCounterHost') as ElectronHostBridge;
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
        'enrolTerminal',
        'createSession',
        'enrolledTerminal',
        'clearTerminalSecret',
        'printSlip',
        'saveJournalExport',
        'createSlipKey',
        'adoptSlipKey',
        'signSlipStatement',
        'log',
      ].sort(),
    );
    expect(bridge.kind).toBe('electron');
    expect(bridge.appVersion).toBe('1.2.3');
    expect(Object.values(bridge).some((value) => value === ipcRenderer)).toBe(false);
  });

  it('offers no way to read or write the terminal secret', () => {
    expect(Object.keys(bridge).filter((key) => /secret/i.test(key))).toEqual(['clearTerminalSecret']);
  });

  it('maps each method to its typed channel', async () => {
    ipcRenderer.answers.set(IpcChannels.createSession.channel, { kind: 'unreachable', reason: 'network', message: 'x' });
    const request = { platformUrl: 'https://credit.weihai.gov.cn', terminalId: 'T-1', operatorId: 'c001', password: 'pw' };
    expect(await bridge.createSession(request)).toEqual({ kind: 'unreachable', reason: 'network', message: 'x' });
    await bridge.getConfig();
    await bridge.enrolTerminal('https://credit.weihai.gov.cn', { enrolmentCode: 'CODE', name: '窗口' });
    await bridge.enrolledTerminal();
    await bridge.clearTerminalSecret();
    await bridge.printSlip('printer');
    await bridge.saveJournalExport('{}');
    await bridge.createSlipKey();
    await bridge.adoptSlipKey('PK');
    await bridge.signSlipStatement('AAAA');
    bridge.log('error', '出错了');
    expect(ipcRenderer.invocations).toEqual([
      { channel: IpcChannels.createSession.channel, args: [request] },
      { channel: IpcChannels.getConfig.channel, args: [] },
      { channel: IpcChannels.enrolTerminal.channel, args: ['https://credit.weihai.gov.cn', { enrolmentCode: 'CODE', name: '窗口' }] },
      { channel: IpcChannels.enrolledTerminal.channel, args: [] },
      { channel: IpcChannels.clearTerminalSecret.channel, args: [] },
      { channel: IpcChannels.printSlip.channel, args: ['printer'] },
      { channel: IpcChannels.saveJournalExport.channel, args: ['{}'] },
      { channel: IpcChannels.createSlipKey.channel, args: [] },
      { channel: IpcChannels.adoptSlipKey.channel, args: ['PK'] },
      { channel: IpcChannels.signSlipStatement.channel, args: ['AAAA'] },
    ]);
    expect(ipcRenderer.sent).toEqual([{ channel: IpcChannels.log.channel, args: ['error', '出错了'] }]);
  });
});
