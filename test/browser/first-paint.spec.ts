// The first paint is static HTML made at build time: the home page and each start page show before the app's script
// has run (and with it blocked), and the app then draws the same screen in the same place — no shift, no loading line.

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { flowTitle, tx } from './texts';

const SCREENS = [
  { hash: '#/', heading: tx('ja', 'home.title') },
  { hash: '#/new/leak', heading: flowTitle('ja', 'leak') },
  { hash: '#/new/provision', heading: flowTitle('ja', 'provision') },
] as const;

/** The visible main heading's text and where it is drawn. */
const shownHeading = (page: Page) =>
  page.evaluate(() => {
    const h1 = [...document.querySelectorAll('h1')].find((h) => h.getClientRects().length > 0);
    const r = h1?.getBoundingClientRect();
    return { text: h1?.textContent?.trim() ?? null, top: r?.top ?? NaN, left: r?.left ?? NaN };
  });

for (const { hash, heading } of SCREENS) {
  test(`${hash} is drawn from the HTML alone, then by the app in the same place`, async ({ browser, baseURL }) => {
    // The app's script blocked: what shows is the prerendered page (a context of its own: the aborted script is
    // deliberate, and the guard of this test's context counts failed loads as problems).
    const context = await browser.newContext({ baseURL, serviceWorkers: 'block', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
    await page.goto(`/${hash}`);
    const still = await shownHeading(page);
    expect(still.text, 'the heading shown without the app').toBe(heading);
    expect(await page.locator('.prerendered').count(), 'the prerendered page is in place').toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').toBeLessThanOrEqual(360);
    await context.close();
  });
}

test('the app replaces the prerendered page with the same screen, its heading where it was', async ({ page, browser, baseURL }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const { hash, heading } of SCREENS) {
    await page.goto(`/${hash}`);
    await expect(page.locator('.prerendered')).toHaveCount(0);
    const live = await shownHeading(page);
    expect(live.text).toBe(heading);
    // The static page, measured on a copy of it whose script never runs (in a context of its own, as above).
    const other = await browser.newContext({ baseURL, serviceWorkers: 'block', viewport: { width: 360, height: 740 } });
    const copy = await other.newPage();
    await copy.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
    await copy.goto(`/${hash}`);
    const still = await shownHeading(copy);
    await other.close();
    expect({ top: live.top, left: live.left }, `${hash}: the heading moved when the app started`).toEqual({
      top: still.top,
      left: still.left,
    });
  }
});
