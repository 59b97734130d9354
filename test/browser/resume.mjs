// Browser tests of autosave: a reload mid-way, and closing the tab then reopening the assessment from the home page.

import assert from 'node:assert/strict';
import { answerCurrent, currentQuestion, QUESTION, saved, SENSITIVE_CASE, startLeak, text } from './app.mjs';

/** Answers the first `n` questions of SENSITIVE_CASE; returns their ids. */
async function answerFirst(page, n) {
  const ids = [];
  for (let i = 0; i < n; i++) ids.push(await answerCurrent(page, SENSITIVE_CASE));
  await saved(page);
  return ids;
}

/** The option id of the checked radio/checkboxes of the question on screen. */
async function checkedValues(page) {
  return page.locator(`${QUESTION} input:checked`).evaluateAll((els) => els.map((e) => e.value));
}

async function back(page) {
  const was = await currentQuestion(page);
  await page.getByRole('button', { name: '戻る' }).click();
  await page.waitForFunction((w) => document.querySelector('.question-page')?.getAttribute('data-question') !== w, was);
}

export const tests = {
  'a reload mid-way shows the same question with earlier answers kept': async ({ page }) => {
    await page.goto('/#/');
    await startLeak(page, '再読み込みの確認');
    const answered = await answerFirst(page, 4);
    assert.deepEqual(answered, ['actor', 'events', 'certainty', 'recoveredUnseen']);
    const at = await currentQuestion(page);
    assert.equal(at, 'dataKind');
    const hash = await page.evaluate(() => location.hash);

    await page.reload();
    await page.locator(QUESTION).waitFor();
    assert.equal(await page.evaluate(() => location.hash), hash, 'same address after reload');
    assert.equal(await currentQuestion(page), at, 'same question after reload');
    assert.equal(await text(page.locator('.caption')), `漏えい等が起きた — 質問 5`);
    assert.deepEqual(await checkedValues(page), [], 'the unanswered question has nothing selected');

    // Going back shows each earlier answer preselected.
    const expected = { recoveredUnseen: ['no'], certainty: ['confirmed'], events: ['leak'], actor: ['business'] };
    for (const id of ['recoveredUnseen', 'certainty', 'events', 'actor']) {
      await back(page);
      assert.equal(await currentQuestion(page), id);
      assert.deepEqual(await checkedValues(page), expected[id], `preselected answer of ${id}`);
    }
  },

  'a closed assessment is listed on the home page and reopens where it was left': async ({ context, page }) => {
    await page.goto('/#/');
    await startLeak(page, '閉じて再開する判定');
    await answerFirst(page, 6);
    const at = await currentQuestion(page);
    assert.equal(at, 'sensitive');
    await page.close();

    const again = await context.newPage();
    await again.goto('/#/');
    const item = again.locator('.saved-list .saved-item');
    await item.first().waitFor();
    assert.equal(await item.count(), 1, 'one saved assessment');
    assert.equal(await text(item.locator('.saved-title')), '閉じて再開する判定');
    assert.match(await text(item.locator('.saved-meta')), /漏えい等が起きた · 回答中/);

    await item.locator('.saved-title').click();
    await again.locator(QUESTION).waitFor();
    assert.equal(await currentQuestion(again), at, 'reopens on the question it was left at');
    await back(again);
    assert.equal(await currentQuestion(again), 'protected');
    assert.deepEqual(await checkedValues(again), ['no'], 'earlier answer kept');
    await back(again);
    assert.equal(await currentQuestion(again), 'dataKind');
    assert.deepEqual(await checkedValues(again), ['personal-data'], 'earlier answer kept');

    // And it can be finished from there.
    await again.getByRole('button', { name: '次へ進む' }).click();
    await again.waitForFunction(() => document.querySelector('.question-page')?.getAttribute('data-question') === 'protected');
    assert.deepEqual(await checkedValues(again), ['no'], 'the kept answer is still preselected after moving forward');
  },
};
