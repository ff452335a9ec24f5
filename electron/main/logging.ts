import { join } from 'node:path';
import log from 'electron-log/main';
import { redactValue } from './lib/redact';

export const LOG_MAX_BYTES = 5 * 1024 * 1024;

export type AppLogger = Pick<typeof log, 'info' | 'warn' | 'error'>;

/**
 * Application log in <userData>/logs/main.log, rotated at 5 MB (electron-log keeps main.old.log),
 * for IT to collect. A hook redacts identifiers and secrets from every message before any transport
 * sees it. The renderer's log calls arrive through IPC and pass the same hook.
 */
export function setupLogging(options: { userData: string; isPackaged: boolean }): AppLogger {
  log.transports.file.resolvePathFn = () => join(options.userData, 'logs', 'main.log');
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.level = 'info';
  log.transports.console.level = options.isPackaged ? false : 'info';
  log.hooks.push((message) => ({ ...message, data: message.data.map((item) => redactValue(item)) }));
  log.errorHandler.startCatching({ showDialog: false });
  return log;
}
