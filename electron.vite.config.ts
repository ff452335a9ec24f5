import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Desktop build into out/: main (ESM), the sandboxed preload (CommonJS, everything bundled because a
// sandboxed preload can require nothing but 'electron'), and the renderer from the same sources as the
// web build in vite.config.ts — without the PWA plugin: a service worker cannot serve app://.
export default defineConfig({
  main: {
    build: {
      // Bundle zod, electron-log and electron-updater into main so the package ships no node_modules
      // (the project's other dependencies belong to the renderer bundle or the reference platform).
      externalizeDeps: false,
      outDir: here('./out/main'),
      lib: { entry: here('./electron/main/index.ts'), formats: ['es'] },
      rolldownOptions: { output: { entryFileNames: '[name].js' } },
    },
  },
  preload: {
    build: {
      outDir: here('./out/preload'),
      externalizeDeps: false,
      isolatedEntries: true,
      lib: { entry: here('./electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { external: ['electron'], output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: here('./renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: here('./out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 3_000,
      rolldownOptions: { input: here('./renderer/index.html') },
    },
  },
});
