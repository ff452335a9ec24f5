import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const COVERED_AREAS = ['shared/', 'renderer/src/data/', 'renderer/src/sync/', 'renderer/src/services/', 'platform/'] as const;

/**
 * Per area, in percent: measured by `npm run test:coverage` on 2 December 2026, minus a point. Set again
 * once, the same day, after the core's restructuring moved code between areas (the sync engine split
 * into parts, services onto the journal repository) and the slip code grew `shared/`: those four figures
 * are what that run reached, rounded down.
 */
const THRESHOLDS = {
  'shared/**': { lines: 96, statements: 95, functions: 96, branches: 91 },
  'renderer/src/data/**': { lines: 94, statements: 90, functions: 92, branches: 81 },
  'renderer/src/sync/**': { lines: 92, statements: 89, functions: 89, branches: 75 },
  'renderer/src/services/**': { lines: 77, statements: 70, functions: 73, branches: 58 },
  'platform/**': { lines: 90, statements: 87, functions: 90, branches: 79 },
};

// Unit tests run on source. `electron` is aliased to a typed test double because the
// real module tries to download a binary on our build machines.
export default defineConfig({
  resolve: {
    alias: {
      electron: fileURLToPath(new URL('./tests/doubles/electron.ts', import.meta.url)),
    },
  },
  test: {
    include: [
      'shared/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'electron/**/*.test.ts',
      'platform/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    // Starting the reference platform publishes its first snapshot (a worker thread loads the
    // TypeScript sources and the pinyin tables): seconds on a busy 2-core machine.
    hookTimeout: 60_000,
    // `npm run test:coverage` (not part of `npm test`: instrumenting makes the run slower). Each
    // area's floor is what its tests reached when the floors were set, rounded down by a point:
    // raise a floor when coverage rises, never lower it.
    coverage: {
      provider: 'v8',
      include: COVERED_AREAS.map((area) => `${area}**/*.{ts,tsx}`),
      exclude: ['**/*.test.{ts,tsx}', '**/__fixtures__/**'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      thresholds: THRESHOLDS,
    },
  },
});
