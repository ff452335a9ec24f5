/**
 * Playwright's global setup: the e2e and integration projects serve built pages (dist/web,
 * dist/harness). `npm test` builds them first; a bare `npx playwright test` builds whatever is
 * missing or older than its sources, so no test meets an empty server.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BROWSER_TEST_BUILDS, isStale } from './builds';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export default function globalSetup(): void {
  for (const build of BROWSER_TEST_BUILDS.filter((b) => isStale(ROOT, b))) {
    console.log(`[playwright] ${build.name} 缺失或已过期，正在构建 / missing or stale, building: npm run ${build.script}`);
    const run = spawnSync('npm', ['run', '--silent', build.script], { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) {
      throw new Error(`${build.name} 构建失败，请先运行 / build failed, run first: npm run ${build.script}`);
    }
  }
}
