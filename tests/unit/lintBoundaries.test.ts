/**
 * The floors hold: ESLint (the project's own config) refuses an import that climbs a floor or leaves
 * the renderer for Node or the server, and lets an ordinary import through. Probes are linted as text
 * under a path inside the lint scope; nothing is written to disk.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** Error messages ESLint gives a probe placed at `path` (relative to the repository). */
async function errorsFor(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint boundaries', () => {
  it("renderer/src/services may not import the server's platform/", async () => {
    const errors = await errorsFor(
      'renderer/src/services/probe.ts',
      "import { startPlatform } from '../../../platform/server';\nexport const start = startPlatform;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('platform');
  });

  it('renderer/src/data and renderer/src/sync may not import the server either', async () => {
    for (const path of ['renderer/src/data/probe.ts', 'renderer/src/sync/snapshot/probe.ts']) {
      const climb = path.split('/').length - 1;
      const server = `${'../'.repeat(climb)}platform/db/database`;
      const errors = await errorsFor(path, `import { openDatabase } from '${server}';\nexport const open = openDatabase;\n`);
      expect(errors, path).toHaveLength(1);
    }
  });

  it('renderer/src/services may not import Node built-ins, with or without the node: prefix', async () => {
    for (const name of ['node:fs', 'fs', 'path', 'child_process']) {
      const errors = await errorsFor('renderer/src/services/probe.ts', `import * as m from '${name}';\nexport const used = m;\n`);
      expect(errors, name).toHaveLength(1);
    }
  });

  it("the server's platform/ may not import the renderer or the Electron shell", async () => {
    const renderer = await errorsFor(
      'platform/routes/probe.ts',
      "import { openCacheDb } from '../../renderer/src/data/cacheDb';\nexport const o = openCacheDb;\n",
    );
    expect(renderer).toHaveLength(1);
    const electron = await errorsFor(
      'platform/routes/probe.ts',
      "import { redact } from '../../electron/main/lib/redact';\nexport const r = redact;\n",
    );
    expect(electron).toHaveLength(1);
  });

  it("the renderer's own API client, shared/ and the store seam lint clean from services", async () => {
    const errors = await errorsFor(
      'renderer/src/services/probe.ts',
      [
        "import type { PlatformClient } from '../platform/platformClient';",
        "import { parseId } from '../../../shared/ids';",
        "import { createStore } from '../state';",
        'export type Client = PlatformClient;',
        'export const parse = parseId;',
        'export const store = createStore;',
        '',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });

  it("a screen reaching the renderer's own platform client is not mistaken for the server", async () => {
    const errors = await errorsFor(
      'renderer/src/features/lookup/probe.ts',
      "import type { PlatformClient } from '../../platform/platformClient';\nexport type Client = PlatformClient;\n",
    );
    expect(errors).toEqual([]);
  });
});
