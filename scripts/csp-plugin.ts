// Vite plugin: the built app's Content-Security-Policy, as a meta tag (the app is static, so no server sends headers).

import type { Plugin } from 'vite';

/**
 * Only the app's own files run or load. `'wasm-unsafe-eval'` is there for one reason: the PDF's font subsetter is
 * harfbuzz compiled to WebAssembly, and compiling wasm needs it; it does not allow `eval` or `new Function`.
 * No inline script or style is allowed (Svelte sets styles through the CSSOM, which a policy does not restrict). `frame-ancestors` cannot be set from a
 * meta tag and is left to whoever serves the files.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self'",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self'",
  'manifest-src': "'self'",
  'frame-src': "'none'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

export const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');

/** Adds the policy to the built index.html only: Vite's dev server injects its own client, which a strict policy would stop. */
export function cspPlugin(): Plugin {
  return {
    name: 'shirube-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) throw new Error('index.html has an inline script, which the CSP forbids');
        if (/\sstyle="/i.test(html)) throw new Error('index.html has an inline style attribute, which the CSP forbids');
        return html.replace(
          '<meta charset="UTF-8" />',
          `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
        );
      },
    },
  };
}
