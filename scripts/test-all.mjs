// `npm test`: runs every suite in order (check, lint, vitest, scenario packs, browser), streams them, then sums up by suite.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters as stripAnsi } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const SHARED = join(ROOT, '..', 'shared');

/** Runs a command from the repo root, streaming its output, and resolves with its exit code and everything it printed. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      output += d;
    });
    child.stderr.on('data', (d) => {
      process.stderr.write(d);
      output += d;
    });
    child.on('error', (e) => resolve({ code: 127, output: `${output}\n${e.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output: stripAnsi(output) }));
  });
}

const lastMatch = (text, re) => [...text.matchAll(re)].at(-1);

/** Per-suite detail parsed from its output, where the tool prints one. */
const detail = {
  check(out) {
    const parts = [];
    const sc = lastMatch(out, /svelte-check found (\d+) errors? and (\d+) warnings?/g);
    if (sc) parts.push(`svelte-check: ${sc[1]} errors, ${sc[2]} warnings`);
    const tsc = (out.match(/error TS\d+/g) ?? []).length;
    if (/&& tsc\b/.test(out) || tsc) parts.push(`tsc: ${tsc} errors`);
    return parts.join('; ');
  },
  lint(out) {
    const parts = [];
    const es = lastMatch(out, /✖ (\d+) problems? \((\d+) errors?, (\d+) warnings?\)/g);
    if (es) parts.push(`eslint: ${es[2]} errors, ${es[3]} warnings`);
    else if (/prettier --check/.test(out)) parts.push('eslint: clean');
    const pr = lastMatch(out, /Code style issues found in (\d+) files?|Code style issues found in the above file/g);
    if (pr) parts.push(`prettier: ${pr[1] ?? 1} files unformatted`);
    else if (/All matched files use Prettier code style/.test(out)) parts.push('prettier: clean');
    return parts.join('; ');
  },
  vitest(out) {
    const files = lastMatch(out, /Test Files\s+(.+?)\s*\((\d+)\)/g);
    const tests = lastMatch(out, /Tests\s+(.+?)\s*\((\d+)\)/g);
    return [tests && `tests: ${tests[1]} of ${tests[2]}`, files && `files: ${files[1]} of ${files[2]}`].filter(Boolean).join('; ');
  },
  plain(out) {
    const m = lastMatch(out, /^(\d+) passed, (\d+) failed/gm);
    return m ? `${m[1]} passed, ${m[2]} failed` : '';
  },
  licences(out) {
    return lastMatch(out, /^licences: (.+)$/gm)?.[1] ?? '';
  },
  playwright(out) {
    const c = playwrightCounts(out);
    if (!c) return lastMatch(out, /^\s*Error: (.+)$/gm)?.[1]?.slice(0, 160) ?? '';
    return PLAYWRIGHT_KINDS.filter((k) => c[k] > 0 || k === 'passed')
      .map((k) => `${c[k]} ${k}`)
      .join(', ');
  },
};

/** What Playwright's list reporter counts at the end of a run ("  11 passed (1.3m)", "  2 failed", "  1 flaky", …). */
const PLAYWRIGHT_KINDS = ['passed', 'failed', 'flaky', 'skipped', 'interrupted', 'did not run'];
function playwrightCounts(out) {
  const c = Object.fromEntries(PLAYWRIGHT_KINDS.map((k) => [k, 0]));
  let found = false;
  for (const k of PLAYWRIGHT_KINDS) {
    const m = lastMatch(out, new RegExp(`^ {2}(\\d+) ${k}\\b`, 'gm'));
    if (m) {
      c[k] = Number(m[1]);
      found = true;
    }
  }
  return found ? c : null;
}

/** Individual test counts a suite reported, for the closing line (null when it reports none, e.g. lint). */
const counts = {
  vitest(out) {
    const tests = lastMatch(out, /Tests\s+(.+?)\s*\((\d+)\)/g);
    if (!tests) return null;
    const num = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(tests[1])?.[1] ?? 0);
    return { passed: num('passed'), failed: num('failed') };
  },
  plain(out) {
    const m = lastMatch(out, /^(\d+) passed, (\d+) failed/gm);
    return m ? { passed: Number(m[1]), failed: Number(m[2]) } : null;
  },
  playwright(out) {
    const c = playwrightCounts(out);
    // A flaky test passed on a retry; a test interrupted or never run did not pass.
    return c ? { passed: c.passed + c.flaky, failed: c.failed + c.interrupted + c['did not run'] } : null;
  },
};

/** The scenario packs for the flows this build implements, read from src/domain/flows/registry.ts. */
async function scenarioPacks() {
  const { tsImport } = await import('tsx/esm/api');
  const { implementedFlows } = await tsImport('../src/domain/flows/registry.ts', import.meta.url);
  const flows = implementedFlows().map((f) => f.id);
  const packs = flows.map((f) => join(SHARED, 'cases', `basics-${f}.json`));
  return { flows, packs: packs.filter((p) => existsSync(p)), missing: packs.filter((p) => !existsSync(p)) };
}

const suites = [
  { name: 'check', what: 'npm run check (svelte-check + tsc)', cmd: ['npm', ['run', 'check']], parse: detail.check },
  { name: 'lint', what: 'npm run lint (eslint + prettier)', cmd: ['npm', ['run', 'lint']], parse: detail.lint },
  { name: 'vitest', what: 'npx vitest run (unit, component, storage)', cmd: ['npx', ['vitest', 'run']], parse: detail.vitest },
  {
    name: 'licences',
    what: 'npm run licenses (CycloneDX SBOM of what ships, sbom.cdx.json; every licence on licenses.allowed.json)',
    cmd: ['npm', ['run', 'licenses']],
    parse: detail.licences,
  },
  {
    name: 'scenarios',
    what: 'npm run scenarios -- <packs of the implemented flows>',
    prepare: async () => {
      const { flows, packs, missing } = await scenarioPacks();
      const rel = (p) => relative(ROOT, p);
      console.log(`implemented flows: ${flows.join(', ') || '(none)'}; packs: ${packs.map(rel).join(' ') || '(none)'}`);
      for (const m of missing) console.log(`no pack for this flow: ${rel(m)}`);
      if (packs.length === 0) return { skip: `no scenario pack in ${rel(join(SHARED, 'cases'))} for ${flows.join(', ') || 'any flow'}` };
      return { cmd: ['npm', ['run', 'scenarios', '--', ...packs.map(rel)]] };
    },
    parse: detail.plain,
  },
  {
    name: 'browser',
    what: 'npx playwright test (test/browser/*.spec.ts in Chromium, production build)',
    cmd: ['npx', ['playwright', 'test']],
    parse: detail.playwright,
  },
];

const results = [];
for (const suite of suites) {
  console.log(`\n━━━ ${suite.name}: ${suite.what}`);
  const started = Date.now();
  let cmd = suite.cmd;
  let result;
  try {
    if (suite.prepare) {
      const p = await suite.prepare();
      if (p.skip) {
        console.log(`skipped: ${p.skip}`);
        results.push({ name: suite.name, status: 'skipped', secs: 0, note: p.skip });
        continue;
      }
      cmd = p.cmd;
    }
    console.log(`$ ${[cmd[0], ...cmd[1]].join(' ')}`);
    result = await run(cmd[0], cmd[1]);
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    console.log(`error: ${message}`);
    result = { code: 1, output: '', error: message };
  }
  const secs = (Date.now() - started) / 1000;
  const note = result.error ?? suite.parse(result.output);
  const reported = result.error ? null : (counts[suite.parse.name]?.(result.output) ?? null);
  results.push({ name: suite.name, status: result.code === 0 ? 'PASS' : 'FAIL', code: result.code, secs, note, reported });
}

const passed = results.filter((r) => r.status === 'PASS').length;
const failed = results.filter((r) => r.status === 'FAIL').length;
const w = Math.max(...results.map((r) => r.name.length));
console.log('\n━━━ summary');
for (const r of results) {
  const exit = r.status === 'FAIL' ? ` (exit ${r.code})` : '';
  console.log(`${r.status.padEnd(7)} ${r.name.padEnd(w)}  ${r.secs.toFixed(1).padStart(6)} s  ${r.note || ''}${exit}`);
}
// The closing line counts tests: each suite's own test counts, or the suite as one check (type check, lint).
let testsPassed = 0;
let testsFailed = 0;
for (const r of results) {
  if (r.status === 'skipped') continue;
  const c = r.reported ?? (r.status === 'PASS' ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  testsPassed += c.passed;
  // A suite that exited non-zero counts as failed even when its runner printed no failing test.
  testsFailed += r.status === 'FAIL' ? Math.max(1, c.failed) : c.failed;
}
console.log(`Suites — ${passed} of ${passed + failed} passed${failed ? ` (${failed} failed)` : ''}`);
console.log(`${testsPassed} passed, ${testsFailed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
