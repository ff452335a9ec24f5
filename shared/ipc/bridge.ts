import type { EffectiveConfig } from '../config/schema';
import type {
  HostEnrolRequest,
  HostSessionRequest,
  HostStoredTerminal,
  PrintResult,
  SavedFileResult,
  SlipKeyAnswer,
  SlipSignAnswer,
  TerminalCallAnswer,
} from './channels';

export type {
  HostEnrolRequest,
  HostSessionRequest,
  HostStoredTerminal,
  SavedFileResult,
  SlipKeyAnswer,
  SlipSignAnswer,
  TerminalCallAnswer,
} from './channels';

interface HostBridgeBase {
  readonly appVersion: string;
  getConfig(): Promise<EffectiveConfig>;
  clearTerminalSecret(): Promise<void>;
  /** Prints the current page's check slip: Electron to PDF (returns the path) or printer; the browser uses print CSS. */
  printSlip(target: 'pdf' | 'printer'): Promise<PrintResult>;
  /**
   * IT's journal export (one JSON file for the platform's import): Electron saves it under
   * Documents\终端记录导出 and returns the path; the browser offers it as a download.
   */
  saveJournalExport(contents: string): Promise<SavedFileResult>;
  /** Application log line; the host strips identifiers before writing. */
  log(level: 'info' | 'warn' | 'error', message: string): void;
}

/**
 * The Electron host keeps the terminal secret in the main process (OS store via safeStorage) and makes
 * the two platform calls that need it there; the page gets the terminal id and the session, never the secret.
 */
export interface ElectronHostBridge extends HostBridgeBase {
  readonly kind: 'electron';
  /**
   * POST /terminals to `platformUrl`; the host stores the secret from the answer. Naming a predecessor,
   * the host adds that terminal's secret as the hand-over's proof when it was issued by the same platform.
   */
  enrolTerminal(platformUrl: string, request: HostEnrolRequest): Promise<TerminalCallAnswer>;
  /** POST /sessions for the enrolled terminal, with the secret the host keeps. */
  createSession(request: HostSessionRequest): Promise<TerminalCallAnswer>;
  /** Which terminal (and platform) the kept secret was issued for; never the secret itself. */
  enrolledTerminal(): Promise<HostStoredTerminal>;
  /** A new slip key pair for an enrolment, made and kept (encrypted by the OS store) in the main process. */
  createSlipKey(): Promise<SlipKeyAnswer>;
  /** The enrolment that certified `publicKey` is recorded: the main process signs with that key from now on. */
  adoptSlipKey(publicKey: string): Promise<SlipKeyAnswer>;
  /** Signs a check statement's signing bytes (base64) with the key in use; nothing else is signed. */
  signSlipStatement(statementBytes: string): Promise<SlipSignAnswer>;
}

/** A browser has no store the page cannot read: the secret is kept in the journal and the page makes the calls. */
export interface BrowserHostBridge extends HostBridgeBase {
  readonly kind: 'browser';
  readTerminalSecret(): Promise<SecretReadResult>;
  /**
   * Keeps the secret together with the terminal id it belongs to: if the app stops between storing
   * a new secret and recording the new identity, the next start knows whose secret it holds.
   */
  writeTerminalSecret(secret: string, terminalId: string): Promise<{ ok: true } | { ok: false; message: string }>;
}

/**
 * The one interface through which the renderer reaches its host. The Electron preload and the
 * browser implementation (renderer/src/host) are its two forms, so the UI never knows which host it runs in.
 */
export type HostBridge = ElectronHostBridge | BrowserHostBridge;

export type SecretReadResult =
  /** terminalId null: stored by a release that did not record it (it belongs to the enrolled identity). */
  | { kind: 'present'; secret: string; terminalId: string | null }
  | { kind: 'absent' }
  /** The OS store refused to decrypt (new user profile, reinstalled OS): the terminal must be enrolled again. */
  | { kind: 'undecryptable'; message: string };
