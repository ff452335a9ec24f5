import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A build the browser tests serve, and the sources it is made from (paths relative to the repository). */
export interface BuildOutput {
  /** Read by people: what is missing. */
  readonly name: string;
  /** A file every build writes afresh; its time is the build's time. */
  readonly marker: string;
  readonly sources: readonly string[];
  /** The npm script that makes it. */
  readonly script: string;
}

export const BROWSER_TEST_BUILDS: readonly BuildOutput[] = [
  { name: 'Web 版本 / web build', marker: 'dist/web/index.html', sources: ['renderer', 'shared', 'vite.config.ts'], script: 'build:web' },
  {
    name: '集成测试页 / integration harness',
    marker: 'dist/harness/index.html',
    sources: ['tests/integration-browser/harness', 'renderer/src', 'shared'],
    script: 'build:harness',
  },
];

/** Unit tests are not part of any build: editing one must not force a rebuild. */
function isBuildSource(name: string): boolean {
  return !name.startsWith('.') && name !== 'node_modules' && !/\.test\.tsx?$/.test(name);
}

/** Newest modification time (ms) of a file or of any build source below a folder; 0 when absent. */
export function newestSourceTime(path: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (isBuildSource(entry)) newest = Math.max(newest, newestSourceTime(join(path, entry)));
  }
  return newest;
}

/** Missing, or older than one of its sources. */
export function isStale(root: string, build: BuildOutput): boolean {
  let builtAt: number;
  try {
    builtAt = statSync(join(root, build.marker)).mtimeMs;
  } catch {
    return true;
  }
  return build.sources.some((source) => newestSourceTime(join(root, source)) > builtAt);
}
