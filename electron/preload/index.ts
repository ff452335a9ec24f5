/**
 * Sandboxed preload: exposes exactly the HostBridge, as one frozen object, and nothing else —
 * no ipcRenderer, no generic invoke, and no way to read the terminal secret. Built to CommonJS
 * (sandboxed preloads cannot be ES modules).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ElectronHostBridge, HostEnrolRequest, HostSessionRequest } from '../../shared/ipc/bridge';
import { IPC_CHANNEL_NAMES as CHANNELS } from '../../shared/ipc/channelNames';

const VERSION_ARGUMENT = '--credit-counter-version=';
const appVersion = process.argv.find((arg) => arg.startsWith(VERSION_ARGUMENT))?.slice(VERSION_ARGUMENT.length) ?? '0.0.0';

const creditCounterHost = Object.freeze({
  kind: 'electron',
  appVersion,
  getConfig: () => ipcRenderer.invoke(CHANNELS.getConfig),
  enrolTerminal: (platformUrl: string, request: HostEnrolRequest) => ipcRenderer.invoke(CHANNELS.enrolTerminal, platformUrl, request),
  createSession: (request: HostSessionRequest) => ipcRenderer.invoke(CHANNELS.createSession, request),
  clearTerminalSecret: () => ipcRenderer.invoke(CHANNELS.clearTerminalSecret),
  printSlip: (target: 'pdf' | 'printer') => ipcRenderer.invoke(CHANNELS.printSlip, target),
  enrolledTerminal: () => ipcRenderer.invoke(CHANNELS.enrolledTerminal),
  saveJournalExport: (contents: string) => ipcRenderer.invoke(CHANNELS.saveJournalExport, contents),
  createSlipKey: () => ipcRenderer.invoke(CHANNELS.createSlipKey),
  adoptSlipKey: (publicKey: string) => ipcRenderer.invoke(CHANNELS.adoptSlipKey, publicKey),
  signSlipStatement: (statementBytes: string) => ipcRenderer.invoke(CHANNELS.signSlipStatement, statementBytes),
  log: (level: 'info' | 'warn' | 'error', message: string) => {
    ipcRenderer.send(CHANNELS.log, level, message);
  },
}) satisfies ElectronHostBridge;

contextBridge.exposeInMainWorld('creditCounterHost', creditCounterHost);
