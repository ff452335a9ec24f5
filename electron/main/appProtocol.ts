import { readFile, stat } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME } from './lib/appOrigin';
import { answerAppRequest } from './lib/appProtocolPolicy';

/**
 * app:// is a standard, secure scheme so the renderer gets a real origin (IndexedDB, Web Locks,
 * fetch) without file://'s extra privileges. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export interface ServeAppOptions {
  root: string;
  platform: 'win32' | 'linux';
  contentSecurityPolicy: string;
}

/** Serves the packaged renderer through the pure policy in lib/appProtocolPolicy. */
export function serveApp(options: ServeAppOptions): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await answerAppRequest(request, { ...options, readFile: readRegularFile });
    const body = typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}

/** Contents of a regular file, or null when it does not exist (directories count as absent). */
async function readRegularFile(path: string): Promise<Uint8Array | null> {
  try {
    if (!(await stat(path)).isFile()) return null;
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}
