// Browser test of the installed PWA offline: a second assessment from the home page, in English, PDF included.

import assert from 'node:assert/strict';
import { answerAll, installAndGoOffline, RANSOMWARE_CASE, startLeak, text } from './app.mjs';
import { downloadPdf } from './pdf.mjs';

export const tests = {
  'offline after the first visit: a full English assessment and its PDF work from the precache': async ({ context, page, origin }) => {
    const { failed, fromNetwork } = await installAndGoOffline({ context, page, origin });

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
