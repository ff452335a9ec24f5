/**
 * Chromium and Node switches that would open a back door into a packaged app: remote debugging and the
 * inspector (the terminal secret and the unsent journal are one console call away), V8 flags, switches
 * that start another program as (or around) a child process — the network service carries the secret —
 * or write the traffic and TLS keys to a file, and switches that turn off TLS checks, the sandbox, web
 * security or the managed proxy. A packaged app
 * refuses to start with any of them. (The --inspect family is also closed by a fuse; this catches the rest.)
 */
export const REFUSED_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'js-flags',
  'browser-subprocess-path',
  'renderer-cmd-prefix',
  'gpu-launcher',
  'utility-cmd-prefix',
  'log-net-log',
  'net-log-capture-mode',
  'ssl-key-log-file',
  'auto-open-devtools-for-tabs',
  'ignore-certificate-errors',
  'ignore-certificate-errors-spki-list',
  'ignore-urlfetcher-cert-requests',
  'allow-insecure-localhost',
  'unsafely-treat-insecure-origin-as-secure',
  'disable-web-security',
  'no-sandbox',
  'disable-gpu-sandbox',
  'disable-site-isolation-trials',
  'proxy-server',
  'proxy-pac-url',
  'no-proxy-server',
  'proxy-bypass-list',
  'host-resolver-rules',
  'host-rules',
  'load-extension',
  'user-data-dir',
] as const;

/**
 * The refused switches present at start, in the order they appear. Chromium accepts "--name", "-name"
 * and, on Windows, "/name" (case-insensitive); arguments after "--" are not switches. `chromiumHasSwitch`
 * is Chromium's own parse (app.commandLine.hasSwitch), asked as well.
 */
export function refusedStartupSwitches(
  argv: readonly string[],
  chromiumHasSwitch: (name: string) => boolean,
  platform: 'win32' | 'linux',
): string[] {
  const found: string[] = [];
  const prefix = platform === 'win32' ? /^(?:--|-|\/)([A-Za-z0-9][A-Za-z0-9-]*)(?:=|$)/s : /^(?:--|-)([A-Za-z0-9][A-Za-z0-9-]*)(?:=|$)/s;
  for (const arg of argv.slice(1)) {
    if (arg === '--') break;
    const name = prefix.exec(arg)?.[1]?.toLowerCase();
    if (name && (REFUSED_SWITCHES as readonly string[]).includes(name) && !found.includes(name)) found.push(name);
  }
  for (const name of REFUSED_SWITCHES) {
    if (!found.includes(name) && chromiumHasSwitch(name)) found.push(name);
  }
  return found;
}

/**
 * Whether this is the installed app, which the packaged-only protections (refused switches, no developer
 * tools, no security settings from the command line, updates) apply to. Electron's app.isPackaged only
 * checks that the executable is not named electron(.exe), so a copy of the program folder with the
 * executable renamed would pass for a development run; the installed build always runs from app.asar (the
 * OnlyLoadAppFromAsar fuse), development runs and the e2e tests from the project folder.
 */
export function runsPackaged(app: { isPackaged: boolean; appPath: string }): boolean {
  return app.isPackaged || /\.asar$/i.test(app.appPath);
}

/** Developer tools: always in development runs; in a packaged build only when a managed support key allows them. */
export function devToolsEnabled(options: { packaged: boolean; allowDevTools: boolean }): boolean {
  return !options.packaged || options.allowDevTools;
}
