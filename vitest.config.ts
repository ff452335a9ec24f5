import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
  },
});
