// The scenario-pack runner as a user runs it (a child process): PASS/FAIL lines, the closing line, exit
// codes, and a clear error naming the scenario and field for every kind of invalid pack.
// @vitest-environment node

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'packs-'));

function runner(...packs: unknown[]): { out: string; code: number } {
  const files = packs.map((p, i) => {
    const f = join(dir, `p${Math.random().toString(36).slice(2)}-${i}.json`);
    writeFileSync(f, typeof p === 'string' ? p : JSON.stringify(p));
    return f;
  });
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/scenarios.ts', ...files], { cwd: root, encoding: 'utf8' });
    return { out, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; status: number };
    return { out: err.stdout, code: err.status };
  }
}

const facts = { actor: 'business', events: ['leak'], certainty: 'confirmed', recoveredUnseen: 'yes' };
const scenario = (over: Record<string, unknown> = {}) => ({ id: 's1', flow: 'leak', facts, expect: { outcome: 'no-incident' }, ...over });
const pack = (...scenarios: unknown[]) => ({ format: 'appi-scenario-pack', version: 1, ruleset: 'appi-2025-10', scenarios });
const lines = (out: string) => out.trim().split('\n');

describe('npm run scenarios', () => {
  it('passes the public leak pack', () => {
    const { out, code } = runner(JSON.parse(execFileSync('cat', [join(root, '../shared/cases/basics-leak.json')], { encoding: 'utf8' })));
    expect(code).toBe(0);
    expect(lines(out).at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  it('prints PASS and the closing line', () => {
    const { out, code } = runner(pack(scenario()));
    expect(lines(out)).toEqual(['PASS s1', '1 passed, 0 failed']);
    expect(code).toBe(0);
  });

  it('a wrong expectation fails with what differed', () => {
    const { out, code } = runner(pack(scenario({ expect: { outcome: 'reportable', reasons: ['no-event'] } })));
    expect(lines(out)[0]).toBe(
      'FAIL s1: outcome: expected reportable, got no-incident; reasons: expected [no-event], got [recovered-unseen]',
    );
    expect(lines(out).at(-1)).toBe('0 passed, 1 failed');
    expect(code).toBe(1);
  });

  it('a fact the flow needs but the scenario lacks', () => {
    const { out } = runner(pack(scenario({ facts: { actor: 'business', events: ['leak'] } })));
    expect(lines(out)[0]).toBe('FAIL s1: missing fact certainty');
  });

  it.each([
    [{ flow: 'marketing' }, 'flow: unknown flow "marketing"'],
    [{ facts: { ...facts, colour: 'red' } }, 'facts.colour: unknown fact for flow leak'],
    [{ facts: { ...facts, certainty: 'maybe' } }, 'facts.certainty: bad value "maybe" (not-option)'],
    [{ facts: { ...facts, persons: -2 } }, 'facts.persons: bad value -2 (negative-count)'],
    [{ expect: { outcome: 'no-incident', verdict: 'x' } }, 'expect.verdict: unknown expectation key'],
    [{ expect: { duties: { contains: ['x'] } } }, 'expect.duties.contains: unknown expectation key'],
    [{ expect: { deadlines: { 'report-final': { when: '2026-01-01' } } } }, 'expect.deadlines.report-final.when: unknown expectation key'],
  ])('invalid scenario %j is a clear failure, never a pass', (over, message) => {
    const { out, code } = runner(pack(scenario(over)));
    expect(lines(out)[0]).toBe(`FAIL s1: invalid scenario: ${message}`);
    expect(code).toBe(1);
  });

  it.each([
    [{ format: 'something-else', version: 1, scenarios: [] }, 'format: expected "appi-scenario-pack", got "something-else"'],
    [{ format: 'appi-scenario-pack', version: 2, scenarios: [] }, 'version: unsupported version 2 (this build reads 1)'],
    ['{ not json', 'cannot read pack'],
  ])('an invalid pack is an error and a non-zero exit', (p, message) => {
    const { out, code } = runner(p);
    expect(out).toContain(message);
    expect(lines(out).at(-1)).toBe('0 passed, 0 failed');
    expect(code).toBe(1);
  });

  it('a scenario of another flow without the facts it needs fails naming the first missing fact', () => {
    const { out, code } = runner(pack(scenario({ flow: 'provision', facts: {} })));
    expect(lines(out)[0]).toBe('FAIL s1: missing fact othersCanUse');
    expect(code).toBe(1);
  });
});
