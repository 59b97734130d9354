// Scenario packs (spec/scenario-pack.md): strict validation, and checking a scenario against evaluate().
// Shared by the command-line runner and, later, the app's training mode.

import { describeError, evaluate, isFlowId, resolveFlow } from './evaluate';
import { questionOf } from './interrogate';
import type { Deadline, FactValue, Outcome } from './types';
import { checkValue } from './validate';

export const PACK_FORMAT = 'appi-scenario-pack';
export const PACK_VERSION = 1;

type Localised = { ja: string; en: string };
interface ListExpectation {
  includes?: string[];
  excludes?: string[];
}
export interface Expectation {
  outcome?: string;
  grounds?: string[];
  tags?: string[];
  reasons?: string[];
  duties?: ListExpectation;
  notes?: ListExpectation;
  deadlines?: Record<string, Partial<Omit<Deadline, 'duty'>>>;
  provisional?: boolean;
  openQuestions?: string[];
}
export interface Scenario {
  id: string;
  flow: string;
  title?: Localised;
  story?: Localised;
  facts: Record<string, FactValue>;
  expect: Expectation;
}
export interface Pack {
  format: string;
  version: number;
  ruleset?: string;
  title?: Localised;
  scenarios: Scenario[];
}

export type PackProblem = { where: string; message: string };
export type ScenarioResult =
  | { id: string; status: 'pass' }
  | { id: string; status: 'fail'; differences: string[] }
  | { id: string; status: 'invalid'; problems: PackProblem[] };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStrList = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

const SET_KEYS = ['grounds', 'tags', 'reasons', 'openQuestions'] as const;
const LIST_KEYS = ['duties', 'notes'] as const;
const EXPECT_KEYS = new Set<string>(['outcome', 'provisional', 'deadlines', ...SET_KEYS, ...LIST_KEYS]);
const DEADLINE_KEYS = new Set(['days', 'minDays', 'maxDays', 'due', 'dueFrom', 'dueTo']);

/** Pack-level problems (format, version, shape). An empty list means the pack can be run. */
export function checkPackShape(pack: unknown): PackProblem[] {
  if (!isObj(pack)) return [{ where: 'pack', message: 'not a JSON object' }];
  const out: PackProblem[] = [];
  if (pack.format !== PACK_FORMAT) out.push({ where: 'format', message: `expected "${PACK_FORMAT}", got ${JSON.stringify(pack.format)}` });
  if (pack.version !== PACK_VERSION)
    out.push({ where: 'version', message: `unsupported version ${JSON.stringify(pack.version)} (this build reads ${PACK_VERSION})` });
  if (!Array.isArray(pack.scenarios)) out.push({ where: 'scenarios', message: 'missing or not a list' });
  return out;
}

/** Problems with one scenario's own fields: a clear error naming the field, never a pass. */
export function checkScenario(raw: unknown, index: number): { id: string; problems: PackProblem[] } {
  const id = isObj(raw) && typeof raw.id === 'string' && raw.id ? raw.id : `#${index + 1}`;
  const problems: PackProblem[] = [];
  const p = (where: string, message: string) => problems.push({ where, message });
  if (!isObj(raw)) return { id, problems: [{ where: 'scenario', message: 'not a JSON object' }] };
  if (typeof raw.id !== 'string' || !raw.id) p('id', 'missing');
  if (!isFlowId(raw.flow)) p('flow', `unknown flow ${JSON.stringify(raw.flow)}`);
  if (!isObj(raw.facts)) p('facts', 'missing or not an object');
  if (!isObj(raw.expect)) p('expect', 'missing or not an object');
  if (problems.length) return { id, problems };

  const resolved = resolveFlow(raw.flow as string);
  if (resolved.ok) {
    for (const [factId, value] of Object.entries(raw.facts as Record<string, unknown>)) {
      const q = questionOf(resolved.def, factId);
      if (!q) p(`facts.${factId}`, `unknown fact for flow ${resolved.def.id}`);
      else {
        const problem = checkValue(q, value);
        if (problem) p(`facts.${factId}`, `bad value ${JSON.stringify(value)} (${problem})`);
      }
    }
  }
  const expect = raw.expect as Record<string, unknown>;
  for (const [k, v] of Object.entries(expect)) {
    if (!EXPECT_KEYS.has(k)) p(`expect.${k}`, 'unknown expectation key');
    else if (k === 'outcome' && typeof v !== 'string') p('expect.outcome', 'must be a string');
    else if (k === 'provisional' && typeof v !== 'boolean') p('expect.provisional', 'must be true or false');
    else if ((SET_KEYS as readonly string[]).includes(k) && !isStrList(v)) p(`expect.${k}`, 'must be a list of strings');
    else if ((LIST_KEYS as readonly string[]).includes(k)) {
      if (!isObj(v)) p(`expect.${k}`, 'must be { includes, excludes }');
      else
        for (const [lk, lv] of Object.entries(v)) {
          if (lk !== 'includes' && lk !== 'excludes') p(`expect.${k}.${lk}`, 'unknown expectation key');
          else if (!isStrList(lv)) p(`expect.${k}.${lk}`, 'must be a list of strings');
        }
    } else if (k === 'deadlines') {
      if (!isObj(v)) p('expect.deadlines', 'must be an object keyed by duty');
      else
        for (const [duty, d] of Object.entries(v)) {
          if (!isObj(d)) p(`expect.deadlines.${duty}`, 'must be an object');
          else for (const dk of Object.keys(d)) if (!DEADLINE_KEYS.has(dk)) p(`expect.deadlines.${duty}.${dk}`, 'unknown expectation key');
        }
    }
  }
  return { id, problems };
}

const fmt = (xs: readonly string[]) => `[${[...xs].sort().join(', ')}]`;

/** Compare an outcome with an expectation: the list of what differed (empty = pass). */
export function compare(expect: Expectation, o: Outcome): string[] {
  const diffs: string[] = [];
  if (expect.outcome !== undefined && expect.outcome !== o.outcome) diffs.push(`outcome: expected ${expect.outcome}, got ${o.outcome}`);
  for (const k of SET_KEYS) {
    const want = expect[k];
    if (want === undefined) continue;
    const got = o[k];
    if (fmt(want) !== fmt(got)) diffs.push(`${k}: expected ${fmt(want)}, got ${fmt(got)}`);
  }
  for (const k of LIST_KEYS) {
    const want = expect[k];
    if (!want) continue;
    const got = new Set(o[k]);
    const missing = (want.includes ?? []).filter((x) => !got.has(x));
    const present = (want.excludes ?? []).filter((x) => got.has(x));
    if (missing.length) diffs.push(`${k}: missing ${fmt(missing)}`);
    if (present.length) diffs.push(`${k}: should not include ${fmt(present)}`);
  }
  for (const [duty, want] of Object.entries(expect.deadlines ?? {})) {
    const got = o.deadlines.find((d) => d.duty === duty);
    if (!got) {
      diffs.push(`deadlines.${duty}: no such deadline`);
      continue;
    }
    for (const [k, v] of Object.entries(want)) {
      const g = got[k as keyof Deadline];
      if (g !== v) diffs.push(`deadlines.${duty}.${k}: expected ${String(v)}, got ${g === undefined ? '(none)' : String(g)}`);
    }
  }
  if (expect.provisional !== undefined && expect.provisional !== o.provisional)
    diffs.push(`provisional: expected ${String(expect.provisional)}, got ${String(o.provisional)}`);
  return diffs;
}

export function runScenario(raw: unknown, index: number): ScenarioResult {
  const { id, problems } = checkScenario(raw, index);
  if (problems.length) return { id, status: 'invalid', problems };
  const s = raw as Scenario;
  const r = evaluate(s.flow, s.facts);
  if (!r.ok) return { id, status: 'fail', differences: [describeError(r.error)] };
  const differences = compare(s.expect, r.outcome);
  return differences.length ? { id, status: 'fail', differences } : { id, status: 'pass' };
}
