// Browser tests of one assessment from start to outcome in Japanese, and of a refused answer.

import assert from 'node:assert/strict';
import { answerAll, fill, SENSITIVE_CASE, startLeak, text } from './app.mjs';

/** How the review page and the outcome's answer list show each answer of SENSITIVE_CASE in Japanese. */
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

export const tests = {
  'full leak assessment in Japanese reaches the dated verdict': async ({ page }) => {
    await page.goto('/#/');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    await startLeak(page, '顧客名簿の誤送信（テスト）');
    assert.equal(await text(page.locator('.question-page .question-heading')), 'あなたの組織はどちらに当たりますか？');
    assert.equal(await page.getByRole('button', { name: '次へ進む' }).count(), 1, 'continue button labelled 次へ進む');

    const asked = await answerAll(page, SENSITIVE_CASE);
    assert.deepEqual(new Set(asked), new Set(Object.keys(JA_ANSWERS)), 'the questions asked are those of the case');

    // Review: every answer, in the order asked, in Japanese.
    const review = page.locator('.review-page');
    assert.equal(await text(review.locator('h1')), '回答内容の確認');
    const rows = review.locator('.summary-row[data-fact]');
    assert.deepEqual(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-fact'))), asked, 'review rows in answer order');
    for (const [id, shown] of Object.entries(JA_ANSWERS)) {
      assert.equal(await text(review.locator(`.summary-row[data-fact="${id}"] dd`).first()), shown, `review answer for ${id}`);
    }

    await page.getByRole('button', { name: 'この内容で判定する' }).click();
    const outcome = page.locator('.outcome-page');
    await outcome.waitFor();
    assert.equal(await outcome.getAttribute('data-outcome'), 'reportable');
    assert.equal(await text(outcome.locator('h1')), '報告対象です');
    assert.equal(await text(outcome.locator('.caption')), '顧客名簿の誤送信（テスト）');
    assert.match(await text(outcome), /要配慮個人情報の漏えい等/, 'ground: sensitive data (Rules 7(i))');
    assert.equal(await text(outcome.locator('li[data-duty="report-final"] .deadline')), '期限：2026年1月5日（月）');
    assert.match(await text(outcome.locator('li[data-duty="report-preliminary"] .deadline')), /2025年12月7日（日）〜2025年12月9日（火）/);
    for (const duty of ['record-internally', 'notify-individuals'])
      assert.equal(await outcome.locator(`li[data-duty="${duty}"]`).count(), 1, duty);
    assert.equal(await page.getByRole('button', { name: 'PDFをダウンロード' }).count(), 1);
    assert.equal(await outcome.locator('[data-testid=provisional]').count(), 0, 'no "unsure" answer, so not provisional');
  },

  'a negative head count shows the error summary and stays on the question': async ({ page }) => {
    await page.goto('/#/');
    await startLeak(page, '入力エラーの確認');
    await answerAll(page, NO_GROUND_SO_FAR, { stopBefore: 'persons' });
    const q = page.locator('.question-page[data-question="persons"]');
    await q.waitFor();
    await fill(page, 'persons', '-3');
    await page.getByRole('button', { name: '次へ進む' }).click();

    const summary = page.locator('.error-summary');
    await summary.waitFor({ state: 'visible' });
    assert.match(await text(summary), /入力内容を確認してください/);
    assert.match(await text(summary), /人数は0以上の数で入力してください。/);
    assert.equal(await summary.getAttribute('role'), 'alert');
    assert.ok(await summary.evaluate((el) => el === document.activeElement), 'the error summary takes the focus');
    assert.equal(await page.locator('.question-page').getAttribute('data-question'), 'persons', 'still on the persons question');
    assert.equal(await q.locator('input.input-count').getAttribute('aria-invalid'), 'true');
    assert.equal(await q.locator('input.input-count').inputValue(), '-3', 'what was typed stays in the field');

    // Correcting the answer moves on.
    await fill(page, 'persons', '5');
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.waitForFunction(() => document.querySelector('.question-page')?.getAttribute('data-question') !== 'persons');
    assert.equal(await page.locator('.error-summary').count(), 0);
  },

  'the error summary link moves focus to the field and keeps the question': async ({ page }) => {
    await page.goto('/#/');
    await startLeak(page, 'エラーリンクの確認');
    await answerAll(page, NO_GROUND_SO_FAR, { stopBefore: 'persons' });
    await fill(page, 'persons', '-3');
    await page.getByRole('button', { name: '次へ進む' }).click();
    const link = page.locator('.error-summary a');
    await link.waitFor();
    const hashBefore = await page.evaluate(() => location.hash);
    await link.click();
    await page.waitForTimeout(300);
    assert.equal(
      await page.locator('.question-page').count(),
      1,
      `still on a question page (hash was ${hashBefore}, now ${await page.evaluate(() => location.hash)})`,
    );
    assert.equal(await page.locator('.question-page').getAttribute('data-question'), 'persons');
    assert.ok(await page.locator('#field-persons').evaluate((el) => el === document.activeElement), 'the count field has the focus');
  },
};
