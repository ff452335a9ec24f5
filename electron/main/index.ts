/**
 * Composition root of the main process: wires the modules, holds no logic of its own.
 * Order matters: user data is located (and migrated) and the app:// scheme registered before `ready`,
 * and a packaged app refuses debugging switches before anything else runs.
 */
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Menu, app, dialog, ipcMain, net, session, type BrowserWindow } from 'electron';
import { MANAGED_SOURCES, type EffectiveConfig } from '../../shared/config/schema';
import { registerAppScheme, serveApp } from './appProtocol';
import { registerIpc } from './ipc';
import { buildContentSecurityPolicy } from './lib/contentSecurityPolicy';
import { devToolsEnabled, refusedStartupSwitches, runsPackaged } from './lib/startupSwitches';
import { purgeExpiredSlips, slipRetentionDirectories } from './lib/slipFiles';
import { createSlipKeyHolder } from './lib/slipKey';
import { createTerminalCalls } from './lib/terminalCalls';
import { installScope, isFolderWritable, proxyConfig, updateFeed } from './lib/updatePolicy';
import { UPDATE_SIGNING_PUBLIC_KEY } from './lib/updateSigningKey';
import { migrateUserData, userDataLocation } from './lib/userDataLocation';
import { setupLogging } from './logging';
import { loadMachineConfig } from './machineConfig';
import { createMainWindow } from './mainWindow';
import { printSlip } from './printing';
import { saveJournalExport } from './savedFiles';
import { SLIP_KEY_FILE_NAME, createTerminalSecretVault } from './secretStore';
import { hardenSession, hardenWebContents } from './security';
import { startAutoUpdates } from './updates';

const platform = process.platform === 'win32' ? 'win32' : 'linux';
// The installed app, even from a copy whose executable was renamed (app.isPackaged alone would say no).
const packaged = runsPackaged({ isPackaged: app.isPackaged, appPath: app.getAppPath() });

// Machine-local user data (Windows: %LOCALAPPDATA%), moved once from where earlier versions kept it.
const location = userDataLocation(platform, { appData: app.getPath('appData'), home: app.getPath('home') }, process.env);
const migration = migrateUserData(location.legacy, location.current);
const userData = migration.userData;
app.setPath('userData', userData);
app.setPath('sessionData', userData);
registerAppScheme();
app.enableSandbox();
const logger = setupLogging({ userData, isPackaged: packaged });
if (migration.message && (migration.kind === 'moved' || migration.kind === 'copied')) logger.info(migration.message);
else if (migration.message) logger.warn(migration.message);

let mainWindow: BrowserWindow | undefined;

const refusedSwitches = packaged ? refusedStartupSwitches(process.argv, (name) => app.commandLine.hasSwitch(name), platform) : [];

if (refusedSwitches.length > 0) {
  // Remote debugging or a switched-off protection would expose the terminal secret and the journal.
  const names = refusedSwitches.map((name) => `--${name}`).join('、');
  logger.error(`拒绝启动：命令行包含不允许的调试或安全开关 ${names}`);
  dialog.showErrorBox('信用核查窗口端无法启动', `启动参数中包含不允许的开关（${names}）。请去掉这些参数后重新启动，或联系 IT。`);
  app.exit(2);
} else if (!app.requestSingleInstanceLock()) {
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
  const config: EffectiveConfig = await loadMachineConfig(platform, process.argv, packaged);
  for (const problem of config.problems) logger.warn(problem);
  logger.info(`信用核查窗口端 ${app.getVersion()} 启动；平台地址来源：${config.sources.platformUrl}`);

  Menu.setApplicationMenu(null);
  hardenSession(session.defaultSession, logger);
  await session.defaultSession.setProxy(proxyConfig(config.values.proxy));

  serveApp({
    root: fileURLToPath(new URL('../renderer', import.meta.url)),
    platform,
    contentSecurityPolicy: buildContentSecurityPolicy(config.values.platformUrl),
  });

  const vault = createTerminalSecretVault({
    platform,
    userData,
    allowPlaintext: config.values.allowPlaintextSecretStorage,
  });
  registerIpc(ipcMain, {
    getConfig: () => config,
    // net.fetch: the default session's proxy and the system certificate store, like the page's own calls.
    terminal: createTerminalCalls({
      fetch: (url, init) => net.fetch(url, init),
      vault,
      appVersion: app.getVersion(),
      platformUrl: { value: config.values.platformUrl, managed: MANAGED_SOURCES.includes(config.sources.platformUrl) },
    }),
    clearTerminalSecret: () => vault.clear(),
    slipKey: createSlipKeyHolder(
      createTerminalSecretVault({
        platform,
        userData,
        allowPlaintext: config.values.allowPlaintextSecretStorage,
        fileName: SLIP_KEY_FILE_NAME,
      }),
      () => new Uint8Array(randomBytes(32)),
    ),
    printSlip: (contents, target) =>
      printSlip(contents, target, {
        platform,
        slipFolder: config.values.slipFolder,
        documentsDir: documentsDirectory(),
        userData,
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
    devTools: devToolsEnabled({ packaged, allowDevTools: config.values.allowDevTools }),
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });

  // Saved slips carry personal data: delete expired ones at start and once a day while the app runs.
  const purgeSlips = async () => {
    const folders = slipRetentionDirectories(platform, { configured: config.values.slipFolder, documents: documentsDirectory(), userData });
    const result = await purgeExpiredSlips(folders, { now: new Date(), retentionDays: config.values.slipRetentionDays });
    if (result.deleted > 0) logger.info(`已删除 ${result.deleted} 份超过 ${config.values.slipRetentionDays} 天的核查单 PDF`);
    for (const failure of result.failures) logger.warn(`无法删除过期的核查单 PDF：${failure}`);
  };
  void purgeSlips();
  setInterval(() => void purgeSlips(), 24 * 60 * 60 * 1000).unref();

  const updates = updateFeed(
    { autoUpdateUrl: config.values.autoUpdateUrl, source: config.sources.autoUpdateUrl },
    {
      isPackaged: packaged,
      platform,
      appImage: Boolean(process.env.APPIMAGE),
      // Probed only when updates are asked for: a write test in the program folder.
      installScope: installScope(packaged && config.values.autoUpdateUrl !== 'off' && isFolderWritable(programFolder())),
      signingKey: UPDATE_SIGNING_PUBLIC_KEY,
    },
  );
  if (updates.kind === 'feed' && UPDATE_SIGNING_PUBLIC_KEY) {
    startAutoUpdates(updates.feed, { logger, proxy: config.values.proxy, publicKey: UPDATE_SIGNING_PUBLIC_KEY });
  } else if (updates.kind === 'off') {
    logger.info(`自动更新未启用：${updates.reason}`);
  }
}

/** Where the program lives: the AppImage file's folder, or the executable's. */
function programFolder(): string {
  return platform === 'linux' && process.env.APPIMAGE ? dirname(process.env.APPIMAGE) : dirname(process.execPath);
}

function documentsDirectory(): string | undefined {
  try {
    return app.getPath('documents');
  } catch {
    return undefined;
  }
}
