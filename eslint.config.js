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
 * `floors/no-climb`: an import may not land in one of the listed repository folders. Judged on the
 * path the import resolves to, not on the raw string, so the renderer's own API client
 * (renderer/src/platform) is never mistaken for the server (platform/) and `../` counting cannot
 * hide a climb. Bare package names are left to no-restricted-imports.
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
              properties: { folder: { type: 'string' }, message: { type: 'string' } },
              required: ['folder', 'message'],
            },
          },
        ],
      },
      create(context) {
        /** @type {{ folder: string, message: string }[]} */
        const forbidden = context.options[0] ?? [];
        /** @param {import('estree').Node} node @param {unknown} source */
        const check = (node, source) => {
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const target = `${relative(REPO_ROOT, resolve(dirname(context.filename), source))
            .split(sep)
            .join('/')}/`;
          const hit = forbidden.find((f) => target.startsWith(f.folder));
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
  message: "The renderer talks to the platform server over HTTP (renderer/src/platform), never to the server's code.",
};
const SHELL = { folder: 'electron/', message: 'The renderer reaches the desktop host through the bridge, never the Electron code.' };

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
          paths: [ELECTRON, { name: 'zustand', message: 'Reach zustand through renderer/src/state (one seam for stores).' }],
          patterns: [NODE_BUILTINS, NODE_BARE],
        },
      ],
      'floors/no-climb': ['error', [SERVER, SHELL]],
    },
  },
  {
    // The seam itself and the non-React core may use zustand's vanilla store directly; everything
    // else the renderer may not import still holds here.
    files: ['renderer/src/state/**', 'renderer/src/services/**', 'renderer/src/sync/**', 'renderer/src/data/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [NODE_BUILTINS, NODE_BARE] }] },
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
