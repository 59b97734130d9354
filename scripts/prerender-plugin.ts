// Vite plugin: puts the prerendered home page and start pages (src/ui/prerender.ts) into the built index.html, so the
// first paint is static HTML — the largest element is drawn without waiting for the app's script.

import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { flowCardsPlugin } from './flow-cards-plugin.ts';

const PLACEHOLDER = /<div id="app">.*?<\/div>/s;

export function prerenderPlugin(root: string): Plugin {
  return {
    name: 'shirube-prerender',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: async (html) => {
        if (!PLACEHOLDER.test(html)) throw new Error('prerender: index.html has no <div id="app">…</div> to fill');
        const { createServer } = await import('vite');
        // Production mode: the components' scoped class names must be the ones the client build's CSS uses.
        const server = await createServer({
          root,
          configFile: false,
          mode: 'production',
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, ws: false },
          optimizeDeps: { noDiscovery: true, include: [] },
          plugins: [flowCardsPlugin(root), svelte()],
        });
        let pages: { id: string | null; html: string }[];
        try {
          const mod = (await server.ssrLoadModule('/src/ui/prerender.ts')) as typeof import('../src/ui/prerender');
          pages = await mod.prerender();
        } finally {
          await server.close();
        }
        // Inert: a click on the picture of a button before the app has started would do nothing, so none is possible.
        const sections = pages.map((p) => `<div data-route="${p.id ?? '/'}">${p.html}</div>`).join('');
        // public/first-paint.js picks the section the address names, before the first paint.
        return html.replace(
          PLACEHOLDER,
          `<div id="app"><div class="prerendered" inert>${sections}</div></div>\n    <script src="/first-paint.js"></script>`,
        );
      },
    },
  };
}
