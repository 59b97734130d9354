// The bench's load timings: cold load and offline load (served by the service worker) to interactive, CPU throttled 4×.

import type { Browser, BrowserContext, Page } from 'playwright-core';

export const LOAD_RUNS = 3;
export const CPU_SLOWDOWN = 4;

/**
 * A page to load, and what "interactive" means on it: its h1 is painted, and a real click on the app's `button` (a mouse
 * event through Chromium's input pipeline, so it waits behind whatever task holds the main thread) gets the app's own
 * response — `response` is in the DOM and the next animation frame has run.
 */
export interface LoadPage {
  name: string;
  path: string;
  h1: string;
  button: string;
  response: string;
  /** What the click does, for the table. */
  action: string;
}

export const LOAD_PAGES: LoadPage[] = [
  {
    name: 'home',
    path: '#/',
    h1: '.home-page h1',
    // The new-case button with no title given: the app's own handler answers with its message, nothing is stored.
    button: '.case-form button[type=submit]',
    response: '#case-title-error',
    action: '"create case" with no title → its error message',
  },
  {
    name: 'start (leak)',
    path: '#/new/leak',
    h1: '.start-page h1',
    button: '.start-page form button[type=submit]',
    response: '.question-page[data-question]',
    action: '"begin" → the first question',
  },
];

/** One load; times in ms from navigation start (the document's performance.timeOrigin). */
export interface LoadRun {
  /** The first animation frame with the h1 visible (the build's prerendered h1 counts: it is what a person sees). */
  h1Ms: number;
  /** The app's own button (not the prerendered copy, which no script answers) entered the DOM. */
  appButtonMs: number;
  /** The click reached the page (capture listener on window). */
  clickMs: number;
  /** The response is in the DOM, then the next animation frame ran: the page is interactive. */
  interactiveMs: number;
  /** Long tasks (≥ 50 ms, PerformanceObserver 'longtask') before the page was interactive. */
  longTasks: number;
  longTaskMs: number;
  /** Requests that failed while loading (offline: anything the service worker did not serve). */
  failedRequests: string[];
  /** Whether the document itself came from the service worker. */
  documentFromServiceWorker: boolean;
}

export interface LoadResult {
  page: LoadPage;
  mode: 'cold' | 'offline';
  runs: LoadRun[];
}

interface Probe {
  h1: number | null;
  button: number | null;
  click: number | null;
  clickOn: string | null;
  response: number | null;
  painted: number | null;
  longTasks: [number, number][];
}

/**
 * The in-page recorder, installed before any of the app's scripts. Plain JavaScript in a string: tsx would wrap named
 * functions of a page function in a __name() helper the page does not have. The build prerenders the first screens into
 * index.html (inside .prerendered): the same markup with no handler behind it until the app replaces it, so the h1 may
 * be prerendered, but the button must be the app's.
 */
const probe = (p: LoadPage) => `(() => {
  const cfg = ${JSON.stringify({ h1: p.h1, button: p.button, response: p.response })};
  const b = { h1: null, button: null, click: null, clickOn: null, response: null, painted: null, longTasks: [] };
  window.__loadBench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  addEventListener('click', (e) => {
    if (b.click !== null) return;
    b.click = performance.now();
    const t = e.target instanceof Element ? e.target : null;
    b.clickOn = !t ? 'nothing' : !t.closest(cfg.button) ? t.outerHTML.slice(0, 120) : t.closest('.prerendered') ? 'prerendered' : 'button';
  }, true);
  let frame = false;
  new MutationObserver(() => {
    // Checked in the next frame: only then are the stylesheets in (which hide the prerendered screens not asked for).
    if (b.h1 === null && !frame && document.querySelector(cfg.h1)) {
      frame = true;
      requestAnimationFrame(() => {
        frame = false;
        if (b.h1 === null && [...document.querySelectorAll(cfg.h1)].some((el) => el.checkVisibility())) b.h1 = performance.now();
      });
    }
    if (b.button === null && [...document.querySelectorAll(cfg.button)].some((el) => !el.closest('.prerendered'))) {
      b.button = performance.now();
    }
    if (b.click !== null && b.response === null && document.querySelector(cfg.response)) {
      b.response = performance.now();
      requestAnimationFrame(() => (b.painted = performance.now()));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

async function measureLoad(page: Page, p: LoadPage, navigate: () => Promise<boolean>): Promise<LoadRun> {
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(`${new URL(r.url()).pathname} (${r.failure()?.errorText ?? 'failed'})`));
  const fromSw = await navigate();
  // As soon as the h1 is painted and the app's button is laid out, click it where it is (the rAF polling runs in the
  // page, so a busy main thread delays it as it would delay a person's click).
  const at = await page.waitForFunction(
    (cfg) => {
      const b = (window as unknown as { __loadBench?: Probe }).__loadBench;
      const button = [...document.querySelectorAll(cfg.button)].find((el) => !el.closest('.prerendered') && el.checkVisibility());
      if (!b || b.h1 === null || !button) return null;
      button.scrollIntoView({ block: 'center' });
      const r = button.getBoundingClientRect();
      return r.width && r.height && r.bottom <= innerHeight ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    },
    { button: p.button },
    { polling: 'raf', timeout: 60_000 },
  );
  const { x, y } = (await at.jsonValue()) as { x: number; y: number };
  await page.mouse.click(x, y);
  const state = () => page.evaluate(() => (window as unknown as { __loadBench?: Probe }).__loadBench ?? null);
  let b: Probe | null;
  try {
    const done = await page.waitForFunction(
      () => {
        const b = (window as unknown as { __loadBench?: Probe }).__loadBench;
        return b && ((b.clickOn !== null && b.clickOn !== 'button') || b.painted !== null) ? b : null;
      },
      undefined,
      { polling: 100, timeout: 30_000 },
    );
    b = (await done.jsonValue()) as Probe;
  } catch (e) {
    throw new Error(`${p.name}: no response 30 s after the click at (${x}, ${y}); the page's record: ${JSON.stringify(await state())}`, {
      cause: e,
    });
  }
  if (b.clickOn !== 'button') throw new Error(`${p.name}: the click at (${x}, ${y}) landed on ${b.clickOn}, not the app's ${p.button}`);
  const interactive = b.painted ?? NaN;
  const before = b.longTasks.filter(([start]) => start < interactive);
  return {
    h1Ms: b.h1 ?? NaN,
    appButtonMs: b.button ?? NaN,
    clickMs: b.click ?? NaN,
    interactiveMs: interactive,
    longTasks: before.length,
    longTaskMs: before.reduce((n, [, d]) => n + d, 0),
    failedRequests: failed,
    documentFromServiceWorker: fromSw,
  };
}

async function throttled(browser: Browser, p: LoadPage): Promise<{ context: BrowserContext; page: Page; throttle: () => Promise<void> }> {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  await context.addInitScript({ content: probe(p) });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const throttle = async () => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  };
  return { context, page, throttle };
}

/** A first visit: fresh context (no HTTP cache, no service worker, empty IndexedDB), CPU throttled from the start. */
async function coldRun(browser: Browser, url: string, p: LoadPage): Promise<LoadRun> {
  const { context, page, throttle } = await throttled(browser, p);
  try {
    await throttle();
    return await measureLoad(
      page,
      p,
      async () => (await page.goto(`${url}/${p.path}`, { waitUntil: 'commit' }))?.fromServiceWorker() ?? false,
    );
  } finally {
    await context.close();
  }
}

/**
 * A visit with the network off: a first visit (unthrottled) until the service worker has installed and precached, then
 * offline, CPU throttled, a reload. The app may write IndexedDB on the first visit, as it would for a returning user.
 */
async function offlineRun(browser: Browser, url: string, p: LoadPage): Promise<LoadRun> {
  const { context, page, throttle } = await throttled(browser, p);
  try {
    await page.goto(`${url}/${p.path}`);
    await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].some((el) => !el.closest('.prerendered')), p.button);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    await throttle();
    const run = await measureLoad(page, p, async () => (await page.reload({ waitUntil: 'commit' }))?.fromServiceWorker() ?? false);
    if (!run.documentFromServiceWorker) throw new Error(`${p.name}: offline, the document was not served by the service worker`);
    return run;
  } finally {
    await context.close();
  }
}

/** Cold and offline loads of every page of LOAD_PAGES, LOAD_RUNS each, one after another (never in parallel). */
export async function benchLoad(browser: Browser, url: string, log: (s: string) => void = () => {}): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const mode of ['cold', 'offline'] as const) {
    for (const p of LOAD_PAGES) {
      const runs: LoadRun[] = [];
      for (let i = 0; i < LOAD_RUNS; i++) {
        log(`load ${mode} ${p.name}, run ${i + 1} of ${LOAD_RUNS}`);
        runs.push(await (mode === 'cold' ? coldRun : offlineRun)(browser, url, p));
      }
      results.push({ page: p, mode, runs });
    }
  }
  return results;
}
