// Shared steps for the browser tests: start a leak assessment, answer questions like a user, reach the outcome.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const { leakFacts } = await tsImport('../fixtures/leak-facts.ts', import.meta.url);

export const ROOT_LOCALES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'locales');

/** A reportable business case (sensitive data, one person); final report due Mon 5 Jan 2026 after the year-end closure. */
// Built from the unit tests' leak fixture; not wrongful, so the ransomware question is never asked.
export const SENSITIVE_CASE = leakFacts({ sensitive: 'yes', persons: 1, knownOn: '2025-12-05' }, ['ransomware']);

/** shared/cases/basics-leak.json "lk-payroll-saas-ransomware", read from the public pack itself: wrongful, with My Number
 * data and at a contractor, so the final report is due on day 60 (7 May 2026). */
export const RANSOMWARE_CASE = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'cases', 'basics-leak.json'), 'utf8'),
).scenarios.find((s) => s.id === 'lk-payroll-saas-ransomware').facts;

export const QUESTION = '.question-page[data-question]';

/** The id of the question on screen, or null. */
export async function currentQuestion(page) {
  const el = await page.$(QUESTION);
  return el ? el.getAttribute('data-question') : null;
}

/** From the home page: open the leak flow, name the assessment, begin; resolves on the first question. */
export async function startLeak(page, title) {
  await page.locator('a[data-flow=leak]').click();
  await page.locator('#assessment-title').fill(title);
  await page.locator('.start-page form button[type=submit]').click();
  await page.locator(QUESTION).waitFor();
}

/** Fills the answer for question `id` the way a person would (clicking labels, typing), without submitting. */
export async function fill(page, id, value) {
  const q = page.locator(`.question-page[data-question="${id}"]`);
  await q.waitFor();
  if (id === 'knownOn' || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) || value === null) {
    const blank = q.locator('input[type=checkbox][id$="-blank"]');
    if (value === null) await blank.check();
    else {
      if ((await blank.count()) && (await blank.isChecked())) await blank.uncheck();
      await q.locator('input[type=date]').fill(value);
    }
    return;
  }
  // Counts: a number, "unknown", or text typed as a person would (to try refused input).
  if (typeof value === 'number' || value === 'unknown' || (await q.locator('input.input-count').count())) {
    const unknown = q.locator('input[type=checkbox][id$="-unknown"]');
    if (value === 'unknown') await unknown.check();
    else {
      if (await unknown.isChecked()) await unknown.uncheck();
      await q.locator('input.input-count').fill(String(value));
    }
    return;
  }
  // Radios and checkboxes carry the option id as their value property; click the visible label, as a user does.
  const boxes = await q
    .locator(`input[name="${id}"]`)
    .evaluateAll((els) => els.map((e) => ({ id: e.id, value: e.value, type: e.type, checked: e.checked })));
  if (boxes.length === 0) throw new Error(`question ${id}: no radio or checkbox inputs`);
  const wanted = Array.isArray(value) ? value : [value];
  for (const v of wanted) {
    if (!boxes.some((b) => b.value === v)) throw new Error(`question ${id}: no option ${v} (has ${boxes.map((b) => b.value).join(', ')})`);
  }
  for (const b of boxes) {
    const want = wanted.includes(b.value);
    if (b.checked !== want) await q.locator(`label[for="${b.id}"]`).click();
  }
}

/** Submits the question on screen and waits until another question (or the review page) replaces it. */
export async function submit(page) {
  const id = await currentQuestion(page);
  await page.locator('.question-page form button[type=submit]').click();
  await page.waitForFunction((was) => {
    const q = document.querySelector('.question-page[data-question]');
    return document.querySelector('.review-page') || document.querySelector('.error-summary') || (q && q.dataset.question !== was);
  }, id);
  const error = page.locator('.error-summary');
  if (await error.count()) throw new Error(`question ${id} refused the answer: ${(await error.innerText()).replace(/\s+/g, ' ')}`);
}

/** Answers the question on screen from `facts`; throws if the app asks something the facts do not answer. */
export async function answerCurrent(page, facts) {
  const id = await currentQuestion(page);
  if (!id) throw new Error('no question on screen');
  if (!(id in facts)) throw new Error(`unexpected question "${id}"`);
  await fill(page, id, facts[id]);
  await submit(page);
  return id;
}

/** Answers questions until the review page shows, or `stopBefore` is on screen; returns the ids answered in order. */
export async function answerAll(page, facts, { stopBefore } = {}) {
  const asked = [];
  for (let i = 0; i < 60; i++) {
    if (await page.locator('.review-page').count()) return asked;
    const id = await currentQuestion(page);
    if (id === null) {
      await page.waitForSelector(`${QUESTION}, .review-page`);
      continue;
    }
    if (id === stopBefore) return asked;
    asked.push(await answerCurrent(page, facts));
  }
  throw new Error(`no review page after 60 answers (asked: ${asked.join(', ')})`);
}

/** Waits until the latest autosave has been written to IndexedDB. */
export async function saved(page) {
  await page.locator('[data-save-status="saved"]').waitFor({ state: 'attached' });
}

/** The text of an element with runs of whitespace collapsed. */
export async function text(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Loads the app, waits until the service worker has precached everything and controls the page, then takes the
 * browser offline. Returns the lists that collect failed requests and responses not served by the worker.
 */
export async function installAndGoOffline({ context, page, origin }) {
  await page.goto('/#/');
  await page.locator('.home-page h1').waitFor();
  // ready resolves once a worker is activating, i.e. after the precache install; wait for it to finish activating.
  const state = await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    while (worker && worker.state === 'activating') await new Promise((r) => worker.addEventListener('statechange', r, { once: true }));
    return worker?.state;
  });
  assert.equal(state, 'activated', 'service worker active');
  await page.reload();
  await page.locator('.home-page h1').waitFor();
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'page controlled by the service worker after a reload');
  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
    return urls;
  });
  for (const ext of ['.ttf', '.wasm', '.js', '.css', 'index.html']) {
    assert.ok(
      cached.some((u) => new URL(u).pathname.endsWith(ext)),
      `precache holds a ${ext} file (has ${cached.length} entries)`,
    );
  }

  // From here on nothing may reach the network: every response must come from the service worker.
  await context.setOffline(true);
  const failed = [];
  const fromNetwork = [];
  context.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
  context.on('response', (r) => {
    const url = r.url();
    if (url.startsWith(origin) && !r.fromServiceWorker() && !r.request().serviceWorker()) fromNetwork.push(url);
  });
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser reports offline');
  return { failed, fromNetwork };
}
