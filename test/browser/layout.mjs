// Browser tests of layout: no sideways scrolling on a 360 px phone, and larger type on a 1920 px projector.

import assert from 'node:assert/strict';
import { answerCurrent, currentQuestion, SENSITIVE_CASE, startLeak } from './app.mjs';

/** Page width and the elements sticking out past the viewport's right edge (for the failure message). */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
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

async function expectNoSideScroll(page, where) {
  const { scrollWidth, wide } = await overflow(page);
  assert.ok(scrollWidth <= 360, `${where}: scrollWidth ${scrollWidth} > 360; too wide: ${wide.join(', ')}`);
}

const fontSize = (locator) => locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

export const tests = {
  'a 360 px phone never scrolls sideways, on any question, the review or the outcome': async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/#/');
    await page.locator('.home-page').waitFor();
    await expectNoSideScroll(page, 'home page');
    await startLeak(page, 'スマートフォン幅での表示確認のための少し長めの判定の名前');
    for (let i = 0; i < 40 && (await currentQuestion(page)); i++) {
      await expectNoSideScroll(page, `question ${await currentQuestion(page)}`);
      await answerCurrent(page, SENSITIVE_CASE);
    }
    await page.locator('.review-page').waitFor();
    await expectNoSideScroll(page, 'review page');
    await page.getByRole('button', { name: 'この内容で判定する' }).click();
    await page.locator('.outcome-page').waitFor();
    await expectNoSideScroll(page, 'outcome page');
  },

  'a 1920 px projector shows the question heading larger than a 1000 px screen': async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto('/#/');
    await startLeak(page, 'プロジェクター表示');
    const heading = page.locator('.question-page .question-heading');
    const at1000 = await fontSize(heading);
    const body1000 = await fontSize(page.locator('.question-page .hint').first());
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page
      .waitForFunction((px) => parseFloat(getComputedStyle(document.querySelector('.question-heading')).fontSize) !== px, at1000, {
        timeout: 2000,
      })
      .catch(() => {});
    const at1920 = await fontSize(heading);
    const body1920 = await fontSize(page.locator('.question-page .hint').first());
    assert.ok(at1920 > at1000, `heading ${at1920}px at 1920 wide vs ${at1000}px at 1000 wide`);
    assert.ok(body1920 > body1000, `hint text ${body1920}px at 1920 wide vs ${body1000}px at 1000 wide`);
    await expectNoSideScrollWide(page);
  },
};

async function expectNoSideScrollWide(page) {
  const { scrollWidth } = await overflow(page);
  assert.ok(scrollWidth <= 1920, `scrollWidth ${scrollWidth} at 1920 wide`);
}
