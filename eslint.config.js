// @ts-check
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The architecture's boundaries as lint rules (the same ones the tsconfig references enforce):
// shared/ is pure, renderer/ never reaches node or electron, pure main-process modules never import electron.
const NODE_BUILTINS = { group: ['node:*'], message: 'renderer/ and shared/ run in the browser: no Node built-ins.' };
const NODE_BARE = { group: ['fs', 'path', 'os', 'child_process'], message: 'No Node built-ins in the renderer.' };

const REPO_ROOT = dirname(fileURLToPath(import.meta.url));

/**
 * `floors/no-climb`: an import may not land in one of the listed repository folders (unless it is one
 * of that folder's `except` paths, e.g. the services' seam). Judged on the path the import resolves
 * to, not on the raw string, so `../` counting cannot hide a climb. Bare package names are left to
 * no-restricted-imports.
 */
const floors = {
  rules: {
    'no-climb': {
      meta: {
        type: 'problem',
        schema: [
          {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                folder: { type: 'string' },
                except: { type: 'array', items: { type: 'string' } },
                message: { type: 'string' },
              },
              required: ['folder', 'message'],
            },
          },
        ],
      },
      create(context) {
        /** @type {{ folder: string, except?: string[], message: string }[]} */
        const forbidden = context.options[0] ?? [];
        /** @param {import('estree').Node} node @param {unknown} source */
        const check = (node, source) => {
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const target = `${relative(REPO_ROOT, resolve(dirname(context.filename), source))
            .split(sep)
            .join('/')}/`;
          const hit = forbidden.find(
            (f) => target.startsWith(f.folder) && !(f.except ?? []).some((allowed) => target.startsWith(`${allowed}/`)),
          );
          if (hit) context.report({ node, message: `${hit.message} ('${source}')` });
        };
        return {
          ImportDeclaration: (node) => check(node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
          ExportAllDeclaration: (node) => check(node, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
        };
      },
    },
  },
};

const SERVER = {
  folder: 'platform/',
  message: "The renderer talks to the platform server over HTTP (renderer/src/api), never to the server's code.",
};
const SHELL = { folder: 'electron/', message: 'The renderer reaches the desktop host through the bridge, never the Electron code.' };

/**
 * The renderer's own floors, bottom to top (docs/architecture.md): model and state (the zustand seam)
 * at the ground; i18n, ui; data, api; sync; host; services (the core, with its seam contracts.ts);
 * stores (the screens' state); features (the screens); app and main.tsx compose everything.
 */
const SEAM = 'renderer/src/services/contracts';
/** @param {string} name @param {string} why @param {string[]} [except] */
const floor = (name, why, except) => ({
  folder: `renderer/src/${name}/`,
  message: `${why}: not renderer/src/${name}/.`,
  ...(except ? { except } : {}),
});
/** The renderer's floors a folder may not import, besides the server and the shell. @param {...ReturnType<typeof floor>} above */
const rendererFloors = (...above) => ['error', [SERVER, SHELL, ...above]];
const UI_ONLY = ['stores', 'features', 'app', 'ui', 'pwa'];
/** The core returns codes with data; the catalogue above it words them (docs/architecture.md). */
const WORDED_ABOVE = 'The core returns codes with data: the catalogue (i18n) words them for the screens';
/** Every renderer folder above the ground floor. */
const RENDERER_FOLDERS = ['i18n', 'data', 'api', 'sync', 'host', 'services', ...UI_ONLY];
/** @param {string} why @param {string[]} names */
const floorsOf = (why, names) => names.map((name) => floor(name, why));

const ZUSTAND = { group: ['zustand', 'zustand/*'], message: 'Reach zustand through renderer/src/state (one seam for stores).' };
const ELECTRON = { name: 'electron', message: 'Only electron/ may import electron; the renderer reaches the host through the HostBridge.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'coverage/', '.tsbuild/', 'test-results/', 'playwright-report/', '**/*.d.ts'] },
  { plugins: { floors } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ELECTRON,
            { name: 'react', message: 'shared/ is UI-free.' },
            { name: 'dexie', message: 'shared/ has no storage.' },
            { name: 'axios', message: 'shared/ does no I/O.' },
          ],
          patterns: [
            NODE_BUILTINS,
            { group: ['fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process'], message: 'shared/ is platform-free.' },
            { group: ['**/renderer/**', '**/electron/**', '**/platform/**'], message: 'shared/ depends on nothing but itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON],
          patterns: [NODE_BUILTINS, NODE_BARE, ZUSTAND],
        },
      ],
      'floors/no-climb': ['error', [SERVER, SHELL]],
    },
  },
  {
    // zustand's vanilla store is made in state/ only (the core imports it from state/store).
    files: ['renderer/src/state/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [NODE_BUILTINS, NODE_BARE] }] },
  },
  {
    files: ['renderer/src/model/**'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'floors/no-climb': rendererFloors(...floorsOf('model/ is the ground floor: it imports only shared/', [...RENDERER_FOLDERS, 'state'])),
    },
  },
  {
    files: ['renderer/src/state/**'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'floors/no-climb': rendererFloors(
        ...floorsOf('state/ is the seam to zustand: it imports nothing of the renderer', [...RENDERER_FOLDERS, 'model']),
      ),
    },
  },
  {
    files: ['renderer/src/i18n/**', 'renderer/src/ui/**'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'floors/no-climb': rendererFloors(
        ...floorsOf('Wording and shared UI parts know nothing of the core or the screens', [
          'data',
          'api',
          'sync',
          'host',
          'services',
          'stores',
          'features',
          'app',
          'pwa',
        ]),
      ),
    },
  },
  {
    files: ['renderer/src/data/**'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'floors/no-climb': rendererFloors(
        ...floorsOf('The storage sits below the sync engine, the core and the API client', ['api', 'sync', 'services', 'host', ...UI_ONLY]),
        ...floorsOf(WORDED_ABOVE, ['i18n']),
      ),
    },
  },
  {
    files: ['renderer/src/api/**'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'floors/no-climb': rendererFloors(
        ...floorsOf('The API client sits below the core', ['services', 'host', 'data', 'sync', ...UI_ONLY]),
        ...floorsOf(WORDED_ABOVE, ['i18n']),
      ),
    },
  },
  {
    files: ['renderer/src/sync/**'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'floors/no-climb': rendererFloors(
        ...floorsOf('The sync engine sits below the services and the screens', ['services', 'host', ...UI_ONLY]),
        ...floorsOf(WORDED_ABOVE, ['i18n']),
      ),
    },
  },
  {
    files: ['renderer/src/services/**'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'floors/no-climb': rendererFloors(...floorsOf('The core never imports the UI', UI_ONLY), ...floorsOf(WORDED_ABOVE, ['i18n'])),
    },
  },
  {
    // The services reach storage through data/'s seams (JournalRepository, ListDataStore, ProfileCache);
    // only the composition root opens the databases.
    files: ['renderer/src/services/**'],
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/src/services/createServices.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ELECTRON,
            {
              name: 'dexie',
              message: "The services reach storage through data/'s seams (JournalRepository, ListDataStore, ProfileCache).",
            },
          ],
          patterns: [NODE_BUILTINS, NODE_BARE, ZUSTAND],
        },
      ],
    },
  },
  {
    files: ['renderer/src/stores/**'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'floors/no-climb': rendererFloors(
        floor('services', "The screens' stores reach the core through its seam (services/contracts.ts)", [SEAM]),
        ...floorsOf("The screens' stores reach the core through its seam only", ['data', 'api', 'sync', 'host']),
        ...floorsOf("The screens' stores sit below the screens", ['features', 'app', 'ui', 'pwa']),
      ),
    },
  },
  {
    files: ['renderer/src/features/**'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'floors/no-climb': rendererFloors(
        floor('services', 'Screens reach the core through its seam (services/contracts.ts)', [SEAM]),
        ...floorsOf('Screens reach only the seam, stores, state, UI parts, i18n and shared/', [
          'data',
          'api',
          'sync',
          'host',
          'app',
          'pwa',
        ]),
      ),
    },
  },
  {
    // The reference platform is a separate program: it shares only shared/ with the client.
    files: ['platform/**/*.ts'],
    ignores: ['platform/**/*.test.ts'],
    rules: {
      'floors/no-climb': [
        'error',
        [
          { folder: 'renderer/', message: 'The platform server shares only shared/ with the client, never renderer/ code.' },
          { folder: 'electron/', message: 'The platform server shares only shared/ with the client, never electron/ code.' },
        ],
      ],
    },
  },
  {
    files: ['electron/main/lib/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'lib/ holds pure main-process logic, testable without Electron.' }] },
      ],
    },
  },
);
