// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The architecture's boundaries as lint rules (the same ones the tsconfig references enforce):
// shared/ is pure, renderer/ never reaches node or electron, pure main-process modules never import electron.
const NODE_BUILTINS = { group: ['node:*'], message: 'renderer/ and shared/ run in the browser: no Node built-ins.' };
const ELECTRON = { name: 'electron', message: 'Only electron/ may import electron; the renderer reaches the host through the HostBridge.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.tsbuild/', 'test-results/', 'playwright-report/', '**/*.d.ts'] },
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
          patterns: [
            NODE_BUILTINS,
            { group: ['fs', 'path', 'os', 'child_process'], message: 'No Node built-ins in the renderer.' },
            {
              group: ['**/electron/**', '**/platform/**'],
              message: 'The renderer talks to the platform over HTTP and to the host through the bridge.',
            },
          ],
        },
      ],
    },
  },
  {
    // The seam itself and the non-React core may use zustand's vanilla store directly.
    files: ['renderer/src/state/**', 'renderer/src/services/**', 'renderer/src/sync/**', 'renderer/src/data/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [NODE_BUILTINS] }] },
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
