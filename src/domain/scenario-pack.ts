// Scenario packs (spec/scenario-pack.md): their schema, strict validation, and checking a scenario against evaluate().
// Shared by the command-line runner and, later, the app's training mode.

import {
  array,
  boolean,
  custom,
  description,
  is,
  literal,
  never,
  nonEmpty,
  object,
  objectWithRest,
  optional,
  picklist,
  pipe,
  rawCheck,
  record,
  safeParse,
  string,
  unknown,
  type BaseIssue,
  type ErrorMessage,
  type ObjectEntries,
} from 'valibot';
import { describeError, evaluate } from './evaluate';
import { FLOW_IDS, flowDefinition, type FlowId } from './flows/registry';
import { flowFacts } from './flow-facts-schema';
import { AnyFacts, isJsonObject, issueKeys, jsonObject, NonEmptyString } from './schema-parts';
import type { Deadline, FactValue, Outcome } from './types';

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

const SET_KEYS = ['grounds', 'tags', 'reasons', 'openQuestions'] as const;
const LIST_KEYS = ['duties', 'notes'] as const;

// --- The schema: a pack as written (spec/scenario-pack.md); the messages are the runner's ---------------------------

/** Valibot reports a missing key on its object: say what that entry's own schema says about it. */
function withEntryMessages<const E extends ObjectEntries>(entries: E) {
  return object(entries, (issue) => {
    const key = issue.path?.[0]?.key;
    const entry = typeof key === 'string' && Object.hasOwn(entries, key) ? entries[key] : undefined;
    const message = (entry as { message?: ErrorMessage<BaseIssue<unknown>> } | undefined)?.message;
    return typeof message === 'function' ? message(issue) : (message ?? issue.message);
  });
}

const UNKNOWN_KEY = 'unknown expectation key';
/**
 * An object of only these keys, each other key an unknown expectation key. Valibot never reads the keys
 * "__proto__", "constructor" and "prototype" of an object, so those are refused first, on their own.
 */
const closed = <const E extends ObjectEntries>(entries: E, message: string) =>
  pipe(
    custom<unknown>(isJsonObject, message),
    rawCheck<unknown>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const input = dataset.value as Record<string, unknown>;
      for (const key of Object.keys(input))
        if (!Object.hasOwn(entries, key) && (key === '__proto__' || key === 'constructor' || key === 'prototype'))
          addIssue({ message: UNKNOWN_KEY, path: [{ type: 'object', origin: 'key', input, key, value: input[key] }] });
    }),
    objectWithRest(entries, never(UNKNOWN_KEY)),
  );
const StringList = array(string('must be a list of strings'), 'must be a list of strings');
const sameSet = (what: string) => optional(pipe(StringList, description(`${what}: the same set as the outcome's, in any order.`)));
const ListExpectation = optional(
  pipe(
    closed({ includes: optional(StringList), excludes: optional(StringList) }, 'must be { includes, excludes }'),
    description('Ids the outcome must include, and ids it must not.'),
  ),
);
const DeadlineExpectation = closed(
  {
    days: optional(unknown()),
    minDays: optional(unknown()),
    maxDays: optional(unknown()),
    due: optional(unknown()),
    dueFrom: optional(unknown()),
    dueTo: optional(unknown()),
  },
  'must be an object',
);
const ExpectationSchema = pipe(
  closed(
    {
      outcome: optional(pipe(string('must be a string'), description('The verdict id; must be equal.'))),
      grounds: sameSet('Grounds'),
      tags: sameSet('Tags'),
      reasons: sameSet('Reasons'),
      duties: ListExpectation,
      notes: ListExpectation,
      deadlines: optional(
        pipe(
          jsonObject(record(string(), DeadlineExpectation), 'must be an object keyed by duty'),
          description(
            'By duty id: each field given (days and minDays/maxDays as numbers, due/dueFrom/dueTo as "YYYY-MM-DD") ' +
              'must equal that of the deadline the app computes.',
          ),
        ),
      ),
      provisional: optional(pipe(boolean('must be true or false'), description('Whether the outcome is provisional; must be equal.'))),
      openQuestions: sameSet('Open questions'),
    },
    'missing or not an object',
  ),
  description('What the outcome must be. Every key is optional; only what is given is checked, and an unknown key is an error.'),
);

/** Text for people (workshop participants), not checked: the runner does not read it. */
const ForPeople = pipe(unknown(), description('{ "ja": "…", "en": "…" }: shown to people; the runner does not read it.'));

export const ScenarioSchema = jsonObject(
  withEntryMessages({
    id: pipe(string('missing'), nonEmpty('missing')),
    flow: picklist(FLOW_IDS, (issue) => `unknown flow ${JSON.stringify(issue.input)}`),
    title: optional(ForPeople),
    story: optional(ForPeople),
    facts: AnyFacts,
    expect: ExpectationSchema,
  }),
  'not a JSON object',
);

export const PackSchema = jsonObject(
  withEntryMessages({
    format: literal(PACK_FORMAT, (issue) => `expected "${PACK_FORMAT}", got ${JSON.stringify(issue.input)}`),
    version: literal(PACK_VERSION, (issue) => `unsupported version ${JSON.stringify(issue.input)} (this build reads ${PACK_VERSION})`),
    ruleset: optional(
      pipe(unknown(), description('The ruleset the pack was written for (e.g. "appi-2025-10"); another one is a warning.')),
    ),
    title: optional(ForPeople),
    scenarios: array(ScenarioSchema, 'missing or not a list'),
  }),
  'not a JSON object',
);

const topLevel = (i: BaseIssue<unknown>) => (i.path?.length ?? 0) <= 1;
const problemAt = (prefix: string[], whole: string) => (i: BaseIssue<unknown>) => {
  const keys = [...prefix, ...issueKeys(i)];
  return { where: keys.length ? keys.join('.') : whole, message: i.message };
};

/** The order a reader meets the keys in, at every level (valibot reports in the schema's order). */
function documentOrder(a: BaseIssue<unknown>, b: BaseIssue<unknown>): number {
  const pa = a.path ?? [];
  const pb = b.path ?? [];
  for (let d = 0; d < Math.min(pa.length, pb.length); d++) {
    const x = pa[d]!;
    const y = pb[d]!;
    if (x.key === y.key) continue;
    const keys = Object.keys(x.input as object);
    return keys.indexOf(String(x.key)) - keys.indexOf(String(y.key));
  }
  return pa.length - pb.length;
}

/** Pack-level problems (format, version, shape). An empty list means the pack can be run. */
export function checkPackShape(pack: unknown): PackProblem[] {
  const r = safeParse(PackSchema, pack);
  // Problems inside a scenario are that scenario's, reported when it runs.
  return (r.issues ?? []).filter(topLevel).map(problemAt([], 'pack'));
}

/** Problems with one scenario's own fields: a clear error naming the field, never a pass. */
export function checkScenario(raw: unknown, index: number): { id: string; problems: PackProblem[] } {
  const id = is(object({ id: NonEmptyString }), raw) ? raw.id : `#${index + 1}`;
  const issues = safeParse(ScenarioSchema, raw).issues ?? [];
  const top = issues.filter(topLevel);
  if (top.length) return { id, problems: top.map(problemAt([], 'scenario')) };

  // Sound as a scenario: now each fact against its flow's questions, then the expectation in the order written.
  const s = raw as { flow: FlowId; facts: unknown };
  const facts = (safeParse(flowFacts(flowDefinition(s.flow)), s.facts).issues ?? []).map(problemAt(['facts'], 'facts'));
  const expect = issues
    .filter((i) => i.path?.[0]?.key === 'expect')
    .sort(documentOrder)
    .map(problemAt([], 'expect'));
  // A list with several bad items is one problem: the list's.
  const problems = [...facts, ...expect].filter((p, i, all) => all.findIndex((q) => q.where === p.where) === i);
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
