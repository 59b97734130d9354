// PDF steps for the browser tests: download through the page's button, and read the file back with pdf.js in Node.

import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

/** Clicks the PDF button and returns the downloaded file; the app's "could not create the PDF" alert fails it at once. */
export async function downloadPdf(page: Page, buttonName: string, saveTo?: string): Promise<{ bytes: Uint8Array; name: string }> {
  const button = page.getByRole('button', { name: buttonName, exact: true });
  const alert = page.getByRole('alert');
  const downloaded = page.waitForEvent('download', { timeout: 30_000 });
  downloaded.catch(() => {}); // the race below reports it
  const failed = alert
    .first()
    .waitFor({ timeout: 30_000 })
    .then(
      async () => `the page shows an alert instead of the PDF: ${(await alert.first().innerText()).replace(/\s+/g, ' ')}`,
      () => null,
    );
  await button.click();
  const download = await Promise.race([downloaded, failed.then((message) => (message ? Promise.reject(new Error(message)) : downloaded))]);
  const failure = await download.failure();
  if (failure) throw new Error(`download failed: ${failure}`);
  if (saveTo) await download.saveAs(saveTo);
  const bytes = new Uint8Array(await readFile(await download.path()));
  return { bytes, name: download.suggestedFilename() };
}

/** Every text item of every page, in order, with all whitespace removed (so line wraps and item splits do not matter). */
export async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { text: parts.join('').replace(/\s+/g, ''), pages };
}
