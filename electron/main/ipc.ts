import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import type { EffectiveConfig } from '../../shared/config/schema';
import type { HostBridge } from '../../shared/ipc/bridge';
import { IpcChannels } from '../../shared/ipc/channels';
import { guardIpc } from './lib/ipcGuard';
import type { SecretVault } from './lib/secretVault';

type PrintResult = Awaited<ReturnType<HostBridge['printSlip']>>;

/** What the IPC handlers delegate to; each is a module of its own. */
export interface HostServices {
  getConfig(): EffectiveConfig;
  vault: SecretVault;
  printSlip(contents: WebContents, target: 'pdf' | 'printer'): Promise<PrintResult>;
  saveJournalExport(contents: string): ReturnType<HostBridge['saveJournalExport']>;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** Rejected calls are logged (without their arguments). */
  rejected(channel: string, reason: string): void;
}

/**
 * Registers one handler per typed channel. Every handler is wrapped by guardIpc: the sender frame
 * must be on app://credit-counter and the arguments must match the channel's zod schema.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'on'>, services: HostServices): void {
  const handle = (channel: string, guarded: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) => {
    ipcMain.handle(channel, (event, ...args) => {
      try {
        return guarded(event, ...args);
      } catch (error) {
        services.rejected(channel, error instanceof Error ? error.message : String(error));
        throw error;
      }
    });
  };

  const { getConfig, readTerminalSecret, writeTerminalSecret, clearTerminalSecret, printSlip, saveJournalExport, log } = IpcChannels;
  handle(
    getConfig.channel,
    guardIpc(getConfig.channel, getConfig.input, () => services.getConfig()),
  );
  handle(
    readTerminalSecret.channel,
    guardIpc(readTerminalSecret.channel, readTerminalSecret.input, () => services.vault.read()),
  );
  handle(
    writeTerminalSecret.channel,
    guardIpc(writeTerminalSecret.channel, writeTerminalSecret.input, (_event, secret, terminalId) =>
      services.vault.write(secret, terminalId),
    ),
  );
  handle(
    clearTerminalSecret.channel,
    guardIpc(clearTerminalSecret.channel, clearTerminalSecret.input, () => services.vault.clear()),
  );
  handle(
    printSlip.channel,
    guardIpc(printSlip.channel, printSlip.input, (event: IpcMainInvokeEvent, target) => services.printSlip(event.sender, target)),
  );
  handle(
    saveJournalExport.channel,
    guardIpc(saveJournalExport.channel, saveJournalExport.input, (_event, contents) => services.saveJournalExport(contents)),
  );

  // log is fire-and-forget (HostBridge.log returns void), so it is a send/on channel.
  const guardedLog = guardIpc(log.channel, log.input, (_event: IpcMainEvent, level, message) => services.log(level, message));
  ipcMain.on(log.channel, (event, ...args) => {
    try {
      guardedLog(event, ...args);
    } catch (error) {
      services.rejected(log.channel, error instanceof Error ? error.message : String(error));
    }
  });
}
