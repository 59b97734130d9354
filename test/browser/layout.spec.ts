// Layout: no sideways scrolling on a 360 px phone, and larger type on a 1920 px projector.

import type { Locator } from '@playwright/test';
import { expectNoSideScroll } from './a11y';
import { answerCurrent, confirmAnswers, currentQuestion, mainHeading, questionOn, SENSITIVE_CASE, startLeak } from './app';
import { expect, test } from './fixtures';

const fontSize = (locator: Locator) => locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test('a 360 px phone never scrolls sideways, on any question, the review or the outcome', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/#/');
  await expect(mainHeading(page)).toBeVisible();
  await expectNoSideScroll(page, 'home page');
  await startLeak(page, 'スマートフォン幅での表示確認のための少し長めの判定の名前');
  let questions = 0;
  for (let id = await currentQuestion(page); id && questions < 40; id = await currentQuestion(page), questions++) {
    await expectNoSideScroll(page, `question ${id}`);
    await answerCurrent(page, SENSITIVE_CASE);
  }
  await expect(mainHeading(page)).toHaveText('回答内容の確認');
  await expectNoSideScroll(page, 'review page');
  await confirmAnswers(page);
  await expect(mainHeading(page)).toHaveText('報告対象です');
  await expectNoSideScroll(page, 'outcome page');
});

test('a 1920 px projector shows the question heading larger than a 1000 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto('/#/');
  await startLeak(page, 'プロジェクター表示');
  const heading = mainHeading(page);
  const hint = questionOn(page).locator('.hint').first();
  const at1000 = await fontSize(heading);
  const body1000 = await fontSize(hint);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect.poll(() => fontSize(heading), { message: `heading at 1920 wide vs ${at1000}px at 1000 wide` }).toBeGreaterThan(at1000);
  await expect.poll(() => fontSize(hint), { message: `hint text at 1920 wide vs ${body1000}px at 1000 wide` }).toBeGreaterThan(body1000);
  await expectNoSideScroll(page, 'question at 1920 wide');
});
