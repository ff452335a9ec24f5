/**
 * Test double for the `electron` module (vitest aliases `electron` to this file, because the real
 * package tries to download a binary). It models only what the shell uses, with the same names and
 * call shapes as electron.d.ts, plus `simulate…` helpers for tests to drive events and inspect state.
 * State is per test file (vitest isolates modules per file); `resetElectronDouble()` resets within one.
 */

type Listener = (...args: never[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped = ((...args: never[]) => {
      this.removeListener(event, wrapped);
      return listener(...args);
    }) as Listener;
    return this.on(event, wrapped);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((candidate) => candidate !== listener),
    );
    return this;
  }

  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.listeners.get(event) ?? [];
    for (const listener of listeners) (listener as (...a: unknown[]) => unknown)(...args);
    return listeners.length > 0;
  }

  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }

  listenerCount(event: string): number {
    return (this.listeners.get(event) ?? []).length;
  }
}

/** An Electron-style event whose default action can be prevented. */
export interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function preventableEvent<Extra extends object>(extra?: Extra): PreventableEvent & Extra {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...(extra ?? ({} as Extra)),
  };
  return event;
}

// ---------------------------------------------------------------------------------------------- web contents

export interface WindowOpenDetails {
  url: string;
  frameName: string;
  features: string;
  disposition: string;
}
type WindowOpenResponse = { action: 'deny' } | { action: 'allow' };

export class WebContents extends Emitter {
  private static nextId = 1;
  readonly id = WebContents.nextId++;
  url = '';
  windowOpenHandler: ((details: WindowOpenDetails) => WindowOpenResponse) | undefined;
  /** What printToPDF resolves with, or an Error to reject with. */
  pdfResult: Uint8Array | Error = new TextEncoder().encode('%PDF-1.7 double');
  /** What print() reports to its callback. */
  printResult: { success: boolean; failureReason: string } = { success: true, failureReason: '' };
  readonly printCalls: unknown[] = [];

  getURL(): string {
    return this.url;
  }

  loadURL(url: string): Promise<void> {
    this.url = url;
    return Promise.resolve();
  }

  setWindowOpenHandler(handler: (details: WindowOpenDetails) => WindowOpenResponse): void {
    this.windowOpenHandler = handler;
  }

  printToPDF(options: unknown): Promise<Buffer> {
    this.printCalls.push({ pdf: options });
    return this.pdfResult instanceof Error ? Promise.reject(this.pdfResult) : Promise.resolve(Buffer.from(this.pdfResult));
  }

  print(options: unknown, callback?: (success: boolean, failureReason: string) => void): void {
    this.printCalls.push({ print: options });
    callback?.(this.printResult.success, this.printResult.failureReason);
  }

  /** Emits will-navigate as Chromium would; returns whether the navigation was prevented. */
  simulateNavigation(url: string): boolean {
    const event = preventableEvent({ url, isMainFrame: true });
    this.emit('will-navigate', event, url);
    return event.defaultPrevented;
  }

  simulateFrameNavigation(url: string): boolean {
    const event = preventableEvent({ url, isMainFrame: false });
    this.emit('will-frame-navigate', event);
    return event.defaultPrevented;
  }

  simulateRedirect(url: string): boolean {
    const event = preventableEvent({ url });
    this.emit('will-redirect', event, url);
    return event.defaultPrevented;
  }

  simulateWindowOpen(url: string): WindowOpenResponse | undefined {
    return this.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window' });
  }

  simulateAttachWebview(): boolean {
    const event = preventableEvent();
    this.emit('will-attach-webview', event, {}, {});
    return event.defaultPrevented;
  }
}

// ---------------------------------------------------------------------------------------------- app

class App extends Emitter {
  readonly paths = new Map<string, string>([
    ['home', '/home/clerk'],
    ['appData', '/home/clerk/.config'],
    ['userData', '/home/clerk/.config/Electron'],
    ['documents', '/home/clerk/Documents'],
    ['temp', '/tmp'],
  ]);
  version = '0.1.0';
  isPackaged = false;
  /** Whether requestSingleInstanceLock succeeds (false = another instance runs). */
  singleInstanceLockAvailable = true;
  sandboxEnabled = false;
  /** Chromium's parse of the command line: switch name → value ('' for a bare switch). */
  readonly commandLine = {
    switches: new Map<string, string>(),
    hasSwitch: (name: string): boolean => this.commandLine.switches.has(name),
    getSwitchValue: (name: string): string => this.commandLine.switches.get(name) ?? '',
    appendSwitch: (name: string, value = ''): void => {
      this.commandLine.switches.set(name, value);
    },
  };
  quitCalls = 0;
  exitCodes: number[] = [];

  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  getVersion(): string {
    return this.version;
  }

  getName(): string {
    return 'credit-counter';
  }

  /** A development run's app path (the project); a packaged app's is resources/app.asar. */
  appPath = '/work/credit-counter';

  getAppPath(): string {
    return this.appPath;
  }

  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLockAvailable;
  }

  enableSandbox(): void {
    this.sandboxEnabled = true;
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  quit(): void {
    this.quitCalls++;
  }

  exit(code = 0): void {
    this.exitCodes.push(code);
  }
}

export const app = new App();

// ---------------------------------------------------------------------------------------------- BrowserWindow

export interface BrowserWindowConstructorOptions {
  webPreferences?: Record<string, unknown>;
  [option: string]: unknown;
}

export class BrowserWindow extends Emitter {
  static readonly all: BrowserWindow[] = [];
  readonly webContents = new WebContents();
  visible = false;
  minimized = false;
  focused = false;

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    BrowserWindow.all.push(this);
    // Chromium creates the web contents as part of the window.
    app.emit('web-contents-created', preventableEvent(), this.webContents);
  }

  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.all];
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focused = true;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }
}

// ---------------------------------------------------------------------------------------------- protocol

export interface CustomScheme {
  scheme: string;
  privileges?: Record<string, boolean>;
}
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

class Protocol {
  readonly privilegedSchemes: CustomScheme[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();

  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    this.privilegedSchemes.push(...schemes);
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    this.handlers.set(scheme, handler);
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  /** Sends a request through the registered handler, as Chromium would for a page load or fetch. */
  async simulateRequest(url: string, init?: RequestInit): Promise<Response> {
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`No handler for scheme ${scheme}`);
    return handler(new Request(url, init));
  }
}

export const protocol = new Protocol();

// ---------------------------------------------------------------------------------------------- session

type PermissionRequestHandler = (contents: WebContents, permission: string, callback: (granted: boolean) => void, details: object) => void;
type PermissionCheckHandler = (contents: WebContents | null, permission: string, requestingOrigin: string, details: object) => boolean;

export class Session extends Emitter {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: object) => boolean) | null = null;
  proxy: Record<string, unknown> | undefined;
  readonly protocol = protocol;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: ((details: object) => boolean) | null): void {
    this.devicePermissionHandler = handler;
  }

  setProxy(config: Record<string, unknown>): Promise<void> {
    this.proxy = config;
    return Promise.resolve();
  }

  /** What session.fetch answers; by default the real network (tests point it at a local server or replace it). */
  fetchImpl: (input: string, init?: RequestInit) => Promise<Response> = (input, init) => globalThis.fetch(input, init);
  readonly fetched: string[] = [];

  fetch(input: string, init?: RequestInit): Promise<Response> {
    this.fetched.push(input);
    return this.fetchImpl(input, init);
  }

  /** Without a handler Electron grants permissions: the double does the same, so a missing handler fails tests. */
  simulatePermissionRequest(permission: string, url = 'app://credit-counter/'): Promise<boolean> {
    const contents = new WebContents();
    contents.url = url;
    if (!this.permissionRequestHandler) return Promise.resolve(true);
    const handler = this.permissionRequestHandler;
    return new Promise((resolve) => handler(contents, permission, resolve, { requestingUrl: url }));
  }

  simulatePermissionCheck(permission: string, origin = 'app://credit-counter'): boolean {
    return this.permissionCheckHandler ? this.permissionCheckHandler(null, permission, origin, {}) : true;
  }

  simulateDownload(): boolean {
    const event = preventableEvent();
    this.emit('will-download', event, {}, null);
    return event.defaultPrevented;
  }
}

const partitions = new Map<string, Session>();

export const session = {
  defaultSession: new Session(),
  /** One session per partition name, as Electron keeps them. */
  fromPartition(partition: string, _options?: { cache?: boolean }): Session {
    let found = partitions.get(partition);
    if (!found) {
      found = new Session();
      partitions.set(partition, found);
    }
    return found;
  },
};

// ---------------------------------------------------------------------------------------------- IPC

export interface IpcEventDouble {
  senderFrame: { url: string } | null;
  sender: WebContents;
  returnValue?: unknown;
}

/** An IPC event as it arrives from a frame at `frameUrl` (null = the frame is gone). */
export function ipcEventFrom(frameUrl: string | null): IpcEventDouble {
  const sender = new WebContents();
  sender.url = frameUrl ?? '';
  return { senderFrame: frameUrl === null ? null : { url: frameUrl }, sender };
}

type IpcHandler = (event: IpcEventDouble, ...args: unknown[]) => unknown;

class IpcMain extends Emitter {
  readonly handlers = new Map<string, IpcHandler>();

  handle(channel: string, handler: IpcHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What ipcRenderer.invoke would resolve or reject with. */
  async simulateInvoke(channel: string, event: IpcEventDouble, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }

  simulateSend(channel: string, event: IpcEventDouble, ...args: unknown[]): void {
    this.emit(channel, event, ...args);
  }
}

export const ipcMain = new IpcMain();

class IpcRenderer extends Emitter {
  readonly invocations: { channel: string; args: unknown[] }[] = [];
  readonly sent: { channel: string; args: unknown[] }[] = [];
  /** Answers for invoke, by channel. */
  readonly answers = new Map<string, unknown>();

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve(this.answers.get(channel));
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
}

export const ipcRenderer = new IpcRenderer();

class ContextBridge {
  readonly exposed = new Map<string, unknown>();

  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (this.exposed.has(apiKey)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${apiKey}`);
    this.exposed.set(apiKey, api);
  }
}

export const contextBridge = new ContextBridge();

// ---------------------------------------------------------------------------------------------- safeStorage

export type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/**
 * Reversible "encryption" tagged with the current key id, so a test can model a new OS profile
 * (key changed → decrypt fails) or a key rotation (shouldReEncrypt).
 */
class SafeStorage {
  backend: StorageBackend = 'gnome_libsecret';
  available = true;
  keyId = 'key-1';
  rotateOnDecrypt = false;

  isAsyncEncryptionAvailable(): Promise<boolean> {
    return Promise.resolve(this.available);
  }

  getSelectedStorageBackend(): StorageBackend {
    return this.backend;
  }

  encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!this.available) return Promise.reject(new Error('Encryption is not available.'));
    return Promise.resolve(Buffer.from(`${this.keyId}:${Buffer.from(plainText, 'utf8').toString('base64')}`, 'utf8'));
  }

  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    const text = Buffer.from(encrypted).toString('utf8');
    const [keyId, payload] = text.split(':');
    if (keyId !== this.keyId || payload === undefined)
      return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
    return Promise.resolve({ result: Buffer.from(payload, 'base64').toString('utf8'), shouldReEncrypt: this.rotateOnDecrypt });
  }

  setUsePlainTextEncryption(_usePlainText: boolean): void {}
}

export const safeStorage = new SafeStorage();

// ---------------------------------------------------------------------------------------------- shell, dialog, Menu, net

class Shell {
  readonly opened: string[] = [];

  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }

  openPath(path: string): Promise<string> {
    this.opened.push(path);
    return Promise.resolve('');
  }

  showItemInFolder(path: string): void {
    this.opened.push(path);
  }
}

export const shell = new Shell();

class Dialog {
  readonly shown: unknown[] = [];

  showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    this.shown.push(args);
    return Promise.resolve({ response: 0, checkboxChecked: false });
  }

  showErrorBox(title: string, content: string): void {
    this.shown.push([title, content]);
  }
}

export const dialog = new Dialog();

export const Menu = {
  applicationMenu: undefined as unknown,
  setApplicationMenu(menu: unknown): void {
    Menu.applicationMenu = menu;
  },
};

export const net = {
  fetch(input: string | Request, init?: RequestInit): Promise<Response> {
    return globalThis.fetch(input, init);
  },
  isOnline(): boolean {
    return true;
  },
};

/** Resets the shared singletons' recorded state within one test file. */
export function resetElectronDouble(): void {
  protocol.privilegedSchemes.length = 0;
  protocol.handlers.clear();
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  app.removeAllListeners();
  ipcRenderer.invocations.length = 0;
  ipcRenderer.sent.length = 0;
  ipcRenderer.answers.clear();
  contextBridge.exposed.clear();
  shell.opened.length = 0;
  dialog.shown.length = 0;
  BrowserWindow.all.length = 0;
  Object.assign(safeStorage, { backend: 'gnome_libsecret', available: true, keyId: 'key-1', rotateOnDecrypt: false });
  session.defaultSession = new Session();
  partitions.clear();
}

export default {
  app,
  BrowserWindow,
  protocol,
  session,
  ipcMain,
  ipcRenderer,
  contextBridge,
  safeStorage,
  shell,
  dialog,
  Menu,
  net,
};
