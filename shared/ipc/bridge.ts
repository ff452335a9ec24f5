import type { EffectiveConfig } from '../config/schema';
import type { EnrolTerminalRequest } from '../contract';
import type { HostSessionRequest, PrintResult, TerminalCallAnswer } from './channels';

export type { HostSessionRequest, TerminalCallAnswer } from './channels';

interface HostBridgeBase {
  readonly appVersion: string;
  getConfig(): Promise<EffectiveConfig>;
  clearTerminalSecret(): Promise<void>;
  /** Prints the current page's check slip: Electron to PDF (returns the path) or printer; the browser uses print CSS. */
  printSlip(target: 'pdf' | 'printer'): Promise<PrintResult>;
  /** Application log line; the host strips identifiers before writing. */
  log(level: 'info' | 'warn' | 'error', message: string): void;
}

/**
 * The Electron host keeps the terminal secret in the main process (OS store via safeStorage) and makes
 * the two platform calls that need it there; the page gets the terminal id and the session, never the secret.
 */
export interface ElectronHostBridge extends HostBridgeBase {
  readonly kind: 'electron';
  /** POST /terminals to `platformUrl`; the host stores the secret from the answer. */
  enrolTerminal(platformUrl: string, request: EnrolTerminalRequest): Promise<TerminalCallAnswer>;
  /** POST /sessions for the enrolled terminal, with the secret the host keeps. */
  createSession(request: HostSessionRequest): Promise<TerminalCallAnswer>;
}

/** A browser has no store the page cannot read: the secret is kept in the journal and the page makes the calls. */
export interface BrowserHostBridge extends HostBridgeBase {
  readonly kind: 'browser';
  readTerminalSecret(): Promise<SecretReadResult>;
  writeTerminalSecret(secret: string): Promise<{ ok: true } | { ok: false; message: string }>;
}

/**
 * The one interface through which the renderer reaches its host. The Electron preload and the
 * browser implementation (renderer/src/host) are its two forms, so the UI never knows which host it runs in.
 */
export type HostBridge = ElectronHostBridge | BrowserHostBridge;

export type SecretReadResult =
  | { kind: 'present'; secret: string }
  | { kind: 'absent' }
  /** The OS store refused to decrypt (new user profile, reinstalled OS): the terminal must be enrolled again. */
  | { kind: 'undecryptable'; message: string };
