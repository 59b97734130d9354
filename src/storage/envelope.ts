// The one versioned envelope (schema version, ruleset, flow, facts, outcome) used for IndexedDB, JSON export
// and the data embedded in the PDF; with its strict validation and the pure migrations between versions.

import { evaluate, isFlowId } from '../domain/evaluate';
import { flowDefinition } from '../domain/flows/registry';
import { questionOf } from '../domain/interrogate';
import { RULES_REVISION, RULESET } from '../domain/ruleset';
import type { FactValue, FlowId, Outcome } from '../domain/types';
import { checkValue } from '../domain/validate';

export const ENVELOPE_FORMAT = 'shirube-assessment';
export const CURRENT_SCHEMA_VERSION = 3;

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

/** Version 2 (issue 3): a run may belong to a data use case (案件) and carry facts over from another run. */
export interface EnvelopeV2 extends Omit<EnvelopeV1, 'schemaVersion'> {
  schemaVersion: 2;
  /** The case this run belongs to; null for a stand-alone assessment. */
  caseId: string | null;
  /** The run whose outcome prefilled some facts here; null when nothing was carried over. */
  chainedFrom: string | null;
  /** Fact ids carried over from `chainedFrom` that the user has not answered here yet (shown as such). */
  prefilled: string[];
}

/** A verdict made under an earlier revision of the rules, kept when this build's rules replaced it. */
export interface PriorOutcome {
  outcome: Outcome;
  /** The rules revision it was made under (see ruleset.ts). */
  rulesRevision: string;
  /** When it was last saved (the record's updatedAt at the time). */
  savedAt: string;
  /** When the later rules replaced it (with another verdict, or with questions they added). */
  replacedAt: string;
}

/**
 * Version 3 (legal revision 2026-12): which revision of the rules `outcome` was made under, and the verdicts of
 * earlier revisions that the current rules replaced — kept as evidence, never overwritten.
 */
export interface EnvelopeV3 extends Omit<EnvelopeV2, 'schemaVersion'> {
  schemaVersion: 3;
  rulesRevision: string;
  /** Oldest first. */
  priorOutcomes: PriorOutcome[];
}

export type Envelope = EnvelopeV3;

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
export const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // 1 → 2: runs gained case membership and carried-over facts; a version-1 run stands alone with none.
  1: (old) => ({ ...old, schemaVersion: 2, caseId: null, chainedFrom: null, prefilled: [] }),
  // 2 → 3: every earlier build applied the rules as first implemented ("2025-10"); nothing was replaced yet.
  2: (old) => ({ ...old, schemaVersion: 3, rulesRevision: '2025-10', priorOutcomes: [] }),
};

const isOutcomeLike = (x: unknown) => isObj(x) && typeof x.outcome === 'string' && x.outcome !== '';

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
  for (const [k, v] of Object.entries(doc.facts)) {
    const q = questionOf(def, k);
    if (!q) return { ok: false, problem: { code: 'unknown-fact', field: `facts.${k}` } };
    if (checkValue(q, v)) return { ok: false, problem: { code: 'bad-fact', field: `facts.${k}` } };
  }
  if (!(doc.caseId === null || (typeof doc.caseId === 'string' && doc.caseId))) return bad('caseId');
  if (!(doc.chainedFrom === null || (typeof doc.chainedFrom === 'string' && doc.chainedFrom))) return bad('chainedFrom');
  const facts = doc.facts;
  if (!Array.isArray(doc.prefilled) || !doc.prefilled.every((x) => typeof x === 'string' && x in facts)) return bad('prefilled');
  if (doc.outcome !== null && !isOutcomeLike(doc.outcome)) return bad('outcome');
  if (typeof doc.rulesRevision !== 'string' || !doc.rulesRevision) return bad('rulesRevision');
  if (
    !Array.isArray(doc.priorOutcomes) ||
    !doc.priorOutcomes.every(
      (p) =>
        isObj(p) &&
        isOutcomeLike(p.outcome) &&
        typeof p.rulesRevision === 'string' &&
        p.rulesRevision !== '' &&
        isInstant(p.savedAt) &&
        isInstant(p.replacedAt),
    )
  )
    return bad('priorOutcomes');
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

export interface NewRunOptions {
  caseId?: string | null;
  /** Facts carried over from another run, and which run. */
  carried?: { from: string; facts: Record<string, FactValue> };
}

export function newEnvelope(flow: FlowId, id: string, title: string, now: Date, opts: NewRunOptions = {}): Envelope {
  const at = now.toISOString();
  const carried = opts.carried;
  return {
    format: ENVELOPE_FORMAT,
    schemaVersion: 3,
    ruleset: RULESET,
    rulesRevision: RULES_REVISION,
    priorOutcomes: [],
    id,
    flow,
    title,
    facts: { ...(carried?.facts ?? {}) },
    outcome: null,
    position: { screen: 'question', question: '' },
    createdAt: at,
    updatedAt: at,
    caseId: opts.caseId ?? null,
    chainedFrom: carried ? carried.from : null,
    prefilled: Object.keys(carried?.facts ?? {}),
  };
}

/** What the wizard changes in a run as the person answers. */
export interface RunProgress {
  facts: Record<string, FactValue>;
  position: Position;
  outcome: Outcome | null;
  prefilled: string[];
}

/**
 * The run after the wizard moved on, stamped with this build's rules revision. A verdict made under an earlier
 * revision is never overwritten: when this build's rules replace it — with another verdict, or with a question the
 * revision added — it is kept in `priorOutcomes` as evidence of what was decided then.
 */
export function advanceRun(prev: Envelope, next: RunProgress, now: Date): Envelope {
  const at = now.toISOString();
  const old = prev.outcome;
  // Kept only when this build's rules give something else for the answers it was made from: a verdict they
  // confirm is simply carried forward, and one the person changes by answering differently is their own edit.
  const replaced = old !== null && prev.rulesRevision !== RULES_REVISION && recheck(prev).differs;
  return {
    ...prev,
    ...next,
    rulesRevision: RULES_REVISION,
    priorOutcomes: replaced
      ? [...prev.priorOutcomes, { outcome: old, rulesRevision: prev.rulesRevision, savedAt: prev.updatedAt, replacedAt: at }]
      : prev.priorOutcomes,
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
