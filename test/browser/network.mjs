// Browser test that nothing leaves the device: every request of a whole session goes to the local preview server.

import assert from 'node:assert/strict';
import { answerAll, SENSITIVE_CASE, startLeak } from './app.mjs';
import { downloadPdf } from './pdf.mjs';

/** Requests that never leave the browser process. */
const LOCAL = /^(data|blob|chrome-extension|about):/;

export const tests = {
  'every request of a whole session, service worker included, goes to the preview server': async ({ page, requests, origin }) => {
    await page.goto('/#/');
    await page.evaluate(async () => navigator.serviceWorker.ready);
    await startLeak(page, 'ネットワークの確認');
    await answerAll(page, SENSITIVE_CASE);
    await page.getByRole('button', { name: 'この内容で判定する' }).click();
    await page.locator('.outcome-page').waitFor();
    await downloadPdf(page, 'PDFをダウンロード');
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');

    // The recorder must have seen the page's own loads and the service worker's precache downloads.
    const paths = requests.filter((r) => !LOCAL.test(r.url)).map((r) => new URL(r.url).pathname);
    assert.ok(requests.length >= 20, `recorded ${requests.length} requests`);
    assert.ok(paths.includes('/'), 'the page itself was recorded');
    assert.ok(
      requests.some((r) => r.serviceWorker && r.url.endsWith('.ttf')),
      'the service worker precache download of the font was recorded',
    );
    const foreign = requests.filter((r) => !LOCAL.test(r.url) && new URL(r.url).origin !== origin).map((r) => r.url);
    assert.deepEqual(foreign, [], 'requests to other hosts');

    // Nothing in the page would load from elsewhere either (scripts, styles, images, frames, preconnects, icons).
    const external = await page.evaluate((o) => {
      const found = [];
      for (const el of document.querySelectorAll('[src], link[href]')) {
        if (el.tagName === 'LINK' && /^(alternate|license|help|author|external)$/.test(el.rel)) continue;
        const raw = el.getAttribute('src') ?? el.getAttribute('href') ?? '';
        const url = new URL(raw, location.href);
        if (/^https?:$/.test(url.protocol) && url.origin !== o) found.push(`${el.tagName.toLowerCase()} ${url.href}`);
      }
      return found;
    }, origin);
    assert.deepEqual(external, [], 'elements loading from other hosts');
  },
};
