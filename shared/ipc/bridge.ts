import type { EffectiveConfig } from '../config/schema';

/**
 * The one interface through which the renderer reaches its host. The Electron preload and the
 * browser implementation (renderer/src/host) both satisfy it, so the UI never knows which host it runs in.
 */
export interface HostBridge {
  readonly kind: 'electron' | 'browser';
  readonly appVersion: string;
  getConfig(): Promise<EffectiveConfig>;
  /** The terminal secret, kept by the host (Electron: OS store via safeStorage). */
  readTerminalSecret(): Promise<SecretReadResult>;
  /**
   * Keeps the secret together with the terminal id it belongs to: if the app stops between storing
   * a new secret and recording the new identity, the next start knows whose secret it holds.
   */
  writeTerminalSecret(secret: string, terminalId: string): Promise<{ ok: true } | { ok: false; message: string }>;
  clearTerminalSecret(): Promise<void>;
  /** Prints the current page's check slip: Electron to PDF (returns the path) or printer; the browser uses print CSS. */
  printSlip(target: 'pdf' | 'printer'): Promise<{ ok: true; path?: string } | { ok: false; message: string }>;
  /**
   * IT's journal export (one JSON file for the platform's import): Electron saves it under
   * Documents\终端记录导出 and returns the path; the browser offers it as a download.
   */
  saveJournalExport(contents: string): Promise<{ ok: true; fileName: string; path?: string } | { ok: false; message: string }>;
  /** Application log line; the host strips identifiers before writing. */
  log(level: 'info' | 'warn' | 'error', message: string): void;
}

export type SecretReadResult =
  /** terminalId null: stored by a release that did not record it (it belongs to the enrolled identity). */
  | { kind: 'present'; secret: string; terminalId: string | null }
  | { kind: 'absent' }
  /** The OS store refused to decrypt (new user profile, reinstalled OS): the terminal must be enrolled again. */
  | { kind: 'undecryptable'; message: string };
