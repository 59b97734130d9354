// Steps shared by the browser tests and the bench: start an assessment, answer questions as a person would (by the labels on
// screen), reach the review page, go offline. Every wait is a web-first assertion; nothing sleeps.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { leakFacts } from '../fixtures/leak-facts';
import { ROOT } from './harness';
import { flowTitle, hasText, keysUnder, pageLang, textsOf, tx, type Lang } from './texts';

/** Answers by fact id, as in the fixtures and scenario packs. */
export type Answers = Readonly<Record<string, unknown>>;

/** A reportable business case (sensitive data, one person); final report due Mon 5 Jan 2026 after the year-end closure. */
// Built from the unit tests' leak fixture; not wrongful, so the ransomware question is never asked.
export const SENSITIVE_CASE = leakFacts({ sensitive: 'yes', persons: 1, knownOn: '2025-12-05' }, ['ransomware']);

/** shared/cases/basics-leak.json "lk-payroll-saas-ransomware", read from the public pack itself: wrongful, with My Number
 * data and at a contractor, so the final report is due on day 60 (7 May 2026). */
export const RANSOMWARE_CASE = scenarioFacts('basics-leak.json', 'lk-payroll-saas-ransomware');

function scenarioFacts(pack: string, id: string): Answers {
  const { scenarios } = JSON.parse(readFileSync(join(ROOT, '..', 'shared', 'cases', pack), 'utf8')) as {
    scenarios: { id: string; facts: Answers }[];
  };
  const found = scenarios.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id} in ../shared/cases/${pack}`);
  return found.facts;
}

/** The question on screen (any question, or the one with fact id `id`). */
export const questionOn = (page: Page, id?: string): Locator => page.locator(id ? `[data-question="${id}"]` : '[data-question]');

/** The id of the question on screen, or null (does not wait). */
export async function currentQuestion(page: Page): Promise<string | null> {
  const q = questionOn(page);
  return (await q.count()) ? q.getAttribute('data-question') : null;
}

/** The page's main heading (question, review, outcome, home and case pages each have one h1). */
export const mainHeading = (page: Page): Locator => page.getByRole('heading', { level: 1 });

/** The "check your answers" page's heading, in the page's language. */
const reviewHeading = (page: Page, lang: Lang): Locator =>
  page.getByRole('heading', { level: 1, name: tx(lang, 'review.title'), exact: true });

/** From the home page: open the leak flow, name the assessment, begin; resolves on the first question. */
export async function startLeak(page: Page, title: string): Promise<void> {
  // The flow's card comes before any saved assessment that might carry the same name.
  await page
    .getByRole('link', { name: flowTitle(await pageLang(page), 'leak'), exact: true })
    .first()
    .click();
  await startFlow(page, title);
}

/** On a flow's start page: name the assessment (unless `title` is undefined), begin; resolves on the first question. */
export async function startFlow(page: Page, title?: string): Promise<void> {
  const t = await textsOf(page);
  if (title !== undefined) await page.getByLabel(t('start.titleLabel'), { exact: true }).fill(title);
  await page.getByRole('button', { name: t('start.begin'), exact: true }).click();
  await expect(questionOn(page)).toBeVisible();
}

/** The label of option `option` of question `id`: the flow's own option text, else the common yes / no / not sure. */
function optionLabel(lang: Lang, flow: string, id: string, option: string): string {
  if (hasText(lang, `${flow}:options.${id}.${option}.label`)) return tx(lang, `${flow}:options.${id}.${option}.label`);
  if (hasText(lang, `tri.${option}`)) return tx(lang, `tri.${option}`);
  throw new Error(`question ${id} of ${flow}: no option ${option} in locales/${lang}`);
}

const isDate = (v: unknown) => v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));

/**
 * Fills the answer for question `id` of `flow` the way a person would — choosing options by their labels, typing counts and
 * dates into the labelled fields — without submitting.
 */
export async function fill(page: Page, id: string, value: unknown, flow = 'leak'): Promise<void> {
  await fillIn(page, await pageLang(page), id, value, flow);
}

async function fillIn(page: Page, lang: Lang, id: string, value: unknown, flow: string): Promise<void> {
  const t = (key: string) => tx(lang, key);
  const q = questionOn(page, id);
  await expect(q).toBeVisible();

  if (Array.isArray(value)) {
    // A picker: tick exactly the wanted boxes, untick the others (a carried-over or earlier answer may have ticked some).
    const options = keysUnder(lang, `${flow}:options.${id}`);
    for (const v of value as unknown[]) {
      if (!options.includes(String(v))) throw new Error(`question ${id} of ${flow}: no option ${String(v)} (has ${options.join(', ')})`);
    }
    let shown = 0;
    for (const o of options) {
      const box = q.getByRole('checkbox', { name: optionLabel(lang, flow, id, o), exact: true });
      if ((await box.count()) === 0) continue;
      shown++;
      await box.setChecked(value.includes(o));
    }
    if (shown === 0) throw new Error(`question ${id} of ${flow}: no checkbox labelled as one of its options (${options.join(', ')})`);
    return;
  }

  // One of several options (yes / no / not sure, or the flow's own), chosen by its label.
  if (typeof value === 'string' && (hasText(lang, `${flow}:options.${id}.${value}.label`) || hasText(lang, `tri.${value}`))) {
    await q.getByRole('radio', { name: optionLabel(lang, flow, id, value), exact: true }).check();
    return;
  }

  if (id === 'knownOn' || isDate(value)) {
    const blank = q.getByRole('checkbox', { name: t('question.dateBlank'), exact: true });
    if (value === null) await blank.check();
    else {
      if ((await blank.count()) && (await blank.isChecked())) await blank.uncheck();
      await q.getByLabel(t('question.dateLabel'), { exact: true }).fill(String(value));
    }
    return;
  }

  // Counts: a number, "unknown", or text typed as a person would (to try refused input).
  const count = q.getByRole('textbox', { name: t('question.countLabel'), exact: true });
  const unknown = q.getByRole('checkbox', { name: t('question.countUnknown'), exact: true });
  if (value === 'unknown') await unknown.check();
  else {
    if (await unknown.isChecked()) await unknown.uncheck();
    await count.fill(String(value));
  }
}

/** Asserts which options of question `id` are chosen (radios or checkboxes, by their labels), and that nothing else is. */
export async function expectChosen(page: Page, id: string, options: readonly string[], flow = 'leak'): Promise<void> {
  const lang = await pageLang(page);
  const q = questionOn(page, id);
  await expect(q).toBeVisible();
  await expect(
    q.getByRole('radio', { checked: true }).or(q.getByRole('checkbox', { checked: true })),
    `options chosen on ${id}`,
  ).toHaveCount(options.length);
  for (const o of options) {
    const name = optionLabel(lang, flow, id, o);
    await expect(
      q.getByRole('radio', { name, exact: true }).or(q.getByRole('checkbox', { name, exact: true })),
      `${id}: ${o}`,
    ).toBeChecked();
  }
}

/** Clicks Continue and waits until another question or the review page replaces the question; a refusal throws with its message. */
export async function submit(page: Page): Promise<void> {
  await submitIn(page, await pageLang(page), await currentQuestion(page));
}

async function submitIn(page: Page, lang: Lang, id: string | null): Promise<void> {
  await page.getByRole('button', { name: tx(lang, 'nav.continue'), exact: true }).click();
  const next = id ? page.locator(`[data-question]:not([data-question="${id}"])`) : questionOn(page);
  const refused = page.getByRole('alert', { name: tx(lang, 'errors.summaryTitle'), exact: true });
  await expect(next.or(reviewHeading(page, lang)).or(refused).first(), `the question after ${id}`).toBeVisible();
  if (await refused.isVisible()) throw new Error(`question ${id} refused the answer: ${(await refused.innerText()).replace(/\s+/g, ' ')}`);
}

/** Answers the question on screen from `facts`; throws if the app asks something the facts do not answer. */
export async function answerCurrent(page: Page, facts: Answers, flow = 'leak'): Promise<string> {
  const id = await currentQuestion(page);
  if (!id) throw new Error('no question on screen');
  await answer(page, await pageLang(page), id, facts, flow);
  return id;
}

async function answer(page: Page, lang: Lang, id: string, facts: Answers, flow: string): Promise<void> {
  if (!(id in facts)) throw new Error(`unexpected question "${id}" (the answers given: ${Object.keys(facts).join(', ')})`);
  await fillIn(page, lang, id, facts[id], flow);
  await submitIn(page, lang, id);
}

/** Answers questions until the review page shows, or `stopBefore` is on screen; returns the ids answered in order. */
export async function answerAll(page: Page, facts: Answers, { flow = 'leak', stopBefore }: { flow?: string; stopBefore?: string } = {}) {
  const asked: string[] = [];
  const lang = await pageLang(page);
  const review = reviewHeading(page, lang);
  for (let i = 0; i < 60; i++) {
    await expect(questionOn(page).or(review).first()).toBeVisible();
    const id = await currentQuestion(page);
    if (id === null) return asked;
    if (id === stopBefore) return asked;
    await answer(page, lang, id, facts, flow);
    asked.push(id);
  }
  throw new Error(`no review page after 60 answers (asked: ${asked.join(', ')})`);
}

/** On the review page: confirm, and wait for the outcome page. */
export async function confirmAnswers(page: Page): Promise<Locator> {
  const t = await textsOf(page);
  await page.getByRole('button', { name: t('review.confirm'), exact: true }).click();
  const outcome = page.locator('[data-outcome]');
  await expect(outcome).toBeVisible();
  return outcome;
}

/** Waits until the latest autosave has been written to IndexedDB (the polite "saved on this device" status). */
export async function saved(page: Page): Promise<void> {
  await expect(page.locator('[data-save-status]')).toHaveAttribute('data-save-status', 'saved');
}

/** Clicks Back on a question and waits for question `to`. */
export async function back(page: Page, to: string): Promise<void> {
  const t = await textsOf(page);
  await page.getByRole('button', { name: t('nav.back'), exact: true }).click();
  await expect(questionOn(page)).toHaveAttribute('data-question', to);
}

/**
 * Loads the app, waits until the service worker has precached everything and controls the page, then takes the browser
 * offline. Returns the lists that collect failed requests and responses not served by the worker from then on.
 */
export async function installAndGoOffline(page: Page, origin: string): Promise<{ failed: string[]; fromNetwork: string[] }> {
  const context = page.context();
  await page.goto('/#/');
  await expect(mainHeading(page)).toBeVisible();
  // ready resolves once a worker is activating, i.e. after the precache install; wait for it to finish activating.
  const state = await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    while (worker && worker.state === 'activating') await new Promise((r) => worker.addEventListener('statechange', r, { once: true }));
    return worker?.state;
  });
  expect(state, 'service worker active').toBe('activated');
  await page.reload();
  await expect(mainHeading(page)).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      message: 'page controlled by the service worker after a reload',
    })
    .toBe(true);
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
    return urls;
  });
  for (const ext of ['.ttf', '.wasm', '.js', '.css', 'index.html']) {
    expect(
      cached.some((u) => new URL(u).pathname.endsWith(ext)),
      `precache holds a ${ext} file (has ${cached.length} entries)`,
    ).toBe(true);
  }

  // From here on nothing may reach the network: every response must come from the service worker.
  await context.setOffline(true);
  const failed: string[] = [];
  const fromNetwork: string[] = [];
  context.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
  context.on('response', (r) => {
    const url = r.url();
    if (url.startsWith(origin) && !r.fromServiceWorker() && !r.request().serviceWorker()) fromNetwork.push(url);
  });
  expect(await page.evaluate(() => navigator.onLine), 'the browser reports offline').toBe(false);
  return { failed, fromNetwork };
}

/** Starts a leak assessment from the home page and answers its first `n` questions (all, and confirms, when n is undefined). */
export async function saveLeak(page: Page, title: string, n?: number): Promise<void> {
  await page.goto('/#/');
  await startLeak(page, title);
  if (n === undefined) {
    await answerAll(page, SENSITIVE_CASE);
    await confirmAnswers(page);
  } else for (let i = 0; i < n; i++) await answerCurrent(page, SENSITIVE_CASE);
  await saved(page);
}
