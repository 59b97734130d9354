// Layout: no sideways scrolling on a 360 px phone, and larger type on a 1920 px projector.

import type { Locator, Page } from '@playwright/test';
import { answerCurrent, confirmAnswers, currentQuestion, mainHeading, questionOn, SENSITIVE_CASE, startLeak } from './app';
import { expect, test } from './fixtures';

/** Page width and the elements sticking out past the viewport's right edge (for the failure message). */
async function overflow(page: Page): Promise<{ scrollWidth: number; wide: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 0.5) {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        wide.push(`${el.tagName.toLowerCase()}${cls} (right ${Math.round(r.right)})`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 5) };
  });
}

async function expectNoSideScroll(page: Page, where: string, width: number): Promise<void> {
  const { scrollWidth, wide } = await overflow(page);
  expect(scrollWidth, `${where}: scrollWidth ${scrollWidth} > ${width}; too wide: ${wide.join(', ')}`).toBeLessThanOrEqual(width);
}

const fontSize = (locator: Locator) => locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test('a 360 px phone never scrolls sideways, on any question, the review or the outcome', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/#/');
  await expect(mainHeading(page)).toBeVisible();
  await expectNoSideScroll(page, 'home page', 360);
  await startLeak(page, 'スマートフォン幅での表示確認のための少し長めの判定の名前');
  let questions = 0;
  for (let id = await currentQuestion(page); id && questions < 40; id = await currentQuestion(page), questions++) {
    await expectNoSideScroll(page, `question ${id}`, 360);
    await answerCurrent(page, SENSITIVE_CASE);
  }
  await expect(mainHeading(page)).toHaveText('回答内容の確認');
  await expectNoSideScroll(page, 'review page', 360);
  await confirmAnswers(page);
  await expect(mainHeading(page)).toHaveText('報告対象です');
  await expectNoSideScroll(page, 'outcome page', 360);
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
  await expectNoSideScroll(page, 'question at 1920 wide', 1920);
});
