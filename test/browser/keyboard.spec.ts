// Keyboard only (issue 12): a whole leak assessment, its PDF and a change of language with Tab, Shift+Tab, arrows, Space,
// Enter and typing — every control reached shows a focus indicator inside the viewport — and the save status, the
// provisional verdict and error messages reach screen readers through live regions.

import type { Locator, Page } from '@playwright/test';
import { currentQuestion, mainHeading, questionOn, SENSITIVE_CASE } from './app';
import { expectFocusShown, type FocusSeen } from './a11y';
import { expect, test } from './fixtures';
import { flowTitle, hasText, keysUnder, pageLang, tx } from './texts';

/** The sensitive-data leak with "not sure" for financial data: a provisional verdict. */
const FACTS: Record<string, unknown> = { ...SENSITIVE_CASE, financial: 'unsure' };
const TITLE = 'キーボードだけで判定';
const REASON = '委託先の調査報告による';

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking after every press that whatever has focus shows it and
 * is inside the viewport.
 */
async function tabTo(page: Page, target: Locator, step: string, { back = false, max = 80 } = {}): Promise<FocusSeen> {
  await expect(target, `${step}: the control to reach`).toBeVisible();
  const key = back ? 'Shift+Tab' : 'Tab';
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(key);
    const seen = await expectFocusShown(page, `${step} (${key} ×${i})`);
    if (await target.evaluate((el) => el === document.activeElement)) return seen;
  }
  throw new Error(`${step}: not reached after ${max} × ${key}`);
}

/** Presses `key` and checks that the control with focus afterwards still shows it, inside the viewport. */
async function press(page: Page, key: string, step: string): Promise<void> {
  await page.keyboard.press(key);
  await expectFocusShown(page, `${step} (${key})`);
}

/**
 * Marks the live regions on the page now — role status, alert or log, or aria-live other than off — that are rendered
 * (a region under display: none is not in the accessibility tree, so text put into it later is not announced).
 */
async function markLiveRegions(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const el of document.querySelectorAll('[data-a11y-live]')) el.removeAttribute('data-a11y-live');
    for (const el of document.querySelectorAll('[role=status], [role=alert], [role=log], [aria-live]')) {
      if (el.getAttribute('aria-live') === 'off' || !el.checkVisibility({ visibilityProperty: true })) continue;
      el.setAttribute('data-a11y-live', '');
      n++;
    }
    return n;
  });
}

/**
 * How `text` on the page reaches a screen reader: whether it sits in a polite live region that was already there when
 * markLiveRegions ran (text added to an existing region is announced; a polite region inserted with its text is not),
 * or in an alert (role=alert is announced when inserted, which is what it is for).
 */
async function announcedBy(page: Page, text: string): Promise<{ region: string; present: boolean; alert: boolean } | null> {
  return page.evaluate((wanted) => {
    const regions = document.querySelectorAll('[role=status], [role=alert], [role=log], [aria-live]:not([aria-live=off])');
    for (const el of regions) {
      if (!(el.textContent ?? '').replace(/\s+/g, ' ').includes(wanted)) continue;
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return {
        region: `${el.tagName.toLowerCase()}${cls}[role=${el.getAttribute('role') ?? ''}][aria-live=${el.getAttribute('aria-live') ?? ''}]`,
        present: el.hasAttribute('data-a11y-live'),
        alert: el.getAttribute('role') === 'alert' || el.getAttribute('aria-live') === 'assertive',
      };
    }
    return null;
  }, text);
}

async function expectAnnouncedPolitely(page: Page, text: string, what: string): Promise<void> {
  await expect
    .poll(async () => (await announcedBy(page, text))?.present ?? false, {
      message: `${what}: "${text}" is put into a live region that was on the page before (found: ${JSON.stringify(await announcedBy(page, text))})`,
    })
    .toBe(true);
}

/**
 * Types a date into Chromium's date field, segment by segment. The segments' order follows the browser's own language
 * (year-month-day in Japanese, month/day/year in US English), which a page cannot read: each order is tried, leaving the
 * field and coming back to its first segment between tries. The year takes up to six digits, so → moves on from it.
 */
async function typeDate(page: Page, field: Locator, value: string, id: string): Promise<void> {
  const [y = '', m = '', d = ''] = value.split('-');
  const orders = [
    [y, m, d],
    [m, d, y],
    [d, m, y],
  ];
  for (const [i, order] of orders.entries()) {
    if (i > 0) {
      for (let n = 0; n < 4 && (await field.evaluate((el) => el === document.activeElement)); n++) await page.keyboard.press('Shift+Tab');
      await press(page, 'Tab', `question ${id}: back into the date field`);
    }
    for (const part of order) {
      await page.keyboard.type(part);
      if (part === y && part !== order.at(-1)) await press(page, 'ArrowRight', `question ${id}: past the year`);
    }
    if ((await field.inputValue()) === value) return;
  }
  throw new Error(`question ${id}: could not type ${value} into the date field (it shows "${await field.inputValue()}")`);
}

/** Answers the question on screen with the keyboard alone, and moves on with Enter on Continue. */
async function answerByKeyboard(page: Page, id: string, value: unknown, arrived = true): Promise<void> {
  const lang = await pageLang(page);
  const q = questionOn(page, id);
  if (arrived) await expect(q.getByRole('heading', { level: 1 }), `question ${id} takes the focus`).toBeFocused();

  if (Array.isArray(value)) {
    const boxes = q.getByRole('checkbox');
    const options = keysUnder(lang, `leak:options.${id}`);
    await tabTo(page, boxes.first(), `question ${id}: the first checkbox`);
    for (let i = 0; i < options.length; i++) {
      if (i > 0) await press(page, 'Tab', `question ${id}: checkbox ${i + 1}`);
      if (value.includes(options[i])) await press(page, 'Space', `question ${id}: tick ${options[i]}`);
    }
    for (const o of options) await expect(boxes.nth(options.indexOf(o))).toBeChecked({ checked: value.includes(o) });
  } else if (typeof value === 'string' && (hasText(lang, `leak:options.${id}.${value}.label`) || hasText(lang, `tri.${value}`))) {
    // A radio group is one tab stop: Tab enters it on its first option, the arrow keys move and choose.
    const radios = q.getByRole('radio');
    const values = await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const wanted = values.indexOf(value);
    await tabTo(page, radios.first(), `question ${id}: the radio group`);
    if (wanted === 0) await press(page, 'Space', `question ${id}: choose ${value}`);
    for (let i = 0; i < wanted; i++) await press(page, 'ArrowDown', `question ${id}: move to ${values[i + 1]}`);
    await expect(radios.nth(wanted)).toBeChecked();
  } else if (id === 'knownOn') {
    await tabTo(page, q.getByLabel(tx(lang, 'question.dateLabel'), { exact: true }), `question ${id}: the date field`);
    await typeDate(page, q.getByLabel(tx(lang, 'question.dateLabel'), { exact: true }), String(value), id);
    await expect(q.getByLabel(tx(lang, 'question.dateLabel'), { exact: true })).toHaveValue(String(value));
  } else {
    const count = q.getByRole('textbox', { name: tx(lang, 'question.countLabel'), exact: true });
    await tabTo(page, count, `question ${id}: the count field`);
    await page.keyboard.type(String(value));
    // A reason beside the answer: the toggle opens the field, typed into like any other.
    const toggle = q.page().getByRole('button', { name: tx(lang, 'note.summary'), exact: true });
    await tabTo(page, toggle, `question ${id}: the reason toggle`);
    await press(page, 'Enter', `question ${id}: open the reason field`);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await tabTo(page, page.getByLabel(tx(lang, 'note.label'), { exact: true }), `question ${id}: the reason field`);
    await page.keyboard.type(REASON);
  }

  await tabTo(page, page.getByRole('button', { name: tx(lang, 'nav.continue'), exact: true }), `question ${id}: Continue`);
  await markLiveRegions(page);
  await page.keyboard.press('Enter');
  await expect(questionOn(page, id)).toHaveCount(0);
}

test('a whole leak assessment, its PDF and a change of language by keyboard alone, with focus always shown and status announced', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/#/');
  await expect(mainHeading(page)).toBeFocused();
  const ja = (key: string, params?: Record<string, string | number>) => tx('ja', key, params);

  await tabTo(page, page.getByRole('link', { name: flowTitle('ja', 'leak'), exact: true }).first(), 'home: the leak flow');
  await page.keyboard.press('Enter');
  await expect(mainHeading(page)).toHaveText(flowTitle('ja', 'leak'));
  await expect(mainHeading(page)).toBeFocused();
  await tabTo(page, page.getByLabel(ja('start.titleLabel'), { exact: true }), 'start page: the title field');
  await page.keyboard.type(TITLE);
  await tabTo(page, page.getByRole('button', { name: ja('start.begin'), exact: true }), 'start page: Begin');
  await page.keyboard.press('Enter');
  await expect(questionOn(page)).toBeVisible();

  // Continue with nothing chosen: the error summary is an alert, takes the focus and links to the field.
  const first = (await currentQuestion(page)) ?? '';
  await tabTo(page, page.getByRole('button', { name: ja('nav.continue'), exact: true }), 'empty answer: Continue');
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert', { name: ja('errors.summaryTitle'), exact: true });
  await expect(summary).toBeFocused();
  const message = ja('errors.not-option');
  expect(await announcedBy(page, message), 'the error message is in an alert').toMatchObject({ alert: true });
  await tabTo(page, summary.getByRole('link'), 'error summary: its link');
  await page.keyboard.press('Enter');
  await expectFocusShown(page, 'error summary link: focus on the field');
  await expect(questionOn(page, first).getByRole('radio').first()).toBeFocused();
  // Shift+Tab from the field goes back up the page to the summary's link.
  await tabTo(page, summary.getByRole('link'), 'back to the error summary', { back: true });

  // Every question, answered by keyboard; each save is said by the polite save status.
  let asked = 0;
  for (let id = await currentQuestion(page); id !== null; id = await currentQuestion(page)) {
    if (!(id in FACTS)) throw new Error(`unexpected question ${id}`);
    // The first question was refused once: focus is on the error summary's link, not on the heading.
    await answerByKeyboard(page, id, FACTS[id], asked > 0);
    await expect(
      questionOn(page)
        .or(mainHeading(page).filter({ hasText: ja('review.title') }))
        .first(),
    ).toBeVisible();
    if (asked++ === 0) await expectAnnouncedPolitely(page, ja('save.saved'), 'the save status after an answer');
    if (asked > 40) throw new Error('no review page after 40 answers');
  }

  await expect(mainHeading(page)).toHaveText(ja('review.title'));
  await expect(mainHeading(page)).toBeFocused();
  await expect(page.getByText(REASON)).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: ja('review.confirm'), exact: true }), 'review: Confirm');
  await markLiveRegions(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('provisional')).toBeVisible();
  await expect(mainHeading(page)).toBeFocused();
  await expectAnnouncedPolitely(page, ja('provisional.title'), 'the provisional verdict');

  // The PDF, by keyboard; "done" is said by the status under the button.
  await tabTo(page, page.getByRole('button', { name: ja('outcome.pdf'), exact: true }), 'outcome: the PDF button');
  await markLiveRegions(page);
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  await expectAnnouncedPolitely(page, ja('outcome.pdfDone'), 'the PDF written');

  // Back up the page to the language button, and switch with Space: the page is in English, the button keeps focus.
  const switcher = page.getByRole('button', { name: ja('lang.switchTo'), exact: true });
  await tabTo(page, switcher, 'outcome: back to the language button', { back: true, max: 150 });
  await press(page, 'Space', 'the language button');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(mainHeading(page)).toHaveText(tx('en', 'leak:outcomes.reportable.title'));
  await expect(page.getByRole('button', { name: tx('en', 'lang.switchTo'), exact: true })).toBeFocused();
});

test('the skip link moves focus to the main content and keeps the screen', async ({ page }) => {
  // The app routes on the URL hash: following href="#main" would leave the screen for the home page (Frame.svelte moves
  // focus to <main> instead, without changing the hash).
  await page.goto('/#/new/leak');
  await expect(mainHeading(page)).toBeFocused();
  const skip = page.getByRole('link', { name: tx('ja', 'nav.skip'), exact: true });
  await tabTo(page, skip, 'start page: back to the skip link', { back: true });
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(mainHeading(page), 'still on the start page').toHaveText(flowTitle('ja', 'leak'));
});
