// The PDF download: its text read back with pdf.js, and the embedded assessment envelope recovered.

import { envelopeJsonOf } from '../report/envelope-json';
import { answerAll, confirmAnswers, SENSITIVE_CASE, startLeak } from './app';
import { expect, test } from './fixtures';
import { downloadPdf, pdfText } from './pdf';

const TITLE = '髙橋さんの鬱病診断書 誤送信';

test('the downloaded PDF holds the verdict, the due date, the rare-kanji title and the envelope', async ({ page }, testInfo) => {
  await page.goto('/#/');
  await startLeak(page, TITLE);
  await answerAll(page, SENSITIVE_CASE);
  const outcome = await confirmAnswers(page);
  await expect(outcome).toHaveAttribute('data-outcome', 'reportable');

  const { bytes, name } = await downloadPdf(page, 'PDFをダウンロード', testInfo.outputPath('leak-summary.pdf'));
  expect(name, `file name ${name}`).toMatch(/^shirube-leak-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/);
  await expect(page.getByRole('region', { name: '結果の保存' }).getByRole('status')).toContainText('PDFを作成しました');

  const { text, pages } = await pdfText(bytes);
  expect(pages).toBeGreaterThanOrEqual(1);
  for (const wanted of ['報告対象です', '期限：2026年1月5日（月）', TITLE.replace(/\s+/g, ''), '要配慮個人情報の漏えい等']) {
    expect(text, `PDF text contains 「${wanted}」`).toContain(wanted);
  }

  const json = envelopeJsonOf(bytes);
  expect(json, 'the PDF carries the envelope').toBeTruthy();
  const env = JSON.parse(json ?? 'null') as { title?: string; flow?: string; facts?: unknown; outcome?: { outcome?: string } | null };
  expect(env.title).toBe(TITLE);
  expect(env.flow).toBe('leak');
  expect(env.facts, 'the envelope holds every answer').toEqual(SENSITIVE_CASE);
  expect(env.outcome?.outcome).toBe('reportable');
});
