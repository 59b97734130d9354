// Free text is always text (issue 12): hostile names, titles and reasons typed into every free-text field show as the
// exact text on every screen (no element made of them, no script run, no javascript: link), keep a right-to-left
// override inside the user's words, and come back exactly from the JSON, PDF and calendar files and a re-import.

import { readFile } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ASSESSOR, CASE_TITLE, IMPORTED_TITLE, NOTE, PAYLOADS, pdfVisible, REVIEWER, TITLE } from '../fixtures/payloads';
import { readIcs, valuesOf } from '../report/ics-reader';
import { answerAll, answerCurrent, confirmAnswers, mainHeading, SENSITIVE_CASE, saved, startFlow } from './app';
import { expect, test } from './fixtures';
import { ROOT } from './harness';
import { downloadPdf, pdfText } from './pdf';
import { tx } from './texts';

const t = (key: string, params?: Record<string, string | number>) => tx('ja', key, params);
const FSI = '\u2068';
const PDI = '\u2069';
/** How a sentence of the app's words holds the user's text (src/ui/isolate.ts): isolated, exactly as typed. */
const isolated = (s: string) => `${FSI}${s}${PDI}`;
/** The name typed on the start page; the record panel renames it to TITLE. */
const START_TITLE = `${PAYLOADS.attributeBreak}${PAYLOADS.img} ${PAYLOADS.zeroWidth}`;

/**
 * Nothing on the page was made from the user's text: no element a payload would create (the app itself renders none
 * of these in <body>; index.html's own first-paint script is the one element of these kinds it serves there), no inline
 * event handler, no javascript: link, and no payload ran.
 */
async function expectInert(page: Page, where: string): Promise<void> {
  const seen = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.localName === 'script' && el.getAttribute('src') === '/first-paint.js') continue;
      if (/^(img|svg|script|iframe|object|embed|image)$/i.test(el.localName)) found.push(`<${el.localName}>`);
      for (const a of el.attributes) if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}="${a.value}">`);
    }
    for (const a of document.querySelectorAll('[href]')) {
      const href = a.getAttribute('href') ?? '';
      if (/^\s*javascript:/i.test(href)) found.push(`<${a.localName} href="${href}">`);
    }
    return { found, xss: (window as { __xss?: unknown }).__xss ?? null };
  });
  expect(seen.found, `${where}: elements made from the user's text`).toEqual([]);
  expect(seen.xss, `${where}: window.__xss (set only if a payload ran)`).toBeNull();
}

/** The exact text of every element that shows the user's words on its own (<bdi>, .user-text) under `scope`. */
const userTexts = (scope: Locator) => scope.evaluate((el) => [...el.querySelectorAll('bdi, .user-text')].map((e) => e.textContent));
/** The exact text of `loc` (toHaveText would fold whitespace, and U+FEFF with it). */
const textOf = (loc: Locator) => loc.evaluate((el) => el.textContent ?? '');

async function expectShown(scope: Locator, value: string, what: string): Promise<void> {
  await expect.poll(() => userTexts(scope), { message: `${what} shown as its exact text` }).toContain(value);
}

/**
 * The app's own `words`, after the user's text in the same sentence, read left to right on screen: each character
 * to the right of the one before it on the same line. An override leaking out of the user's text would mirror them.
 */
async function expectReadsLeftToRight(scope: Locator, words: string, what: string): Promise<void> {
  const boxes = await scope.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(w);
      if (at < 0) continue;
      return [...w].map((_, i) => {
        const r = document.createRange();
        r.setStart(n, at + i);
        r.setEnd(n, at + i + 1);
        const box = r.getBoundingClientRect();
        return { x: box.left, y: box.top };
      });
    }
    return null;
  }, words);
  expect(boxes, `${what}: the words 「${words}」 on screen`).not.toBeNull();
  const pairs = (boxes ?? []).slice(1).map((b, i) => [boxes?.[i] ?? b, b] as const);
  const sameLine = pairs.filter(([a, b]) => Math.abs(a.y - b.y) < 2);
  expect(sameLine.length, `${what}: 「${words}」 mostly on one line`).toBeGreaterThanOrEqual(words.length - 2);
  const mirrored = sameLine.filter(([a, b]) => !(b.x > a.x)).map(([a, b]) => `${a.x.toFixed(0)}→${b.x.toFixed(0)}`);
  expect(mirrored, `${what}: 「${words}」 read left to right after the user's text (x of each next character)`).toEqual([]);
}

/** Clicks `button` and returns the downloaded file's text (saved as `saveAs` in the test's output when given). */
async function downloadText(page: Page, button: string, saveAs?: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const download = await downloading;
  if (saveAs) await download.saveAs(saveAs);
  return readFile(await download.path(), 'utf8');
}

/** The calendar's SUMMARY values as a calendar program reads them, after checking the file is well-formed RFC 5545. */
function calendarSummaries(ics: string): string[] {
  const read = readIcs(ics);
  expect(read.problems, 'the calendar file is well-formed (escaped TEXT, CRLF lines of at most 75 octets)').toEqual([]);
  return valuesOf(read, 'SUMMARY').sort();
}
const expectedSummaries = (title: string) =>
  ['report-final', 'report-preliminary'].map((duty) => t('calendar.summary', { duty: t(`leak:duties.${duty}.title`), title })).sort();

/** Opens the backup screen and reads `file` for a restore; resolves on the restore preview. */
async function previewRestore(p: Page, file: string): Promise<Locator> {
  await p.goto('/#/backup');
  await expect(mainHeading(p)).toHaveText(t('records:backup.title'));
  await p.getByLabel(t('records:backup.restore.choose')).setInputFiles(file);
  const plan = p.getByTestId('restore-plan');
  await expect(plan).toBeVisible();
  return plan;
}

/** Confirms the restore, then opens the restored assessment from the library; resolves on its result page. */
async function restoreAndOpen(p: Page): Promise<Locator> {
  await p.getByRole('button', { name: t('records:backup.restore.confirm') }).click();
  await expect(p.getByTestId('restore-done')).toBeVisible();
  await p.goto('/#/library');
  await p.locator('[data-kind="assessment"] a').click();
  const outcome = p.locator('[data-outcome]');
  await expect(outcome).toBeVisible();
  return outcome;
}

test('hostile text typed into every free-text field stays text: screens, PDF, JSON, calendar and a re-import', async ({
  page,
  baseURL,
}, testInfo) => {
  page.on('dialog', (d) => void d.accept());

  // A case named with a javascript: URL, an override and a zero-width space.
  await page.goto('/#/');
  await page.getByLabel(t('case.titleLabel'), { exact: true }).fill(CASE_TITLE);
  await page.getByRole('button', { name: t('case.create'), exact: true }).click();
  await expect(page.locator('[data-case]')).toBeVisible();
  expect(await textOf(mainHeading(page)), 'case page heading').toBe(CASE_TITLE);
  await expectInert(page, 'case page');

  // Its first check: the start page quotes the case name in a sentence; the app's words after it stay in order.
  await page.locator('[data-add-flow="leak"]').click();
  const inCase = page.getByTestId('start-case');
  await expect(inCase).toBeVisible();
  expect(await textOf(inCase)).toBe(t('case.inCase', { title: isolated(CASE_TITLE) }));
  await expectReadsLeftToRight(inCase, t('case.inCase', { title: '' }).split('」')[1] ?? '', 'start page, after the case name');
  await startFlow(page, START_TITLE);
  await expectInert(page, 'first question');

  // The reason beside the first answer: every payload, one per line.
  await page.getByRole('button', { name: t('note.summary'), exact: true }).click();
  await page.getByLabel(t('note.label'), { exact: true }).fill(NOTE);
  const first = await answerCurrent(page, SENSITIVE_CASE);
  await answerAll(page, SENSITIVE_CASE);
  const note = page.locator(`[data-fact="${first}"]`).getByTestId('answer-note');
  expect(await textOf(note.locator('bdi')), 'the reason on the review page').toBe(NOTE);
  await expectInert(page, 'review page');

  const outcome = await confirmAnswers(page);
  await expectShown(outcome.locator('.caption'), START_TITLE, 'title on the result page');
  await expectShown(outcome, NOTE, 'reason on the result page');
  await expectInert(page, 'result page');

  // The record renamed, and who assessed and who reviewed.
  await page.getByLabel(t('record.name'), { exact: true }).fill(TITLE);
  await page.getByLabel(t('record.assessor'), { exact: true }).fill(ASSESSOR);
  await page.getByLabel(t('record.reviewer'), { exact: true }).fill(REVIEWER);
  await page.getByRole('button', { name: t('record.save'), exact: true }).click();
  await expect(page.getByTestId('record-panel').getByRole('status')).toHaveText(t('record.saved'));
  await saved(page);
  const history = page.getByTestId('history');
  await history.locator('summary').click();
  await expect.poll(() => textOf(history), { message: 'the history holds the names, isolated' }).toContain(isolated(ASSESSOR));
  expect(await textOf(history)).toContain(isolated(REVIEWER));
  expect(await textOf(history), 'the rename in the history').toContain(`${isolated(START_TITLE)} → ${isolated(TITLE)}`);
  await expectShown(outcome.locator('.caption'), TITLE, 'the new name on the result page');
  await expectInert(page, 'record panel and history');

  // JSON export: every field exactly as typed.
  const jsonFile = testInfo.outputPath('hostile.json');
  const json = JSON.parse(await downloadText(page, t('outcome.json'), jsonFile)) as {
    title: string;
    assessor: string;
    reviewer: string;
    answerNotes: Record<string, string>;
  };
  expect([json.title, json.assessor, json.reviewer, json.answerNotes[first]], 'JSON export').toEqual([TITLE, ASSESSOR, REVIEWER, NOTE]);

  // Calendar: the title in each entry's summary, escaped and folded, read back exactly.
  expect(calendarSummaries(await downloadText(page, t('outcome.ics'))), 'calendar summaries').toEqual(expectedSummaries(TITLE));

  // PDF: every field as text, and nothing in it to follow.
  const { bytes } = await downloadPdf(page, t('outcome.pdf'), testInfo.outputPath('hostile.pdf'));
  const { text: pdf } = await pdfText(bytes);
  for (const [what, value] of Object.entries({ TITLE, NOTE, ASSESSOR, REVIEWER })) {
    expect(pdf, `${what} as text in the PDF`).toContain(pdfVisible(value));
  }
  expect(new TextDecoder('latin1').decode(bytes), 'no link or script action in the PDF').not.toMatch(/\/(URI|JS|JavaScript|Launch)\b/);

  // Signed off: the reviewer named in a sentence whose words after the name stay in order.
  await page.getByRole('button', { name: t('record.signOff'), exact: true }).click();
  const signed = page.getByTestId('signed-off');
  await expect(signed).toBeVisible();
  expect(await textOf(signed.locator('p').first())).toContain(isolated(REVIEWER));
  await expectReadsLeftToRight(signed.locator('p').first(), 'この記録は変更できません', 'sign-off line, after the reviewer');
  for (const [what, value] of Object.entries({ TITLE, ASSESSOR, REVIEWER })) await expectShown(page.locator('.record-panel'), value, what);
  await expectInert(page, 'signed-off record');

  // The case page and its combined PDF.
  await page.getByTestId('back-to-case').click();
  await expect(page.locator('[data-case]')).toBeVisible();
  expect(await textOf(page.getByTestId('case-summary').locator('h3'))).toContain(isolated(TITLE));
  await expectInert(page, 'case page with its run');
  const { text: casePdf } = await pdfText((await downloadPdf(page, t('case.pdf'))).bytes);
  expect(casePdf, 'case name in the case PDF').toContain(pdfVisible(CASE_TITLE));
  expect(casePdf, 'run title in the case PDF').toContain(pdfVisible(TITLE));

  // The library lists the case (its runs are inside it) under its name.
  await page.goto('/#/library');
  await expect(mainHeading(page)).toHaveText(t('records:library.title'));
  await expectShown(page.getByRole('list', { name: t('records:library.listLabel') }), CASE_TITLE, 'case name in the library');
  await expectInert(page, 'library');
  await page.goto('/#/');
  await expectShown(page.getByTestId('case-list'), CASE_TITLE, 'case name on the home page');
  await expectInert(page, 'home page');

  // Re-import of the exported JSON in an empty profile: listed, restored and opened, still text.
  const fresh = await page.context().browser()?.newContext({ baseURL, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', serviceWorkers: 'block' });
  if (!fresh) throw new Error('no browser to open a second profile in');
  const other = await fresh.newPage();
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(String(e)));
  other.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
  await expectShown(await previewRestore(other, jsonFile), TITLE, 'title in the restore preview');
  await expectInert(other, 'restore preview');
  const reopened = await restoreAndOpen(other);
  await expectShown(reopened.locator('.caption'), TITLE, 'title after re-import');
  await expectShown(reopened, NOTE, 'reason after re-import');
  // Exported before the sign-off: the names are back in their fields, as typed.
  expect(await other.getByLabel(t('record.assessor'), { exact: true }).inputValue(), 'assessor after re-import').toBe(ASSESSOR);
  expect(await other.getByLabel(t('record.reviewer'), { exact: true }).inputValue(), 'reviewer after re-import').toBe(REVIEWER);
  await expectInert(other, 're-imported record');
  expect(errors, 'errors in the second profile').toEqual([]);
  await fresh.close();
});

test('a title only a file can carry (line breaks, CR LF) imports as text and goes to the calendar escaped', async ({ page }, testInfo) => {
  // The public version-4 fixture, renamed: an <input> drops line breaks, so only an imported file brings them.
  const env = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'envelope-v4.json'), 'utf8')) as Record<string, unknown>;
  const file = testInfo.outputPath('imported-title.json');
  writeFileSync(file, JSON.stringify({ ...env, title: IMPORTED_TITLE, assessor: ASSESSOR, answerNotes: { actor: PAYLOADS.multiline } }));

  await expectShown(await previewRestore(page, file), IMPORTED_TITLE, 'title in the restore preview');
  await expectInert(page, 'restore preview');
  const outcome = await restoreAndOpen(page);
  await expectShown(outcome.locator('.caption'), IMPORTED_TITLE, 'title on the result page');
  await expectShown(outcome, PAYLOADS.multiline, 'reason on the result page');
  await expectInert(page, 'imported record');
  // A line break in the title is \n in the calendar, never a raw one that could start a property of its own.
  expect(calendarSummaries(await downloadText(page, t('outcome.ics')))).toEqual(expectedSummaries(IMPORTED_TITLE.replace(/\r\n/g, '\n')));

  // The library: listed, found by searching for markup, and duplicated under a name the app's words wrap.
  await page.goto('/#/library');
  await expect(mainHeading(page)).toHaveText(t('records:library.title'));
  const list = page.getByRole('list', { name: t('records:library.listLabel') });
  await expectShown(list, IMPORTED_TITLE, 'title in the library');
  const search = page.getByRole('searchbox', { name: t('records:library.searchLabel') });
  await search.fill('該当しない語');
  await expect(list.getByRole('listitem'), 'a search for other words finds nothing').toHaveCount(0);
  await search.fill(PAYLOADS.script);
  await expect(list.getByRole('listitem'), 'the record found by the markup in its title').toHaveCount(1);
  await expectInert(page, 'library search');
  await search.fill('');
  await list.getByRole('button', { name: t('records:library.actions.duplicate') }).click();
  const notice = page.getByTestId('library-notice');
  const copyTitle = t('records:library.copyTitle', { title: IMPORTED_TITLE });
  await expectShown(notice, copyTitle, 'the copy’s title in the notice');
  await expectReadsLeftToRight(notice, t('records:library.duplicated', { title: '' }).split('」')[1] ?? '', 'notice, after the title');
  await expectShown(list, copyTitle, 'the copy in the library');
  await expectInert(page, 'library after duplicating');
});
