import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './lib/appOrigin';

export const APP_VERSION_ARGUMENT = '--credit-counter-version=';

export interface MainWindowOptions {
  preloadPath: string;
  kiosk: boolean;
  appVersion: string;
  /** Off in packaged builds unless IT's support key allows them (lib/startupSwitches.ts). */
  devTools: boolean;
}

/** The one application window, with Electron's security checklist spelled out rather than left to defaults. */
export function createMainWindow({ preloadPath, kiosk, appVersion, devTools }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    kiosk,
    title: '信用核查窗口端',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      devTools,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click (auxclick) would otherwise try to open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      // The sandboxed preload cannot ask `app` for the version and must not use synchronous IPC.
      additionalArguments: [`${APP_VERSION_ARGUMENT}${appVersion}`],
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
