// The one versioned envelope (schema version, ruleset, flow, facts, outcome) used for IndexedDB, JSON export
// and the data embedded in the PDF; its schema at every version, strict validation, and the pure migrations.

import {
  array,
  forward,
  integer,
  is,
  literal,
  minValue,
  nullable,
  number,
  object,
  partialCheck,
  picklist,
  pipe,
  safeParse,
  string,
  variant,
  type BaseIssue,
  type GenericSchema,
} from 'valibot';
import { questionOf } from '../domain/engine';
import { evaluate, isFlowId } from '../domain/evaluate';
import { FLOW_IDS, flowDefinition } from '../domain/flows/registry';
import { RULES_REVISION, RULESET } from '../domain/ruleset';
import { flowFacts, Instant, JsonObject, NonEmptyString } from '../domain/schema-parts';
import type { FactValue, FlowId, Outcome } from '../domain/types';

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

// --- Schemas: every version, each field where reading checks it (the first bad one is the one reported) -----------

/** Only the verdict's id is required: a saved outcome is evidence, shown as it was saved. */
export const OutcomeSchema = object({ outcome: NonEmptyString });
const PositionSchema = variant('screen', [
  object({ screen: literal('question'), question: string() }),
  object({ screen: literal('review') }),
  object({ screen: literal('outcome') }),
]);
const PriorOutcomeSchema = object({ outcome: OutcomeSchema, rulesRevision: NonEmptyString, savedAt: Instant, replacedAt: Instant });
const RunLink = nullable(NonEmptyString);
/** A carried-over fact is one the run holds an answer for (checked once both fields are sound). */
const prefilledAnswered = (e: { facts: Record<string, unknown>; prefilled: string[] }) => e.prefilled.every((id) => id in e.facts);

/**
 * The schema of one envelope version. `facts` checks the facts: against one flow's questions when reading, only
 * as JSON for the published JSON Schema (docs/schema/), which cannot know the flows.
 */
export function envelopeSchema(version: 1 | 2 | 3, facts: GenericSchema<unknown, Record<string, unknown>>) {
  const head = {
    format: literal(ENVELOPE_FORMAT),
    schemaVersion: literal(version),
    id: NonEmptyString,
    ruleset: NonEmptyString,
    title: string(),
    createdAt: Instant,
    updatedAt: Instant,
    flow: picklist(FLOW_IDS),
    facts,
  };
  if (version === 1) return object({ ...head, outcome: nullable(OutcomeSchema), position: PositionSchema });
  const links = { caseId: RunLink, chainedFrom: RunLink, prefilled: array(string()) };
  if (version === 2)
    return pipe(
      object({ ...head, ...links, outcome: nullable(OutcomeSchema), position: PositionSchema }),
      forward(partialCheck([['facts'], ['prefilled']], prefilledAnswered), ['prefilled']),
    );
  return pipe(
    object({
      ...head,
      ...links,
      outcome: nullable(OutcomeSchema),
      rulesRevision: NonEmptyString,
      priorOutcomes: array(PriorOutcomeSchema),
      position: PositionSchema,
    }),
    forward(partialCheck([['facts'], ['prefilled']], prefilledAnswered), ['prefilled']),
  );
}

/** Reading a run of a flow this build does not know: the flow is the problem, whatever its facts. */
const UnknownFlow = envelopeSchema(CURRENT_SCHEMA_VERSION, JsonObject);
const FIELD_ORDER = Object.keys(UnknownFlow.entries);
const byFlow = new Map<FlowId, typeof UnknownFlow>();
/** The current version with every fact checked against its flow's questions. */
function readingSchema(flow: unknown) {
  if (!isFlowId(flow)) return UnknownFlow;
  let schema = byFlow.get(flow);
  if (!schema) byFlow.set(flow, (schema = envelopeSchema(CURRENT_SCHEMA_VERSION, flowFacts(flowDefinition(flow)))));
  return schema;
}

/** An envelope of any version: the version decides how to migrate it before the rest is checked. */
const Claim = object({ format: literal(ENVELOPE_FORMAT) });
const SchemaVersion = pipe(number(), integer(), minValue(1));

/** The problem of the field checked first among those with issues (cross-field checks run after all fields). */
function problemOf(doc: Record<string, unknown>, issues: readonly BaseIssue<unknown>[]): EnvelopeProblem {
  const rank = (i: BaseIssue<unknown>) => FIELD_ORDER.indexOf(String(i.path?.[0]?.key));
  const first = issues.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  const field = String(first.path?.[0]?.key);
  if (field === 'flow') return { code: 'unknown-flow', flow: String(doc.flow) };
  const fact = first.path?.[1];
  if (field === 'facts' && fact && isFlowId(doc.flow)) {
    const known = questionOf(flowDefinition(doc.flow), String(fact.key)) !== undefined;
    return { code: known ? 'bad-fact' : 'unknown-fact', field: `facts.${String(fact.key)}` };
  }
  return { code: 'bad-field', field };
}

/** Validate and migrate anything that claims to be an envelope (from IndexedDB, a JSON file, or a PDF). */
export function readEnvelope(raw: unknown): EnvelopeResult {
  if (!is(Claim, raw)) return { ok: false, problem: { code: 'not-an-assessment' } };
  let doc: Record<string, unknown> = raw;
  const from = doc.schemaVersion;
  if (!is(SchemaVersion, from)) return { ok: false, problem: { code: 'bad-version', version: from } };
  if (from > CURRENT_SCHEMA_VERSION) return { ok: false, problem: { code: 'newer-version', version: from } };
  for (let v = from; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, problem: { code: 'bad-version', version: v } };
    doc = step(doc);
  }
  const checked = safeParse(readingSchema(doc.flow), doc);
  if (!checked.success) return { ok: false, problem: problemOf(doc, checked.issues) };
  // The document itself, not valibot's copy: fields this build does not know are kept, as they always were.
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
