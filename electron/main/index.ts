/**
 * Composition root of the main process: wires the modules, holds no logic of its own.
 * Order matters in two places: the app:// scheme and userData must be set before `ready`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Menu, app, ipcMain, session, type BrowserWindow } from 'electron';
import type { EffectiveConfig } from '../../shared/config/schema';
import { registerAppScheme, serveApp } from './appProtocol';
import { registerIpc } from './ipc';
import { buildContentSecurityPolicy } from './lib/contentSecurityPolicy';
import { updateFeed } from './lib/updatePolicy';
import { setupLogging } from './logging';
import { loadMachineConfig } from './machineConfig';
import { createMainWindow } from './mainWindow';
import { printSlip } from './printing';
import { saveJournalExport } from './savedFiles';
import { createTerminalSecretVault } from './secretStore';
import { hardenSession, hardenWebContents } from './security';
import { startAutoUpdates } from './updates';

const platform = process.platform === 'win32' ? 'win32' : 'linux';

// A fixed ASCII folder: IndexedDB lives here, so it must not follow a (localised) product name.
const userData = join(app.getPath('appData'), 'CreditCounter');
app.setPath('userData', userData);
app.setPath('sessionData', userData);
registerAppScheme();
app.enableSandbox();
const logger = setupLogging({ userData, isPackaged: app.isPackaged });

let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the terminal (and its sync): it gets focused through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => {
    logger.error('启动失败', error);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const config: EffectiveConfig = await loadMachineConfig(platform, process.argv);
  for (const problem of config.problems) logger.warn(problem);
  logger.info(`信用核查窗口端 ${app.getVersion()} 启动；平台地址来源：${config.sources.platformUrl}`);

  Menu.setApplicationMenu(null);
  hardenSession(session.defaultSession, logger);
  await session.defaultSession.setProxy(config.values.proxy ? { proxyRules: config.values.proxy } : { mode: 'system' });

  serveApp({
    root: fileURLToPath(new URL('../renderer', import.meta.url)),
    platform,
    contentSecurityPolicy: buildContentSecurityPolicy(config.values.platformUrl),
  });

  const vault = createTerminalSecretVault({
    platform,
    userData: userData,
    allowPlaintext: config.values.allowPlaintextSecretStorage,
  });
  registerIpc(ipcMain, {
    getConfig: () => config,
    vault,
    printSlip: (contents, target) =>
      printSlip(contents, target, {
        platform,
        documentsDir: documentsDirectory(),
        userData: userData,
        now: () => new Date(),
      }),
    saveJournalExport: (contents) =>
      saveJournalExport(contents, { platform, documentsDir: documentsDirectory(), userData: userData, now: () => new Date() }),
    log: (level, message) => logger[level](`[renderer] ${message}`),
    rejected: (channel, reason) => logger.warn(`IPC 调用被拒绝（${channel}）：${reason}`),
  });

  mainWindow = createMainWindow({
    preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
    kiosk: config.values.kiosk,
    appVersion: app.getVersion(),
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });

  const feed = updateFeed(config.values, { isPackaged: app.isPackaged, platform, appImage: Boolean(process.env.APPIMAGE) });
  if (feed) startAutoUpdates(feed, logger);
}

function documentsDirectory(): string | undefined {
  try {
    return app.getPath('documents');
  } catch {
    return undefined;
  }
}
