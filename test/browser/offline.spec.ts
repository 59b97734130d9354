// The installed PWA offline: a second assessment from the home page, in English, PDF included.

import { answerAll, confirmAnswers, installAndGoOffline, mainHeading, RANSOMWARE_CASE, startLeak } from './app';
import { expect, test } from './fixtures';
import { downloadPdf } from './pdf';

test('offline after the first visit: a full English assessment and its PDF work from the precache', async ({ page, origin }) => {
  const { failed, fromNetwork } = await installAndGoOffline(page, origin);

  await page.reload();
  await expect(mainHeading(page)).toBeVisible();
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(mainHeading(page)).toHaveText('Answer a few questions to see what the APPI requires');

  await startLeak(page, 'Offline: payroll SaaS ransomware');
  await expect(page.getByRole('button', { name: 'Continue', exact: true }), 'English continue button').toHaveCount(1);
  await answerAll(page, RANSOMWARE_CASE);
  await expect(mainHeading(page)).toHaveText('Check your answers');
  await expect(page.getByRole('button', { name: 'Get the result', exact: true })).toBeVisible();

  const outcome = await confirmAnswers(page);
  await expect(outcome).toHaveAttribute('data-outcome', 'reportable');
  await expect(mainHeading(page)).toHaveText('Reportable');
  await expect(outcome.locator('[data-duty="report-final"] .deadline')).toHaveText('Due: Thu 7 May 2026');

  const { bytes, name } = await downloadPdf(page, 'Download PDF');
  expect(name).toMatch(/\.pdf$/);
  expect(new TextDecoder().decode(bytes.subarray(0, 5)), 'a PDF file').toBe('%PDF-');
  expect(bytes.length, `PDF of ${bytes.length} bytes embeds the font subset`).toBeGreaterThan(10_000);
  const actions = page.getByRole('region', { name: 'Save this result' });
  await expect(actions.getByRole('status')).toHaveText('The PDF is ready. Check your downloads folder.');
  await expect(actions.getByRole('alert'), 'no PDF error shown').toHaveCount(0);

  expect(failed, 'no request failed while offline').toEqual([]);
  expect(fromNetwork, 'every response while offline came from the service worker').toEqual([]);
});
