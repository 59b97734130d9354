// Nothing leaves the device: every request of a whole session goes to the local preview server.

import { answerAll, confirmAnswers, SENSITIVE_CASE, startLeak } from './app';
import { expect, test } from './fixtures';
import { downloadPdf } from './pdf';

/** Requests that never leave the browser process. */
const LOCAL = /^(data|blob|chrome-extension|about):/;

test('every request of a whole session, service worker included, goes to the preview server', async ({ page, requests, origin }) => {
  await page.goto('/#/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await startLeak(page, 'ネットワークの確認');
  await answerAll(page, SENSITIVE_CASE);
  await confirmAnswers(page);
  await downloadPdf(page, 'PDFをダウンロード');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The recorder must have seen the page's own loads and the service worker's precache downloads.
  const paths = requests.filter((r) => !LOCAL.test(r.url)).map((r) => new URL(r.url).pathname);
  expect(requests.length, `recorded ${requests.length} requests`).toBeGreaterThanOrEqual(20);
  expect(paths, 'the page itself was recorded').toContain('/');
  expect(
    requests.some((r) => r.serviceWorker && r.url.endsWith('.ttf')),
    'the service worker precache download of the font was recorded',
  ).toBe(true);
  const foreign = requests.filter((r) => !LOCAL.test(r.url) && new URL(r.url).origin !== origin).map((r) => r.url);
  expect(foreign, 'requests to other hosts').toEqual([]);

  // Nothing in the page would load from elsewhere either (scripts, styles, images, frames, preconnects, icons).
  const external = await page.evaluate((o) => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('[src], link[href]')) {
      if (el instanceof HTMLLinkElement && /^(alternate|license|help|author|external)$/.test(el.rel)) continue;
      const raw = el.getAttribute('src') ?? el.getAttribute('href') ?? '';
      const url = new URL(raw, location.href);
      if (/^https?:$/.test(url.protocol) && url.origin !== o) found.push(`${el.tagName.toLowerCase()} ${url.href}`);
    }
    return found;
  }, origin);
  expect(external, 'elements loading from other hosts').toEqual([]);
});
