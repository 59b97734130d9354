// Browser test of the PDF download: text read back with pdf.js, and the embedded assessment envelope recovered.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { answerAll, SENSITIVE_CASE, startLeak } from './app.mjs';

/** Clicks the PDF button and returns the downloaded file; the app's "could not create the PDF" alert fails it at once. */
export async function downloadPdf(page, buttonName, saveTo) {
  const button = page.getByRole('button', { name: buttonName });
  const alert = page.locator('.actions [role=alert]');
  const downloaded = page.waitForEvent('download', { timeout: 30_000 });
  const failed = alert.waitFor({ timeout: 30_000 }).then(
    async () => `the page shows a PDF error: ${(await alert.innerText()).replace(/\s+/g, ' ')}`,
    () => null,
  );
  downloaded.catch(() => {}); // the race below reports it
  await button.click();
  const download = await Promise.race([downloaded, failed.then((message) => (message ? Promise.reject(new Error(message)) : downloaded))]);
  const failure = await download.failure();
  if (failure) throw new Error(`download failed: ${failure}`);
  if (saveTo) await download.saveAs(saveTo);
  const bytes = new Uint8Array(await readFile(await download.path()));
  return { bytes, name: download.suggestedFilename() };
}

/** Every text item of every page, in order, with all whitespace removed (so line wraps and item splits do not matter). */
export async function pdfText(bytes) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const parts = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { text: parts.join('').replace(/\s+/g, ''), pages };
}

const TITLE = '髙橋さんの鬱病診断書 誤送信';

export const tests = {
  'the downloaded PDF holds the verdict, the due date, the rare-kanji title and the envelope': async ({ page, resultsDir, slug }) => {
    await page.goto('/#/');
    await startLeak(page, TITLE);
    await answerAll(page, SENSITIVE_CASE);
    await page.getByRole('button', { name: 'この内容で判定する' }).click();
    await page.locator('.outcome-page[data-outcome="reportable"]').waitFor();

    const { bytes, name } = await downloadPdf(page, 'PDFをダウンロード', join(resultsDir, `${slug}.pdf`));
    assert.match(name, /^shirube-leak-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/, `file name ${name}`);
    await page.getByText('PDFを作成しました').waitFor();

    const { text, pages } = await pdfText(bytes);
    assert.ok(pages >= 1);
    for (const wanted of ['報告対象です', '期限：2026年1月5日（月）', TITLE.replace(/\s+/g, ''), '要配慮個人情報の漏えい等']) {
      assert.ok(text.includes(wanted), `PDF text contains 「${wanted}」`);
    }

    const { extractEnvelopeJson } = await tsImport('../../src/report/pdf-envelope.ts', import.meta.url);
    const json = extractEnvelopeJson(bytes);
    assert.ok(json, 'the PDF carries the envelope');
    const env = JSON.parse(json);
    assert.equal(env.title, TITLE);
    assert.equal(env.flow, 'leak');
    assert.deepEqual(env.facts, SENSITIVE_CASE, 'the envelope holds every answer');
    assert.equal(env.outcome?.outcome, 'reportable');
  },
};
