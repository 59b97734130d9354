// One assessment from start to outcome in Japanese, and a refused answer with its error summary.

import { answerAll, confirmAnswers, fill, mainHeading, questionOn, SENSITIVE_CASE, startLeak } from './app';
import { expect, test } from './fixtures';

/** How the review page shows each answer of SENSITIVE_CASE in Japanese. */
const JA_ANSWERS = {
  actor: '民間の事業者',
  events: '漏えい',
  certainty: '発生した',
  recoveredUnseen: 'いいえ',
  dataKind: '個人データ',
  protected: 'いいえ',
  sensitive: 'はい',
  financial: 'いいえ',
  wrongful: 'いいえ',
  persons: '1人',
  myNumber: 'いいえ',
  role: '委託元・自社のデータ',
  canContactAll: 'はい',
  delegatedSector: 'いいえ',
  atContractor: 'いいえ',
  privacyMark: 'いいえ',
  knownOn: '2025年12月5日（金）',
};

/** Questions as far as `persons` for a case with no ground before the head count. */
const NO_GROUND_SO_FAR = { ...SENSITIVE_CASE, sensitive: 'no' };

test('full leak assessment in Japanese reaches the dated verdict', async ({ page }) => {
  await page.goto('/#/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await startLeak(page, '顧客名簿の誤送信（テスト）');
  await expect(mainHeading(page)).toHaveText('あなたの組織はどちらに当たりますか？');
  await expect(page.getByRole('button', { name: '次へ進む', exact: true }), 'continue button labelled 次へ進む').toHaveCount(1);

  const asked = await answerAll(page, SENSITIVE_CASE);
  expect(new Set(asked), 'the questions asked are those of the case').toEqual(new Set(Object.keys(JA_ANSWERS)));

  // Review: every answer, in the order asked, in Japanese.
  await expect(mainHeading(page)).toHaveText('回答内容の確認');
  const rows = page.locator('[data-fact]');
  await expect(rows).toHaveCount(asked.length);
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-fact'))), 'review rows in answer order').toEqual(asked);
  for (const [id, shown] of Object.entries(JA_ANSWERS)) {
    await expect(page.locator(`[data-fact="${id}"]`).getByRole('definition').first(), `review answer for ${id}`).toHaveText(shown);
  }

  const outcome = await confirmAnswers(page);
  await expect(outcome).toHaveAttribute('data-outcome', 'reportable');
  await expect(mainHeading(page)).toHaveText('報告対象です');
  await expect(outcome.locator('.caption')).toHaveText('顧客名簿の誤送信（テスト）');
  await expect(outcome, 'ground: sensitive data (Rules 7(i))').toContainText('要配慮個人情報の漏えい等');
  await expect(outcome.locator('[data-duty="report-final"] .deadline')).toHaveText('期限：2026年1月5日（月）');
  await expect(outcome.locator('[data-duty="report-preliminary"] .deadline')).toContainText('2025年12月7日（日）〜2025年12月9日（火）');
  for (const duty of ['record-internally', 'notify-individuals'])
    await expect(outcome.locator(`[data-duty="${duty}"]`), duty).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'PDFをダウンロード', exact: true })).toHaveCount(1);
  await expect(page.getByTestId('provisional'), 'no "unsure" answer, so not provisional').toHaveCount(0);
});

test('a negative head count shows the error summary and stays on the question', async ({ page }) => {
  await page.goto('/#/');
  await startLeak(page, '入力エラーの確認');
  await answerAll(page, NO_GROUND_SO_FAR, { stopBefore: 'persons' });
  await fill(page, 'persons', '-3');
  await page.getByRole('button', { name: '次へ進む', exact: true }).click();

  const summary = page.getByRole('alert', { name: '入力内容を確認してください' });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('入力内容を確認してください');
  await expect(summary).toContainText('人数は0以上の数で入力してください。');
  await expect(summary).toHaveAttribute('role', 'alert');
  await expect(summary, 'the error summary takes the focus').toBeFocused();
  await expect(questionOn(page), 'still on the persons question').toHaveAttribute('data-question', 'persons');
  const count = page.getByRole('textbox', { name: '人数（最大で何人分の可能性があるか）' });
  await expect(count).toHaveAttribute('aria-invalid', 'true');
  await expect(count, 'what was typed stays in the field').toHaveValue('-3');

  // Correcting the answer moves on.
  await fill(page, 'persons', '5');
  await page.getByRole('button', { name: '次へ進む', exact: true }).click();
  await expect(questionOn(page)).not.toHaveAttribute('data-question', 'persons');
  await expect(questionOn(page)).toBeVisible();
  await expect(summary).toHaveCount(0);
});

test('the error summary link moves focus to the field and keeps the question', async ({ page }) => {
  await page.goto('/#/');
  await startLeak(page, 'エラーリンクの確認');
  await answerAll(page, NO_GROUND_SO_FAR, { stopBefore: 'persons' });
  await fill(page, 'persons', '-3');
  await page.getByRole('button', { name: '次へ進む', exact: true }).click();
  const link = page.getByRole('alert', { name: '入力内容を確認してください' }).getByRole('link');
  await expect(link).toBeVisible();
  const before = page.url();
  await link.click();

  await expect(page.getByRole('textbox', { name: '人数（最大で何人分の可能性があるか）' }), 'the count field has the focus').toBeFocused();
  await expect(page, 'the link does not change the address (the app routes on the hash)').toHaveURL(before);
  await expect(questionOn(page), 'still on the persons question').toHaveAttribute('data-question', 'persons');
});
