import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Flags Debian's Chromium needs as root on our machines; none of them downloads anything. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const INSTALL_HINT =
  '找不到 Chromium 浏览器 / No Chromium found. Install one (Debian: `apt-get update && apt-get install -y chromium`) ' +
  'or set CHROMIUM_PATH to its executable. Tests never download a browser.';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** CHROMIUM_PATH, /usr/bin/chromium, `chromium` on PATH, `google-chrome` on PATH — in that order. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw new Error(`CHROMIUM_PATH=${explicit} is not an executable file. ${INSTALL_HINT}`);
  }
  const found = [isExecutable('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined, onPath('chromium'), onPath('google-chrome')].find(
    (candidate): candidate is string => candidate !== undefined,
  );
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}
