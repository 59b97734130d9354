// The browser test runner (`npm run test:browser [-- name-filter]`): test/browser/*.mjs against the production build in Chromium.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuild, launchChromium, RESULTS, ROOT, startPreview } from '../test/browser/harness.mjs';

/** Longest one test may run, setup and teardown included. */
const TEST_TIMEOUT_MS = 120_000;
const DIR = join(ROOT, 'test', 'browser');

const slug = (name) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const oneLine = (s) => String(s).replace(/\s+/g, ' ').trim();
/** An error as one line: assertion diffs are folded in, Playwright's call logs left out (they are in the .log file). */
const reasonOf = (e) => {
  const message = (e instanceof Error ? e.message : String(e)).split(/\n\s*Call log:/)[0];
  const line = oneLine(message);
  // CI keeps only stdout, so name the test line that failed (the first stack frame inside test/browser).
  const at = e instanceof Error ? /test\/browser\/[\w.-]+\.mjs:\d+/.exec(e.stack ?? '')?.[0] : undefined;
  return `${line.length > 400 ? `${line.slice(0, 400)}…` : line}${at ? ` [${at}]` : ''}`;
};

/** Every module in test/browser that exports `tests` ({ name: async (t) => … }), in file-name order. */
async function collect(filter) {
  const tests = [];
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith('.mjs'))
    .sort()) {
    const mod = await import(pathToFileURL(join(DIR, file)).href);
    if (!mod.tests) continue;
    for (const [name, run] of Object.entries(mod.tests)) {
      if (!filter || name.toLowerCase().includes(filter.toLowerCase())) tests.push({ name, file, run });
    }
  }
  return tests;
}

/** Requests that never leave the browser process. */
const LOCAL_SCHEMES = ['data:', 'blob:', 'chrome-extension:', 'about:'];

async function runOne(browser, server, test) {
  const origin = new URL(server.url).origin;
  const context = await browser.newContext({
    baseURL: server.url,
    acceptDownloads: true,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const problems = [];
  const requests = [];
  const allowConsole = [];
  context.on('request', (req) => {
    const url = req.url();
    requests.push({ url, method: req.method(), serviceWorker: !!req.serviceWorker() });
    if (LOCAL_SCHEMES.some((s) => url.startsWith(s))) return;
    let other;
    try {
      other = new URL(url).origin !== origin;
    } catch {
      other = true;
    }
    if (other) problems.push(`request to another host: ${req.method()} ${url}`);
  });
  context.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ? ` (${msg.location().url})` : '';
    const text = `${msg.text()}${where}`;
    if (!allowConsole.some((re) => re.test(text))) problems.push(`console error: ${oneLine(text)}`);
  });
  context.on('weberror', (err) => problems.push(`page error: ${oneLine(err.error()?.stack ?? err.error())}`));

  const page = await context.newPage();
  const t = {
    name: test.name,
    context,
    page,
    baseURL: server.url,
    origin,
    /** Every request seen so far in this test's context (pages and service worker): { url, method, serviceWorker }. */
    requests,
    /** Where a test may write files for humans (downloads, extracted text). */
    resultsDir: RESULTS,
    slug: slug(test.name),
    /** Accept console errors matching `re` for the rest of this test (for errors a test provokes on purpose). */
    allowConsoleError: (re) => allowConsole.push(re),
  };

  let failure = null;
  let timer;
  try {
    await Promise.race([
      test.run(t),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${TEST_TIMEOUT_MS / 1000} s`)), TEST_TIMEOUT_MS);
      }),
    ]);
  } catch (e) {
    failure = e;
  } finally {
    clearTimeout(timer);
  }
  // Let late console errors and requests of the last action arrive before judging.
  await new Promise((r) => setTimeout(r, 200));

  const last = context.pages().at(-1);
  if (last && failure) {
    // What the page showed when the test failed: its address and the outline of the visible screen.
    const seen = await last
      .evaluate(() => {
        const main = document.querySelector('main');
        const marks = [...(main?.querySelectorAll('[data-question], [data-outcome], h1, input:checked') ?? [])].map((el) =>
          el instanceof HTMLInputElement ? `checked ${el.name}=${el.value}` : el.outerHTML.slice(0, 120),
        );
        return `${location.hash} | ${marks.join(' | ')}`;
      })
      .catch((e) => `(page not readable: ${reasonOf(e)})`);
    problems.push(`page at failure: ${oneLine(seen).slice(0, 600)}`);
  }
  if (last) {
    await last.screenshot({ path: join(RESULTS, `${t.slug}.png`), fullPage: true, timeout: 10_000 }).catch(() => {});
  }
  await context.close().catch(() => {});

  const reasons = [];
  if (failure) reasons.push(reasonOf(failure));
  reasons.push(...problems);
  writeFileSync(
    join(RESULTS, `${t.slug}.log`),
    [
      `${reasons.length ? 'FAIL' : 'PASS'} ${test.name}`,
      failure ? `\n${failure instanceof Error ? failure.stack : String(failure)}` : '',
      problems.length ? `\nproblems:\n${problems.join('\n')}` : '',
      `\nrequests (${requests.length}):`,
      ...requests.map((r) => `${r.serviceWorker ? 'sw  ' : 'page'} ${r.method} ${r.url.slice(0, 200)}`),
      '',
    ].join('\n'),
  );
  return reasons;
}

async function main() {
  const filter = process.argv[2];
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  const tests = await collect(filter);
  if (tests.length === 0) {
    console.log(`no browser tests${filter ? ` match "${filter}"` : ''}`);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
    return;
  }

  let passed = 0;
  let failed = 0;
  let server = null;
  let browser = null;
  try {
    ensureBuild();
    server = await startPreview();
    browser = await launchChromium();
    console.log(`serving a snapshot of dist/ at ${server.url}; Chromium ${browser.version()}; ${tests.length} tests`);
    for (const test of tests) {
      const started = Date.now();
      let reasons;
      try {
        reasons = await runOne(browser, server, test);
      } catch (e) {
        reasons = [`runner error: ${reasonOf(e)}`];
      }
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      if (reasons.length === 0) {
        passed++;
        console.log(`PASS ${test.name}`);
      } else {
        failed++;
        console.log(`FAIL ${test.name}: ${reasons.join('; ')}`);
      }
      console.error(`     (${secs} s; screenshot and log: test-results/${slug(test.name)}.png, .log)`);
    }
  } catch (e) {
    console.log(`FAIL setup: ${e instanceof Error ? e.message : String(e)}`);
    failed += tests.length - passed - failed || 1;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();
