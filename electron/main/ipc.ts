import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import type { EffectiveConfig } from '../../shared/config/schema';
import type { ElectronHostBridge } from '../../shared/ipc/bridge';
import { IpcChannels, type PrintResult, type SavedFileResult } from '../../shared/ipc/channels';
import { guardIpc } from './lib/ipcGuard';
import type { SlipKeyHolder } from './lib/slipKey';

/** What the IPC handlers delegate to; each is a module of its own. */
export interface HostServices {
  getConfig(): EffectiveConfig;
  /** The platform calls that need the terminal secret (lib/terminalCalls.ts). */
  terminal: Pick<ElectronHostBridge, 'enrolTerminal' | 'createSession' | 'enrolledTerminal'>;
  clearTerminalSecret(): Promise<void>;
  /** The slip key, kept and used in this process (lib/slipKey.ts). */
  slipKey: SlipKeyHolder;
  printSlip(contents: WebContents, target: 'pdf' | 'printer'): Promise<PrintResult>;
  saveJournalExport(contents: string): Promise<SavedFileResult>;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** Rejected calls are logged (without their arguments). */
  rejected(channel: string, reason: string): void;
}

/**
 * Registers one handler per typed channel. Every handler is wrapped by guardIpc: the sender frame
 * must be on app://credit-counter, the arguments must match the channel's input schema and the reply its
 * output schema.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'on'>, services: HostServices): void {
  const handle = (channel: string, guarded: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>) => {
    ipcMain.handle(channel, async (event, ...args) => {
      try {
        return await guarded(event, ...args);
      } catch (error) {
        services.rejected(channel, error instanceof Error ? error.message : String(error));
        throw error;
      }
    });
  };

  const {
    getConfig,
    enrolTerminal,
    createSession,
    enrolledTerminal,
    clearTerminalSecret,
    printSlip,
    saveJournalExport,
    createSlipKey,
    adoptSlipKey,
    signSlipStatement,
    log,
  } = IpcChannels;
  handle(
    getConfig.channel,
    guardIpc(getConfig.channel, getConfig, () => services.getConfig()),
  );
  handle(
    enrolTerminal.channel,
    guardIpc(enrolTerminal.channel, enrolTerminal, (_event, platformUrl, request) => services.terminal.enrolTerminal(platformUrl, request)),
  );
  handle(
    createSession.channel,
    guardIpc(createSession.channel, createSession, (_event, request) => services.terminal.createSession(request)),
  );
  handle(
    enrolledTerminal.channel,
    guardIpc(enrolledTerminal.channel, enrolledTerminal, () => services.terminal.enrolledTerminal()),
  );
  handle(
    clearTerminalSecret.channel,
    guardIpc(clearTerminalSecret.channel, clearTerminalSecret, () => services.clearTerminalSecret()),
  );
  handle(
    printSlip.channel,
    guardIpc(printSlip.channel, printSlip, (event: IpcMainInvokeEvent, target) => services.printSlip(event.sender, target)),
  );
  handle(
    saveJournalExport.channel,
    guardIpc(saveJournalExport.channel, saveJournalExport, (_event, contents) => services.saveJournalExport(contents)),
  );
  handle(
    createSlipKey.channel,
    guardIpc(createSlipKey.channel, createSlipKey, () => services.slipKey.create()),
  );
  handle(
    adoptSlipKey.channel,
    guardIpc(adoptSlipKey.channel, adoptSlipKey, (_event, publicKey) => services.slipKey.adopt(publicKey)),
  );
  handle(
    signSlipStatement.channel,
    guardIpc(signSlipStatement.channel, signSlipStatement, (_event, statementBytes) => services.slipKey.sign(statementBytes)),
  );

  // log is fire-and-forget (HostBridge.log returns void), so it is a send/on channel.
  const guardedLog = guardIpc(log.channel, log, (_event: IpcMainEvent, level, message) => services.log(level, message));
  ipcMain.on(log.channel, (event, ...args) => {
    guardedLog(event, ...args).catch((error: unknown) => {
      services.rejected(log.channel, error instanceof Error ? error.message : String(error));
    });
  });
}
