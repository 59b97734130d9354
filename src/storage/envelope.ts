// The one versioned envelope (schema version, ruleset, flow, facts, outcome) used for IndexedDB, JSON export
// and the data embedded in the PDF; with its strict validation and the pure migrations between versions.

import { evaluate, isFlowId } from '../domain/evaluate';
import { flowDefinition } from '../domain/flows/registry';
import { questionOf } from '../domain/interrogate';
import { RULESET } from '../domain/ruleset';
import type { FactValue, FlowId, Outcome } from '../domain/types';
import { checkValue } from '../domain/validate';

export const ENVELOPE_FORMAT = 'shirube-assessment';
export const CURRENT_SCHEMA_VERSION = 1;

/** Where the user was, so reopening the app continues exactly there. */
export type Position = { screen: 'question'; question: string } | { screen: 'review' } | { screen: 'outcome' };

export interface EnvelopeV1 {
  format: typeof ENVELOPE_FORMAT;
  schemaVersion: 1;
  /** The legal baseline the assessment was made under. */
  ruleset: string;
  id: string;
  flow: FlowId;
  title: string;
  facts: Record<string, FactValue>;
  /** The outcome as shown to the user; null until the path is complete. */
  outcome: Outcome | null;
  position: Position;
  /** ISO 8601 instants. */
  createdAt: string;
  updatedAt: string;
}

export type Envelope = EnvelopeV1;

export type EnvelopeProblem =
  | { code: 'not-json' }
  | { code: 'not-an-assessment' }
  | { code: 'newer-version'; version: number }
  | { code: 'bad-version'; version: unknown }
  | { code: 'bad-field'; field: string }
  | { code: 'unknown-flow'; flow: string }
  | { code: 'unknown-fact'; field: string }
  | { code: 'bad-fact'; field: string };

export type EnvelopeResult = { ok: true; envelope: Envelope; migratedFrom?: number } | { ok: false; problem: EnvelopeProblem };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isInstant = (x: unknown) => typeof x === 'string' && !Number.isNaN(Date.parse(x));

/**
 * Migrations from each older schema version to the next, as pure functions over plain JSON.
 * Version 1 is the first; a new version adds an entry here and a fixture under test/fixtures/.
 */
export const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

/** Validate and migrate anything that claims to be an envelope (from IndexedDB, a JSON file, or a PDF). */
export function readEnvelope(raw: unknown): EnvelopeResult {
  if (!isObj(raw) || raw.format !== ENVELOPE_FORMAT) return { ok: false, problem: { code: 'not-an-assessment' } };
  let doc = raw;
  const from = doc.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
    return { ok: false, problem: { code: 'bad-version', version: from } };
  if (from > CURRENT_SCHEMA_VERSION) return { ok: false, problem: { code: 'newer-version', version: from } };
  for (let v = from; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, problem: { code: 'bad-version', version: v } };
    doc = step(doc);
  }
  const bad = (field: string): EnvelopeResult => ({ ok: false, problem: { code: 'bad-field', field } });
  if (typeof doc.id !== 'string' || !doc.id) return bad('id');
  if (typeof doc.ruleset !== 'string' || !doc.ruleset) return bad('ruleset');
  if (typeof doc.title !== 'string') return bad('title');
  if (!isInstant(doc.createdAt)) return bad('createdAt');
  if (!isInstant(doc.updatedAt)) return bad('updatedAt');
  if (!isFlowId(doc.flow)) return { ok: false, problem: { code: 'unknown-flow', flow: String(doc.flow) } };
  if (!isObj(doc.facts)) return bad('facts');
  const def = flowDefinition(doc.flow);
  if (!def) return { ok: false, problem: { code: 'unknown-flow', flow: doc.flow } };
  for (const [k, v] of Object.entries(doc.facts)) {
    const q = questionOf(def, k);
    if (!q) return { ok: false, problem: { code: 'unknown-fact', field: `facts.${k}` } };
    if (checkValue(q, v)) return { ok: false, problem: { code: 'bad-fact', field: `facts.${k}` } };
  }
  if (doc.outcome !== null && !(isObj(doc.outcome) && typeof doc.outcome.outcome === 'string')) return bad('outcome');
  const pos = doc.position;
  if (
    !isObj(pos) ||
    !((pos.screen === 'question' && typeof pos.question === 'string') || pos.screen === 'review' || pos.screen === 'outcome')
  )
    return bad('position');
  return {
    ok: true,
    envelope: doc as unknown as Envelope,
    ...(from !== CURRENT_SCHEMA_VERSION ? { migratedFrom: from } : {}),
  };
}

export function newEnvelope(flow: FlowId, id: string, title: string, now: Date): Envelope {
  const at = now.toISOString();
  return {
    format: ENVELOPE_FORMAT,
    schemaVersion: 1,
    ruleset: RULESET,
    id,
    flow,
    title,
    facts: {},
    outcome: null,
    position: { screen: 'question', question: '' },
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Re-evaluate an envelope's facts with this build's rules. `differs` is true when the stored outcome is not
 * what the current rules give (e.g. it was made under an older ruleset) — shown, never silently replaced.
 */
export function recheck(env: Envelope): { outcome: Outcome | null; differs: boolean } {
  const r = evaluate(env.flow, env.facts);
  const outcome = r.ok ? r.outcome : null;
  const differs = env.outcome !== null && JSON.stringify(env.outcome) !== JSON.stringify(outcome);
  return { outcome, differs };
}
