import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const THEME_COLOR = '#1f4e99';

// The renderer's web build (PWA and the Electron renderer share the same sources).
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [
    react(),
    // The PWA build: a workbox service worker precaches the app shell so the renderer starts offline
    // when served over http(s) (docs/architecture.md). It registers itself from renderer/src/pwa (workbox-window,
    // http(s) only), so the plugin injects no registration script. The platform API is never cached here:
    // no runtime route matches it, and navigations to /api/ never fall back to the shell — the data layer
    // (IndexedDB cache and outbox) owns offline data.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      // globPatterns below already precache everything in public/; listing assets again only duplicates entries.
      includeAssets: [],
      includeManifestIcons: false,
      manifest: {
        id: './',
        name: '信用核查窗口端',
        short_name: '信用核查',
        description: '威海市公共信用信息平台 · 联合奖惩信用核查（窗口工作人员使用，可离线）',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: THEME_COLOR,
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg,png,ico,woff2,webmanifest}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/\/api\//],
        // One runtime route only: config.json, the browser build's managed configuration (renderer/src/host),
        // network first so IT's changes apply at once, the last copy offline so an offline start still
        // knows its platform. Nothing under /api/ can match.
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith('/config.json') && !url.pathname.includes('/api/'),
            handler: 'NetworkFirst',
            options: { cacheName: 'credit-counter-config', networkTimeoutSeconds: 5 },
          },
        ],
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
    pwaHead(),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3_000,
  },
  server: { port: 5173, strictPort: true },
});

/** Theme colour and icons in the page head (the manifest link itself is injected by VitePWA). */
function pwaHead(): Plugin {
  return {
    name: 'credit-counter:pwa-head',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'icon', href: './favicon.svg', type: 'image/svg+xml' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: './icons/apple-touch-icon-180.png' }, injectTo: 'head' },
    ],
  };
}
