// The browser tests' `test`: every test also fails on a request to another host, a console error, an uncaught page error
// or a Content-Security-Policy violation; a failing test reports what the page showed (CI keeps only stdout) and its requests.

import { test as base, expect } from '@playwright/test';

export { expect };

export interface SeenRequest {
  url: string;
  method: string;
  /** Made by the service worker (its precache downloads), not by a page. */
  serviceWorker: boolean;
}

/** Requests that never leave the browser process. */
const LOCAL_SCHEMES = /^(data|blob|chrome-extension|about):/;
/** How the page reports a blocked load or script to the guard (a warning, so the console-error rule does not count it twice). */
const CSP_VIOLATION = 'CSP violation:';
const oneLine = (s: unknown) => String(s).replace(/\s+/g, ' ').trim();

export const test = base.extend<{ origin: string; requests: SeenRequest[]; guard: void }>({
  /** The preview server's origin (scheme, host and port of baseURL). */
  origin: async ({ baseURL }, use) => {
    await use(new URL(baseURL ?? 'http://invalid.test').origin);
  },

  /** Every request seen in this test's context so far, pages and service worker. */
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring
  requests: async ({}, use) => {
    await use([]);
  },

  guard: [
    async ({ context, origin, requests }, use, testInfo) => {
      const problems: string[] = [];
      context.on('request', (req) => {
        const url = req.url();
        requests.push({ url, method: req.method(), serviceWorker: !!req.serviceWorker() });
        if (LOCAL_SCHEMES.test(url)) return;
        let other: boolean;
        try {
          other = new URL(url).origin !== origin;
        } catch {
          other = true;
        }
        if (other) problems.push(`request to another host: ${req.method()} ${url}`);
      });
      context.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const where = msg.location()?.url ? ` (${msg.location().url})` : '';
        problems.push(`console error: ${oneLine(`${msg.text()}${where}`)}`);
      });
      context.on('weberror', (err) => problems.push(`page error: ${oneLine(err.error()?.stack ?? err.error())}`));
      // Anything the Content-Security-Policy blocks, on any screen or action of any test, fails that test.
      context.on('console', (msg) => {
        if (msg.type() === 'warning' && msg.text().startsWith(CSP_VIOLATION)) problems.push(msg.text());
      });
      await context.addInitScript((prefix) => {
        document.addEventListener('securitypolicyviolation', (e) =>
          console.warn(`${prefix} ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || '?'}:${e.lineNumber}`),
        );
      }, CSP_VIOLATION);

      await use();

      const page = context.pages().at(-1);
      if (page && testInfo.status !== testInfo.expectedStatus) {
        // What the page showed: its address, main heading, question or outcome, chosen options and any alert.
        const seen = await page
          .evaluate(() => {
            const parts = [location.hash || '/'];
            const h1 = document.querySelector('h1');
            if (h1) parts.push(`h1 "${h1.textContent?.trim()}"`);
            const q = document.querySelector('[data-question]')?.getAttribute('data-question');
            if (q) parts.push(`question ${q}`);
            const o = document.querySelector('[data-outcome]')?.getAttribute('data-outcome');
            if (o) parts.push(`outcome ${o}`);
            const checked = [...document.querySelectorAll<HTMLInputElement>('main input:checked')].map((i) => i.value);
            if (checked.length) parts.push(`checked ${checked.join(',')}`);
            for (const a of document.querySelectorAll('[role=alert]')) parts.push(`alert "${a.textContent?.trim()}"`);
            return parts.join(' | ');
          })
          .catch((e: unknown) => `(page not readable: ${oneLine(e instanceof Error ? e.message : e).slice(0, 200)})`);
        await testInfo.attach('page at failure', { body: oneLine(seen).slice(0, 290), contentType: 'text/plain' });
        await testInfo.attach('requests', {
          body: requests.map((r) => `${r.serviceWorker ? 'sw  ' : 'page'} ${r.method} ${r.url.slice(0, 200)}`).join('\n'),
          contentType: 'application/octet-stream',
        });
      }
      expect(problems, 'requests to other hosts, console errors and page errors').toEqual([]);
    },
    { auto: true },
  ],
});
