// The library figures of the bench: 10,000 records seeded into the app's IndexedDB by the app's own storage code (compiled
// here from scripts/bench-library-seed.ts with Vite's build API and injected into the page — not part of any production
// bundle), then the home page, opening the library, and searching, timed in the page.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { ROOT } from '../test/browser/harness';
import type { SeedResult, SeedScenario } from './bench-library-seed';

export const LIBRARY_RECORDS = 10_000;
const WARM_OPENS = 5;
/** Queries typed into the library's search: titles, an answer as read, a reason (full-width ＰＤＦ found as "pdf"). */
const QUERIES = ['顧客名簿', '顧客名簿 誤送信', '個人データ', '台帳', 'pdf', '民間の事業者', 'ありえない語'];

export interface LibraryFigures {
  seed: SeedResult;
  seedScriptKb: number;
  homeMs: number;
  openColdMs: number;
  /** Until the list read again on opening is drawn. */
  freshColdMs: number;
  openWarmMs: number[];
  freshWarmMs: number[];
  searchFirstMs: number;
  searchMs: number[];
  clearMs: number[];
  counts: Record<string, string>;
  domNodes: number;
  rows: number;
  heapMb: number | null;
}

/**
 * A script of the app's own sources compiled to one IIFE (global `name`) to inject into the bench's page: the seed here,
 * the backup bench's page code too. Nothing of it is in dist/.
 */
export async function pageIife(entry: string, name: string): Promise<string> {
  const out = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry: join(ROOT, entry), formats: ['iife'], name, fileName: 'page' },
    },
  });
  for (const o of Array.isArray(out) ? out : [out])
    if ('output' in o) for (const chunk of o.output) if (chunk.type === 'chunk') return chunk.code;
  throw new Error(`${entry} was not built`);
}

const seedScript = () => pageIife('scripts/bench-library-seed.ts', 'ShirubeBenchSeed');

/** Every scenario of the public packs (all four flows), as facts to seed records from. */
export function scenarios(): SeedScenario[] {
  const dir = join(ROOT, '..', 'shared', 'cases');
  return ['basics-personal-info.json', 'basics-sensitive-acquisition.json', 'basics-provision.json', 'basics-leak.json'].flatMap((f) => {
    const pack = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { scenarios: SeedScenario[] };
    return pack.scenarios.map((s) => ({ flow: s.flow, facts: s.facts }));
  });
}

/**
 * In the page: run `act`, then resolve with the time until each of `done` holds after a DOM change, each followed by the next
 * frame.
 */
function timed(page: Page, act: string, done: readonly string[]): Promise<number[]> {
  // Strings, not functions: tsx would wrap named functions in a helper the page does not have.
  return page.evaluate(`new Promise((resolve, reject) => {
    const checks = [${done.map((d) => `() => { ${d} }`).join(', ')}];
    const times = checks.map(() => null);
    const t0 = performance.now();
    const check = () => {
      checks.forEach((c, i) => { if (times[i] === null && c()) requestAnimationFrame(() => (times[i] = performance.now() - t0)); });
      if (checks.every((c, i) => times[i] !== null || c())) {
        observer.disconnect();
        const wait = () => (times.every((t) => t !== null) ? resolve(times) : requestAnimationFrame(wait));
        wait();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    setTimeout(() => reject(new Error('not done 30 s after: ${act.replace(/'/g, '')}')), 30000);
    ${act};
  })`) as Promise<number[]>;
}

const countText = `document.querySelector('[data-testid="library-count"]')?.textContent?.trim() ?? ''`;
const libraryShown = `return /\\d/.test(${countText}) && document.querySelector('.virtual-row') !== null;`;
/** The list just read from IndexedDB is drawn (not only the one the tab read last). */
const libraryFresh = `return document.querySelector('.library-page')?.dataset.fresh === 'true' && document.querySelector('.virtual-row') !== null;`;

async function search(page: Page, q: string): Promise<number> {
  const before = await page.evaluate(countText);
  const act = `const i = document.querySelector('#library-query'); i.value = ${JSON.stringify(q)}; i.dispatchEvent(new Event('input', { bubbles: true }))`;
  // The count changes with every query (each is followed by clearing, which shows the total).
  const [t] = await timed(page, act, [`return (${countText}) !== ${JSON.stringify(before)};`]);
  return t ?? NaN;
}

export async function benchLibrary(browser: Browser, url: string): Promise<LibraryFigures> {
  const code = await seedScript();
  // The seed script is added by the bench, not the app: the app's Content-Security-Policy would refuse it.
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', bypassCSP: true });
  const page = await context.newPage();
  try {
    await page.goto(`${url}/#/`);
    await page.locator('.home-page h1').waitFor();
    await page.addScriptTag({ content: code });
    const seed = (await page.evaluate(
      ([n, s]) =>
        (
          globalThis as unknown as { ShirubeBenchSeed: { seed: (n: number, s: SeedScenario[]) => Promise<SeedResult> } }
        ).ShirubeBenchSeed.seed(n, s),
      [LIBRARY_RECORDS, scenarios()] as const,
    )) as SeedResult;

    // Home with 10,000 records: from navigation start (a reload) to the recent list drawn.
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('.saved-item').length >= 5, undefined, { timeout: 60_000 });
    const homeMs = (await page.evaluate(() => performance.now())) as number;

    // Library, first open (loads its chunk and the flows' texts), then warm opens from the home page.
    const openLink = `document.querySelector('a[href="#/library"]').click()`;
    const [openColdMs = NaN, freshColdMs = NaN] = await timed(page, openLink, [libraryShown, libraryFresh]);
    const rows = (await page.evaluate(() => document.querySelectorAll('.virtual-row').length)) as number;
    const domNodes = (await page.evaluate(() => document.getElementsByTagName('*').length)) as number;
    const heap = (await page.evaluate(
      () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null,
    )) as number | null;
    const openWarmMs: number[] = [];
    const freshWarmMs: number[] = [];
    for (let i = 0; i < WARM_OPENS; i++) {
      await page.evaluate(() => (location.hash = '#/'));
      await page.waitForFunction(() => document.querySelectorAll('.saved-item').length >= 5, undefined, { timeout: 60_000 });
      const [shown = NaN, fresh = NaN] = await timed(page, openLink, [libraryShown, libraryFresh]);
      openWarmMs.push(shown);
      freshWarmMs.push(fresh);
    }

    // Search: the first query builds every record's text (once per language); then each keystroke only compares.
    const counts: Record<string, string> = {};
    const searchFirstMs = await search(page, QUERIES[0] ?? '');
    counts[QUERIES[0] ?? ''] = (await page.evaluate(countText)) as string;
    const clearMs: number[] = [await search(page, '')];
    const searchMs: number[] = [];
    for (const q of QUERIES) {
      searchMs.push(await search(page, q));
      counts[q] = (await page.evaluate(countText)) as string;
      clearMs.push(await search(page, ''));
    }
    return {
      seed,
      seedScriptKb: code.length / 1024,
      homeMs,
      openColdMs,
      freshColdMs,
      openWarmMs,
      freshWarmMs,
      searchFirstMs,
      searchMs,
      clearMs,
      counts,
      domNodes,
      rows,
      heapMb: heap === null ? null : heap / 1024 / 1024,
    };
  } finally {
    await context.close();
  }
}
