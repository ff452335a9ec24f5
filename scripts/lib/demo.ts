import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startPlatform } from '../../platform/server';
import { serveStatic } from './staticServer';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface DemoOptions {
  webPort: number;
  platformPort: number;
  subjects: number;
  db: string;
}

export function parseDemoArgs(argv: string[]): DemoOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '5173' },
      'platform-port': { type: 'string', default: '8787' },
      subjects: { type: 'string', default: '20000' },
      db: { type: 'string', default: join(tmpdir(), 'credit-counter-demo-platform.db') },
    },
    allowPositionals: false,
  });
  return {
    webPort: Number(values.port),
    platformPort: Number(values['platform-port']),
    subjects: Number(values.subjects),
    db: values.db,
  };
}

/**
 * Starts the demo platform (seeded on first start) and returns it; prints how to sign in. Only
 * `corsOrigins` may call it from a browser: the web build's origin, or the desktop app's.
 */
export async function startDemoPlatform(options: DemoOptions, corsOrigins: string[]) {
  const platform = await startPlatform({
    port: options.platformPort,
    db: options.db,
    subjects: options.subjects,
    logger: false,
    corsOrigins,
    demoMonth: true,
  });
  console.log(`演示平台 / demo platform: ${platform.url}`);
  console.log(`  允许的网页来源 / allowed origins (CORS): ${corsOrigins.join(', ')}`);
  console.log(`  终端注册码 / enrolment code: ${platform.enrolmentCode}`);
  for (const operator of platform.operators) {
    console.log(`  操作员 / operator: ${operator.id} / ${operator.password}（${operator.name}，${operator.roles.join(', ')}）`);
  }
  return platform;
}

/** The web build and the demo platform, the platform allowing only the web build's origin. */
export async function startWebDemo(options: DemoOptions) {
  const config = { platformUrl: '' };
  const web = await serveStatic({ root: join(REPO_ROOT, 'dist/web'), port: options.webPort, json: { '/config.json': config } });
  // The same server answers as localhost too; a browser sends whichever name was typed as the origin.
  const platform = await startDemoPlatform(options, [web.url, web.url.replace('//127.0.0.1:', '//localhost:')]);
  config.platformUrl = platform.url;
  console.log(`网页版 / web app: ${web.url}`);
  return { web, platform };
}

export function closeOnSignal(...closers: Array<{ close(): Promise<void> }>): void {
  const stop = () => {
    void Promise.allSettled(closers.map((closer) => closer.close())).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
