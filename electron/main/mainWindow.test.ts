import { describe, expect, it } from 'vitest';
import { BrowserWindow } from '../../tests/doubles/electron';
import { createMainWindow } from './mainWindow';

describe('main window', () => {
  it('follows the Electron security checklist and loads app://credit-counter/', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', kiosk: true, appVersion: '0.1.0', devTools: false });
    const window = BrowserWindow.all[0]!;
    expect(window.options.kiosk).toBe(true);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
      additionalArguments: ['--credit-counter-version=0.1.0'],
    });
    expect(window.webContents.getURL()).toBe('app://credit-counter/');
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('opens the developer tools only when asked to (development runs, or support by policy)', () => {
    const window = createMainWindow({ preloadPath: '/p.cjs', kiosk: false, appVersion: '0.1.0', devTools: true });
    expect((window as unknown as BrowserWindow).options.webPreferences?.devTools).toBe(true);
  });
});
