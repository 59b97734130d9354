// Browser test of the installed PWA offline: a second assessment from the home page, in English, PDF included.

import assert from 'node:assert/strict';
import { answerAll, RANSOMWARE_CASE, startLeak, text } from './app.mjs';
import { downloadPdf } from './pdf.mjs';

export const tests = {
  'offline after the first visit: a full English assessment and its PDF work from the precache': async ({ context, page, origin }) => {
    await page.goto('/#/');
    await page.locator('.home-page h1').waitFor();
    // ready resolves once a worker is activating, i.e. after the precache install; wait for it to finish activating.
    const state = await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active;
      while (worker && worker.state === 'activating') await new Promise((r) => worker.addEventListener('statechange', r, { once: true }));
      return worker?.state;
    });
    assert.equal(state, 'activated', 'service worker active');
    await page.reload();
    await page.locator('.home-page h1').waitFor();
    assert.ok(
      await page.evaluate(() => navigator.serviceWorker.controller !== null),
      'page controlled by the service worker after a reload',
    );
    const cached = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
      return urls;
    });
    for (const ext of ['.ttf', '.wasm', '.js', '.css', 'index.html']) {
      assert.ok(
        cached.some((u) => new URL(u).pathname.endsWith(ext)),
        `precache holds a ${ext} file (has ${cached.length} entries)`,
      );
    }

    // From here on nothing may reach the network: every response must come from the service worker.
    await context.setOffline(true);
    const failed = [];
    const fromNetwork = [];
    context.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
    context.on('response', (r) => {
      const url = r.url();
      if (url.startsWith(origin) && !r.fromServiceWorker() && !r.request().serviceWorker()) fromNetwork.push(url);
    });
    assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser reports offline');

    await page.reload();
    await page.locator('.home-page h1').waitFor();
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await text(page.locator('.home-page h1')), 'Answer a few questions to see what the APPI requires');

    await startLeak(page, 'Offline: payroll SaaS ransomware');
    assert.equal(await page.getByRole('button', { name: 'Continue' }).count(), 1, 'English continue button');
    await answerAll(page, RANSOMWARE_CASE);
    assert.equal(await text(page.locator('.review-page h1')), 'Check your answers');
    await page.getByRole('button', { name: 'Get the result' }).click();

    const outcome = page.locator('.outcome-page');
    await outcome.waitFor();
    assert.equal(await outcome.getAttribute('data-outcome'), 'reportable');
    assert.equal(await text(outcome.locator('h1')), 'Reportable');
    assert.equal(await text(outcome.locator('li[data-duty="report-final"] .deadline')), 'Due: Thu 7 May 2026');

    const { bytes, name } = await downloadPdf(page, 'Download PDF');
    assert.match(name, /\.pdf$/);
    assert.equal(new TextDecoder().decode(bytes.subarray(0, 5)), '%PDF-', 'a PDF file');
    assert.ok(bytes.length > 10_000, `PDF of ${bytes.length} bytes embeds the font subset`);
    assert.equal(await page.locator('.actions .alert-error').count(), 0, 'no PDF error shown');

    assert.deepEqual(failed, [], 'no request failed while offline');
    assert.deepEqual(fromNetwork, [], 'every response while offline came from the service worker');
  },
};
