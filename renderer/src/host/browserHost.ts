/**
 * The HostBridge of the browser (PWA) build. The terminal secret lives in the journal database
 * (a browser has no OS-protected store); printing uses the page's print stylesheet.
 */
import type { EffectiveConfig } from '../../../shared/config/schema';
import type { BrowserHostBridge, SecretReadResult } from '../../../shared/ipc/bridge';
import { JournalDb } from '../data/journalDb';
import { DEFAULT_DB_NAMES } from '../data/dbNames';
import { formatFileStamp } from '../i18n/format';
import { fetchWebConfig } from './webConfig';

export interface BrowserHostOptions {
  appVersion: string;
  /** Defaults to ./config.json relative to the page. */
  configUrl?: string;
  journalDbName?: string;
  fetchImpl?: typeof fetch;
}

export function createBrowserHost(options: BrowserHostOptions): BrowserHostBridge {
  const journal = new JournalDb(options.journalDbName ?? DEFAULT_DB_NAMES.journal);
  let config: Promise<EffectiveConfig> | null = null;
  const configUrl = options.configUrl ?? new URL('./config.json', globalThis.location?.href ?? 'http://localhost/').href;

  return {
    kind: 'browser',
    appVersion: options.appVersion,

    getConfig() {
      config ??= fetchWebConfig(configUrl, options.fetchImpl);
      return config;
    },

    async readTerminalSecret(): Promise<SecretReadResult> {
      try {
        const row = await journal.meta.get('terminalSecret');
        return row && row.key === 'terminalSecret'
          ? { kind: 'present', secret: row.secret, terminalId: row.terminalId ?? null }
          : { kind: 'absent' };
      } catch (error) {
        return { kind: 'undecryptable', message: error instanceof Error ? error.message : String(error) };
      }
    },

    async writeTerminalSecret(secret, terminalId) {
      try {
        await journal.meta.put({ key: 'terminalSecret', secret, terminalId });
        return { ok: true };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },

    async clearTerminalSecret() {
      await journal.meta.delete('terminalSecret');
    },

    async saveJournalExport(contents) {
      try {
        const fileName = `终端记录导出-${formatFileStamp(new Date())}.json`;
        const url = URL.createObjectURL(new Blob([contents], { type: 'application/json' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = fileName;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        return { ok: true, fileName };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },

    async printSlip() {
      try {
        globalThis.print();
        return { ok: true };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },

    log(level, message) {
      // The browser has no log file: the console is the log. Identifiers are not passed in here.
      console[level](`[credit-counter] ${message}`);
    },
  };
}
