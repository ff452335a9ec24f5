/**
 * Sandboxed preload: exposes exactly the HostBridge, as one frozen object, and nothing else —
 * no ipcRenderer, no generic invoke. Built to CommonJS (sandboxed preloads cannot be ES modules).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { HostBridge } from '../../shared/ipc/bridge';
import { IpcChannels } from '../../shared/ipc/channels';

const VERSION_ARGUMENT = '--credit-counter-version=';
const appVersion = process.argv.find((arg) => arg.startsWith(VERSION_ARGUMENT))?.slice(VERSION_ARGUMENT.length) ?? '0.0.0';

const creditCounterHost = Object.freeze({
  kind: 'electron',
  appVersion,
  getConfig: () => ipcRenderer.invoke(IpcChannels.getConfig.channel),
  readTerminalSecret: () => ipcRenderer.invoke(IpcChannels.readTerminalSecret.channel),
  writeTerminalSecret: (secret: string, terminalId: string) =>
    ipcRenderer.invoke(IpcChannels.writeTerminalSecret.channel, secret, terminalId),
  clearTerminalSecret: () => ipcRenderer.invoke(IpcChannels.clearTerminalSecret.channel),
  printSlip: (target: 'pdf' | 'printer') => ipcRenderer.invoke(IpcChannels.printSlip.channel, target),
  saveJournalExport: (contents: string) => ipcRenderer.invoke(IpcChannels.saveJournalExport.channel, contents),
  log: (level: 'info' | 'warn' | 'error', message: string) => {
    ipcRenderer.send(IpcChannels.log.channel, level, message);
  },
}) satisfies HostBridge;

contextBridge.exposeInMainWorld('creditCounterHost', creditCounterHost);
