// The bench's Lighthouse runs: mobile, default settings, on the served production build, in Debian's Chromium.

import * as chromeLauncher from 'chrome-launcher';
import { existsSync } from 'node:fs';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/browser/harness';

export const LIGHTHOUSE_RUNS = 3;

interface Run {
  /** Category scores, 0–100. */
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Lighthouse's estimate of this machine's CPU speed (a desktop-class machine scores ~1000 or more). */
  benchmarkIndex: number;
}

/** One page's figures, each the median over the runs on its own (not the figures of one "median run"). */
export interface LighthousePage extends Run {
  name: string;
  path: string;
  runs: number;
  /** Lighthouse's version, as it reports it. */
  version: string;
  /** Lighthouse's own warnings about the runs (e.g. a slow host), each once. */
  warnings: string[];
  /** Audits that lost points in the accessibility and best-practices categories, so a score below 100 says why. */
  failing: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};

/**
 * One Lighthouse run in a Chromium of its own. Lighthouse's storage reset leaves IndexedDB alone (and then warns that
 * stored data may affect the figures), and the app writes IndexedDB on every load: a fresh profile per run makes every
 * run a first visit, as in an incognito window, without changing Lighthouse's settings.
 */
async function runOnce(target: string): Promise<Run & { version: string; warnings: string[]; failing: string[] }> {
  // chrome-launcher's own default flags stay (no extensions, no default-browser check…); the project's flags keep
  // Chromium from calling Google hosts, as in the browser tests.
  // chrome-launcher reports a missing executable as an unhandled 'error' event that ends the process: check first.
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
    logLevel: 'silent',
  });
  try {
    // Default (mobile, simulated throttling) settings; only the categories the bench reports are audited.
    const result = await lighthouse(target, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned no result for ${target}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${target}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const score = (id: string) => {
      const s = lhr.categories[id]?.score;
      if (typeof s !== 'number') throw new Error(`Lighthouse on ${target} gave no ${id} score`);
      return s * 100;
    };
    const metric = (id: string) => {
      const v = lhr.audits[id]?.numericValue;
      if (typeof v !== 'number') throw new Error(`Lighthouse on ${target} gave no ${id}: ${lhr.audits[id]?.errorMessage ?? 'no value'}`);
      return v;
    };
    return {
      // Lighthouse shows its scores rounded to whole points.
      performance: Math.round(score('performance')),
      accessibility: Math.round(score('accessibility')),
      bestPractices: Math.round(score('best-practices')),
      lcpMs: metric('largest-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      benchmarkIndex: lhr.environment.benchmarkIndex,
      version: lhr.lighthouseVersion,
      warnings: lhr.runWarnings,
      failing: ['accessibility', 'best-practices'].flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${c}: ${ref.id}`),
      ),
    };
  } finally {
    chrome.kill();
  }
}

/**
 * Runs Lighthouse `LIGHTHOUSE_RUNS` times on each page. Throws (never returns a made-up figure) when Chromium cannot be
 * launched or a run ends without a score.
 */
export async function benchLighthouse(
  url: string,
  pages: { name: string; path: string }[],
  log: (s: string) => void = () => {},
): Promise<LighthousePage[]> {
  const results: LighthousePage[] = [];
  for (const p of pages) {
    const runs: Awaited<ReturnType<typeof runOnce>>[] = [];
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
      log(`lighthouse ${p.name}, run ${i + 1} of ${LIGHTHOUSE_RUNS}`);
      runs.push(await runOnce(`${url}/${p.path}`));
    }
    const of = (k: keyof Run) => median(runs.map((r) => r[k]));
    results.push({
      ...p,
      runs: runs.length,
      version: runs[0]?.version ?? '',
      performance: of('performance'),
      accessibility: of('accessibility'),
      bestPractices: of('bestPractices'),
      lcpMs: of('lcpMs'),
      tbtMs: of('tbtMs'),
      cls: of('cls'),
      benchmarkIndex: of('benchmarkIndex'),
      warnings: [...new Set(runs.flatMap((r) => r.warnings))],
      failing: [...new Set(runs.flatMap((r) => r.failing))],
    });
  }
  return results;
}
