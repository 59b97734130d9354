// Autosave: a reload mid-way, and closing the tab then reopening the assessment from the home page.

import type { Page } from '@playwright/test';
import { answerCurrent, back, expectChosen, questionOn, saved, SENSITIVE_CASE, startLeak } from './app';
import { expect, test } from './fixtures';

/** Answers the first `n` questions of SENSITIVE_CASE and waits for the autosave; returns their ids. */
async function answerFirst(page: Page, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await answerCurrent(page, SENSITIVE_CASE));
  await saved(page);
  return ids;
}

test('a reload mid-way shows the same question with earlier answers kept', async ({ page }) => {
  await page.goto('/#/');
  await startLeak(page, '再読み込みの確認');
  expect(await answerFirst(page, 4)).toEqual(['actor', 'events', 'certainty', 'recoveredUnseen']);
  await expect(questionOn(page)).toHaveAttribute('data-question', 'dataKind');
  const address = page.url();

  await page.reload();
  await expect(page, 'same address after reload').toHaveURL(address);
  await expect(questionOn(page), 'same question after reload').toHaveAttribute('data-question', 'dataKind');
  await expect(questionOn(page).locator('.caption')).toHaveText('漏えい等が起きた — 質問 5');
  await expectChosen(page, 'dataKind', []);

  // Going back shows each earlier answer preselected.
  const expected = { recoveredUnseen: ['no'], certainty: ['confirmed'], events: ['leak'], actor: ['business'] };
  for (const [id, chosen] of Object.entries(expected)) {
    await back(page, id);
    await expectChosen(page, id, chosen);
  }
});

test('a closed assessment is listed on the home page and reopens where it was left', async ({ context, page }) => {
  await page.goto('/#/');
  await startLeak(page, '閉じて再開する判定');
  await answerFirst(page, 6);
  await expect(questionOn(page)).toHaveAttribute('data-question', 'sensitive');
  await page.close();

  const again = await context.newPage();
  await again.goto('/#/');
  const item = again.getByRole('listitem').filter({ has: again.getByRole('link', { name: '閉じて再開する判定', exact: true }) });
  await expect(item).toBeVisible();
  await expect(again.locator('.saved-item'), 'one saved assessment').toHaveCount(1);
  await expect(item).toContainText('漏えい等が起きた · 回答中');

  await item.getByRole('link', { name: '閉じて再開する判定', exact: true }).click();
  await expect(questionOn(again), 'reopens on the question it was left at').toHaveAttribute('data-question', 'sensitive');
  await back(again, 'protected');
  await expectChosen(again, 'protected', ['no']);
  await back(again, 'dataKind');
  await expectChosen(again, 'dataKind', ['personal-data']);

  // And it can be finished from there.
  await again.getByRole('button', { name: '次へ進む', exact: true }).click();
  await expect(questionOn(again)).toHaveAttribute('data-question', 'protected');
  await expectChosen(again, 'protected', ['no']);
});
