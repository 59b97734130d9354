// Build, PWA and test configuration: a static, installable app that precaches everything it needs offline.

import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { VitePWA } from 'vite-plugin-pwa';
import { cspPlugin } from './scripts/csp-plugin.ts';
import { flowCardsPlugin } from './scripts/flow-cards-plugin.ts';
import { prerenderPlugin } from './scripts/prerender-plugin.ts';

const stub = fileURLToPath(new URL('./src/report/optional-stub.ts', import.meta.url));

export default defineConfig({
  plugins: [
    flowCardsPlugin(fileURLToPath(new URL('.', import.meta.url))),
    svelte(),
    cspPlugin(),
    prerenderPlugin(fileURLToPath(new URL('.', import.meta.url))),
    svelteTesting(),
    VitePWA({
      // The user is asked before a new version takes over, so no in-progress answer is lost by the update.
      registerType: 'prompt',
      injectRegister: false,
      // globPatterns below already precache the icons; listing them twice only bloats the manifest.
      includeManifestIcons: false,
      manifest: {
        name: 'しるべ — 個人情報保護法 判定ナビ',
        short_name: 'しるべ',
        description: '個人情報保護法（APPI）の判定をブラウザだけで行うガイド / APPI self-check guide',
        lang: 'ja',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0017c1',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ttf,wasm,json,txt,webmanifest}'],
        // The Japanese font is ~4.5 MB; it must be precached for the PDF to work offline.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    // jsPDF's optional HTML/SVG renderers are never used: keep them out of the bundle and the precache.
    alias: { html2canvas: stub, canvg: stub, dompurify: stub },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
    // Every browser the app supports preloads modules itself; the polyfill would only add to the first load.
    modulePreload: { polyfill: false },
  },
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'],
    setupFiles: ['test/setup.ts'],
    // Component tests walk whole flows in happy-dom; on a loaded two-core CI machine 5 s is not always enough. A timeout
    // is a safety net against hangs here, never a performance assertion (npm run bench measures).
    testTimeout: 20_000,
  },
});
