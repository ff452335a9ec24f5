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
        "import type { PlatformClient } from '../api/platformClient';",
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

  it('renderer/src/services may import neither the server nor fs, even in one file', async () => {
    const errors = await errorsFor(
      'renderer/src/services/probe.ts',
      "import { startPlatform } from '../../../platform/server';\nimport { readFileSync } from 'fs';\nexport const p = [startPlatform, readFileSync];\n",
    );
    expect(errors).toHaveLength(2);
  });
});

describe("the renderer's own floors", () => {
  const BOUNDARY_RULES = ['floors/no-climb:', 'no-restricted-imports:'];

  /** The probes (one import line each, placed at `path`) that a boundary rule did not refuse. */
  async function cleanProbes(path: string, imports: string[]): Promise<string[]> {
    const clean: string[] = [];
    for (const line of imports) {
      const errors = await errorsFor(path, `${line}\nexport const used = m;\n`);
      if (!errors.some((e) => BOUNDARY_RULES.some((rule) => e.startsWith(rule)))) clean.push(line);
      // An allowed import must lint clean altogether, not merely escape the boundary rules.
      else continue;
      expect(errors, line).toEqual([]);
    }
    return clean;
  }

  it('data/, sync/ and the API client never import services/ (not even the seam), and data/ never imports sync/', async () => {
    const climbs = {
      'renderer/src/data/probe.ts': ["import * as m from '../services/contracts';", "import * as m from '../services/outcome';"],
      'renderer/src/data/packed/probe.ts': [
        "import * as m from '../../services/contracts';",
        "import * as m from '../../sync/snapshot/blockCipher';",
      ],
      'renderer/src/sync/probe.ts': ["import * as m from '../services/contracts';", "import * as m from '../stores/context';"],
      'renderer/src/sync/snapshot/probe.ts': ["import * as m from '../../services/deps';"],
      'renderer/src/api/probe.ts': ["import * as m from '../services/contracts';", "import * as m from '../data/journalDb';"],
    };
    for (const [path, imports] of Object.entries(climbs)) expect(await cleanProbes(path, imports), path).toEqual([]);
  });

  it('the ground floor (model/, state/) imports nothing of the renderer', async () => {
    expect(
      await cleanProbes('renderer/src/model/probe.ts', ["import * as m from '../services/contracts';", "import * as m from '../state';"]),
    ).toEqual([]);
    expect(
      await cleanProbes('renderer/src/state/probe.ts', ["import * as m from '../model';", "import * as m from '../stores/context';"]),
    ).toEqual([]);
  });

  it('screens reach only the seam, stores, state, UI parts, i18n and shared/', async () => {
    const path = 'renderer/src/features/lookup/probe.ts';
    const climbs = [
      "import * as m from '../../app/App';",
      "import * as m from '../../services/lookupService';",
      "import * as m from '../../services/createServices';",
      "import * as m from '../../data/journalDb';",
      "import * as m from '../../sync/syncEngine';",
      "import * as m from '../../api/platformClient';",
      "import * as m from '../../host/browserHost';",
    ];
    expect(await cleanProbes(path, climbs)).toEqual([]);
    const allowed = [
      "import * as m from '../../services/contracts';",
      "import * as m from '../../stores/context';",
      "import * as m from '../../state';",
      "import * as m from '../../ui/PromptModal';",
      "import * as m from '../../i18n';",
      "import * as m from '../../model';",
      "import * as m from '../../../../shared/ids';",
      "import * as m from '../result/labels';",
    ];
    expect(await cleanProbes(path, allowed)).toEqual(allowed);
  });

  it("the screens' stores sit below the screens and reach the core through its seam", async () => {
    const path = 'renderer/src/stores/probe.ts';
    const climbs = [
      "import * as m from '../features/result/ResultView';",
      "import * as m from '../app/App';",
      "import * as m from '../ui/PromptModal';",
      "import * as m from '../services/recordsService';",
      "import * as m from '../data/journalDb';",
    ];
    expect(await cleanProbes(path, climbs)).toEqual([]);
    expect(await cleanProbes(path, ["import * as m from '../services/contracts';"])).toHaveLength(1);
  });

  it('the core returns codes with data: none of its floors imports the catalogue that words them', async () => {
    for (const floor of ['services', 'sync', 'data', 'api']) {
      expect(await cleanProbes(`renderer/src/${floor}/probe.ts`, ["import { t } from '../i18n';"]), floor).toEqual([]);
    }
  });

  it('the core never imports the screens, their stores or the app', async () => {
    const path = 'renderer/src/services/probe.ts';
    const climbs = [
      "import * as m from '../stores/context';",
      "import * as m from '../features/lookup/LookupBar';",
      "import * as m from '../app/App';",
      "import * as m from '../ui/PromptModal';",
    ];
    expect(await cleanProbes(path, climbs)).toEqual([]);
  });

  it("the services reach storage through data/'s seams, never through Dexie itself", async () => {
    const path = 'renderer/src/services/lookup/probe.ts';
    expect(await cleanProbes(path, ["import * as m from 'dexie';", "import m from 'dexie';"])).toEqual([]);
    expect(await cleanProbes(path, ["import * as m from '../../data/journalRepository';"])).toHaveLength(1);
  });

  it('zustand is reached through state/ only', async () => {
    for (const path of [
      'renderer/src/sync/probe.ts',
      'renderer/src/services/probe.ts',
      'renderer/src/features/status/probe.ts',
      'renderer/src/stores/probe.ts',
    ]) {
      const direct = ["import * as m from 'zustand/vanilla';", "import * as m from 'zustand';"];
      expect(await cleanProbes(path, direct), path).toEqual([]);
    }
    expect(await cleanProbes('renderer/src/state/probe.ts', ["import * as m from 'zustand/vanilla';"])).toHaveLength(1);
  });
});
