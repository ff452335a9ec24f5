/** A HostBridge for unit tests: configuration and secret in memory. */
import { CONFIG_DEFAULTS, type ConfigKey, type ConfigSource, type ConfigValues } from '../../shared/config/schema';
import type { BrowserHostBridge } from '../../shared/ipc/bridge';

export function memoryHost(
  values: Partial<ConfigValues> = {},
): BrowserHostBridge & { secret: string | null; secretTerminalId: string | null; logs: string[]; exports: string[] } {
  const sources = Object.fromEntries(Object.keys(CONFIG_DEFAULTS).map((k) => [k, 'default'])) as Record<ConfigKey, ConfigSource>;
  const host = {
    kind: 'browser' as const,
    appVersion: '0.1.0',
    secret: null as string | null,
    secretTerminalId: null as string | null,
    logs: [] as string[],
    getConfig: async () => ({ values: { ...CONFIG_DEFAULTS, ...values }, sources, problems: [] }),
    readTerminalSecret: async () =>
      host.secret ? { kind: 'present' as const, secret: host.secret, terminalId: host.secretTerminalId } : { kind: 'absent' as const },
    writeTerminalSecret: async (secret: string, terminalId: string) => {
      host.secret = secret;
      host.secretTerminalId = terminalId;
      return { ok: true as const };
    },
    clearTerminalSecret: async () => {
      host.secret = null;
    },
    printSlip: async () => ({ ok: true as const }),
    exports: [] as string[],
    saveJournalExport: async (contents: string) => {
      host.exports.push(contents);
      return { ok: true as const, fileName: 'export.json' };
    },
    log: (level: string, message: string) => {
      host.logs.push(`${level}: ${message}`);
    },
  };
  return host;
}
