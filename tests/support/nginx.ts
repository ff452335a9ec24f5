/**
 * Runs Debian's nginx in the foreground with its own prefix and configuration, in front of a
 * platform: the sample caching configuration from build/nginx, with its three site-specific
 * values (cache path, upstream, listen port) replaced.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NGINX_BINARY = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? null;
const SAMPLE = fileURLToPath(new URL('../../build/nginx/credit-counter-cache.conf', import.meta.url));

export interface RunningNginx {
  url: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr()}`);
    try {
      await fetch(`${url}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`nginx did not start: ${stderr()}`);
}

export interface NginxOptions {
  /** Connections per worker (the load harness opens thousands; a test, a few). */
  workerConnections?: number;
  /** Run it on these CPUs (`taskset -c`), e.g. off the core a measured platform is pinned to. */
  cpus?: string;
}

export async function startNginx(platformUrl: string, options: NginxOptions = {}): Promise<RunningNginx> {
  if (!NGINX_BINARY) throw new Error('nginx is not installed');
  const prefix = mkdtempSync(join(tmpdir(), 'cc-nginx-'));
  const cache = join(prefix, 'cache');
  for (const dir of [cache, join(prefix, 'logs'), join(prefix, 'temp')]) mkdirSync(dir, { recursive: true });
  // Worker processes of a root master run as nobody: they must be able to write the cache.
  for (const dir of [prefix, cache, join(prefix, 'temp')]) chmodSync(dir, 0o777);
  const port = await freePort();
  const upstream = new URL(platformUrl).host;
  const site = readFileSync(SAMPLE, 'utf8')
    .replace('/var/cache/nginx/credit-counter', cache)
    .replace('server 127.0.0.1:8787;', `server ${upstream};`)
    .replace('listen 8080;', `listen 127.0.0.1:${port};`);
  writeFileSync(join(prefix, 'site.conf'), site);
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `worker_processes 1;
worker_rlimit_nofile ${2 * (options.workerConnections ?? 256) + 64};
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'logs', 'error.log')} warn;
events { worker_connections ${options.workerConnections ?? 256}; }
http {
  access_log off;
  client_body_temp_path ${join(prefix, 'temp', 'body')};
  proxy_temp_path ${join(prefix, 'temp', 'proxy')};
  fastcgi_temp_path ${join(prefix, 'temp', 'fastcgi')};
  uwsgi_temp_path ${join(prefix, 'temp', 'uwsgi')};
  scgi_temp_path ${join(prefix, 'temp', 'scgi')};
  include ${join(prefix, 'site.conf')};
}
`,
  );
  const args = ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'];
  const child = options.cpus
    ? spawn('taskset', ['-c', options.cpus, NGINX_BINARY, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(NGINX_BINARY, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForPort(url, child, () => stderr);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(prefix, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
