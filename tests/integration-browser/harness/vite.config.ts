import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The integration/benchmark harness: a page that loads the real renderer modules (data, sync,
// platform client, services) and exposes them on window.__cc for Playwright.
// Build: npx vite build --config tests/integration-browser/harness/vite.config.ts
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../../dist/harness', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 3_000,
  },
});
