// The one versioned envelope (schema version, ruleset, flow, facts, outcome) used for IndexedDB, JSON export
// and the data embedded in the PDF; its schema at every version, strict validation, and the pure migrations.

import {
  array,
  boolean,
  forward,
  integer,
  is,
  literal,
  maxLength,
  maxValue,
  minValue,
  null_,
  nullable,
  number,
  object,
  optional,
  partialCheck,
  picklist,
  pipe,
  record,
  regex,
  safeParse,
  string,
  union,
  variant,
  type BaseIssue,
  type GenericSchema,
} from 'valibot';
import { questionOf } from '../domain/engine';
import { evaluate, isFlowId } from '../domain/evaluate';
import { FLOW_IDS, flowDefinition } from '../domain/flows/registry';
import { RULES_REVISION, RULESET } from '../domain/ruleset';
import { checkValue } from '../domain/validate';
import { flowFacts } from '../domain/flow-facts-schema';
import { Instant, JsonObject, NAME_MAX, NonEmptyString, NOTE_MAX, RecordId, Title } from '../domain/schema-parts';
import type { FactValue, FlowId, Outcome } from '../domain/types';
import { provideEnvelope } from './record-logic';

export const ENVELOPE_FORMAT = 'shirube-assessment';
export const CURRENT_SCHEMA_VERSION = 4;

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

/** One entry of a record's history: a change with its time (kept for the PDF's appendix and for an audit). */
export type HistoryEntry =
  /** An answer given, changed or removed (`null`: not answered), or the reason beside it. */
  | { at: string; kind: 'answer' | 'note'; factId: string; from: FactValue | null; to: FactValue | null }
  /** The title, assessor or reviewer changed. */
  | { at: string; kind: 'title' | 'assessor' | 'reviewer'; from: string; to: string }
  /** Signed off (read-only from then), or a new version started from this signed-off record. */
  | { at: string; kind: 'signed-off' | 'new-version'; by: string; ref?: string }
  /** Assessed again under newer rules, and the person accepted the result (the earlier one is in priorOutcomes). */
  | { at: string; kind: 'rules'; from: string; to: string };

/**
 * Version 4 (the library, issue 13): the reason beside each answer, who assessed and reviewed it and when it was
 * signed off (read-only from then; a change starts a new version linked to it), archiving, every change with its time,
 * and a revision number that makes a save from a stale copy (another tab) fail instead of silently winning.
 */
export interface EnvelopeV4 extends Omit<EnvelopeV3, 'schemaVersion'> {
  schemaVersion: 4;
  /** Free-text reasons beside answers, by fact id ("we answered no to wrongful purpose because…"). */
  answerNotes: Record<string, string>;
  assessor: string;
  reviewer: string;
  signedOffAt: string | null;
  archived: boolean;
  /** The signed-off record this one is a new version of. */
  previousVersion: string | null;
  /** Oldest first. */
  history: HistoryEntry[];
  /** Bumped by every save: a save made from an older revision is refused (it would overwrite a newer edit). */
  rev: number;
}

export type Envelope = EnvelopeV4;

export type EnvelopeProblem =
  | { code: 'not-json' }
  | { code: 'not-an-assessment' }
  | { code: 'newer-version'; version: number }
  | { code: 'bad-version'; version: unknown }
  | { code: 'bad-field'; field: string }
  | { code: 'unknown-flow'; flow: string }
  | { code: 'unknown-fact'; field: string }
  | { code: 'bad-fact'; field: string }
  /** The file is larger than any record the app writes (MAX_RECORD_BYTES). */
  | { code: 'too-large' };

/** No record the app writes comes near this; a bigger one would make every list slow (or hang the app). */
export const MAX_RECORD_BYTES = 2_000_000;

export type EnvelopeResult = { ok: true; envelope: Envelope; migratedFrom?: number } | { ok: false; problem: EnvelopeProblem };

/**
 * Migrations from each older schema version to the next, as pure functions over plain JSON.
 * Version 1 is the first; a new version adds an entry here and a fixture under test/fixtures/.
 */
/**
 * The record-keeping fields of version 4 as a record starts: no reasons, people or sign-off, not archived, no earlier
 * version, no history, revision 0. A new run and a migrated older one both begin here (a function: fresh objects).
 */
const RECORD_KEEPING_START = () => ({
  answerNotes: {},
  assessor: '',
  reviewer: '',
  signedOffAt: null,
  archived: false,
  previousVersion: null,
  history: [],
  rev: 0,
});

export const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // 1 → 2: runs gained case membership and carried-over facts; a version-1 run stands alone with none.
  1: (old) => ({ ...old, schemaVersion: 2, caseId: null, chainedFrom: null, prefilled: [] }),
  // 2 → 3: every earlier build applied the rules as first implemented ("2025-10"); nothing was replaced yet.
  2: (old) => ({ ...old, schemaVersion: 3, rulesRevision: '2025-10', priorOutcomes: [] }),
  // 3 → 4: what every record starts with (RECORD_KEEPING_START); nothing of it was kept before.
  3: (old) => ({ ...old, schemaVersion: 4, ...RECORD_KEEPING_START() }),
};

// --- Schemas: every version, each field where reading checks it (the first bad one is the one reported) -----------

/** Only the verdict's id is required of versions 1–3: a saved outcome is evidence, shown as it was saved. */
export const OutcomeSchema = object({ outcome: NonEmptyString });

const Id = pipe(string(), maxLength(100));
const IdList = pipe(array(Id), maxLength(200));
const IsoDay = pipe(string(), regex(/^\d{4}-\d{2}-\d{2}$/));
const DayCount = pipe(number(), integer(), minValue(0), maxValue(100_000));
const DeadlineSchema = object({
  duty: Id,
  days: optional(DayCount),
  minDays: optional(DayCount),
  maxDays: optional(DayCount),
  due: optional(IsoDay),
  dueFrom: optional(IsoDay),
  dueTo: optional(IsoDay),
});
/**
 * From version 4 a saved outcome is read whole and bounded: every list an Outcome has, and nothing else (unknown or
 * oversized content — 50 MB of junk, a deeply nested object — is not stored).
 */
export const FullOutcomeSchema = object({
  flow: picklist(FLOW_IDS),
  outcome: pipe(NonEmptyString, maxLength(100)),
  grounds: IdList,
  tags: IdList,
  duties: IdList,
  deadlines: pipe(array(DeadlineSchema), maxLength(50)),
  notes: IdList,
  reasons: IdList,
  openQuestions: IdList,
  provisional: boolean(),
  citations: pipe(array(pipe(string(), maxLength(200))), maxLength(300)),
  ruleset: pipe(string(), maxLength(100)),
});
/** Where a run of versions 1–3 was left, as those versions wrote it (their published schemas stay as released). */
const PositionV1Schema = variant('screen', [
  object({ screen: literal('question'), question: string() }),
  object({ screen: literal('review') }),
  object({ screen: literal('outcome') }),
]);
const PositionSchema = variant('screen', [
  object({ screen: literal('question'), question: pipe(string(), maxLength(100)) }),
  object({ screen: literal('review') }),
  object({ screen: literal('outcome') }),
]);
const PriorOutcomeSchema = object({ outcome: OutcomeSchema, rulesRevision: NonEmptyString, savedAt: Instant, replacedAt: Instant });
const FullPriorOutcomeSchema = object({
  outcome: FullOutcomeSchema,
  rulesRevision: pipe(NonEmptyString, maxLength(100)),
  savedAt: Instant,
  replacedAt: Instant,
});
const RunLink = nullable(NonEmptyString);
/** A carried-over fact is one the run holds an answer for (its own key: "toString" is not an answer). */
const prefilledAnswered = (e: { facts: Record<string, unknown>; prefilled: string[] }) =>
  e.prefilled.every((id) => Object.prototype.hasOwnProperty.call(e.facts, id));

const Name = pipe(string(), maxLength(NAME_MAX));
const HistoryValue = union([pipe(string(), maxLength(NOTE_MAX)), number(), pipe(array(Id), maxLength(100)), null_()]);
/** One entry of a record's history (version 4). */
export const HistoryEntrySchema = variant('kind', [
  object({ at: Instant, kind: picklist(['answer', 'note']), factId: Id, from: HistoryValue, to: HistoryValue }),
  object({
    at: Instant,
    kind: picklist(['title', 'assessor', 'reviewer']),
    from: pipe(string(), maxLength(NOTE_MAX)),
    to: pipe(string(), maxLength(NOTE_MAX)),
  }),
  object({ at: Instant, kind: picklist(['signed-off', 'new-version']), by: Name, ref: optional(RecordId) }),
  object({ at: Instant, kind: literal('rules'), from: Id, to: Id }),
]);

/**
 * The schema of one envelope version. `facts` checks the facts: against one flow's questions when reading, only
 * as JSON for the published JSON Schema (docs/schema/), which cannot know the flows.
 */
export function envelopeSchema(version: 1 | 2 | 3 | 4, facts: GenericSchema<unknown, Record<string, unknown>>) {
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
  if (version === 1) return object({ ...head, outcome: nullable(OutcomeSchema), position: PositionV1Schema });
  const links = { caseId: RunLink, chainedFrom: RunLink, prefilled: array(string()) };
  if (version === 2)
    return pipe(
      object({ ...head, ...links, outcome: nullable(OutcomeSchema), position: PositionV1Schema }),
      forward(partialCheck([['facts'], ['prefilled']], prefilledAnswered), ['prefilled']),
    );
  if (version === 3)
    return pipe(
      object({
        ...head,
        ...links,
        outcome: nullable(OutcomeSchema),
        rulesRevision: NonEmptyString,
        priorOutcomes: array(PriorOutcomeSchema),
        position: PositionV1Schema,
      }),
      forward(partialCheck([['facts'], ['prefilled']], prefilledAnswered), ['prefilled']),
    );
  // Version 4 is what this build writes: every field bounded, ids URL- and key-safe, nothing unknown kept.
  return pipe(
    object({
      ...head,
      id: RecordId,
      title: Title,
      caseId: nullable(RecordId),
      chainedFrom: nullable(RecordId),
      prefilled: pipe(array(Id), maxLength(200)),
      outcome: nullable(FullOutcomeSchema),
      rulesRevision: pipe(NonEmptyString, maxLength(100)),
      priorOutcomes: pipe(array(FullPriorOutcomeSchema), maxLength(100)),
      position: PositionSchema,
      answerNotes: record(Id, pipe(string(), maxLength(NOTE_MAX))),
      assessor: Name,
      reviewer: Name,
      signedOffAt: nullable(Instant),
      archived: boolean(),
      previousVersion: nullable(RecordId),
      history: pipe(array(HistoryEntrySchema), maxLength(20_000)),
      rev: pipe(number(), integer(), minValue(0), maxValue(Number.MAX_SAFE_INTEGER)),
    }),
    forward(partialCheck([['facts'], ['prefilled']], prefilledAnswered), ['prefilled']),
    forward(
      partialCheck([['facts'], ['answerNotes']], (e: { facts: Record<string, unknown>; answerNotes: Record<string, string> }) =>
        Object.keys(e.answerNotes).every((id) => Object.prototype.hasOwnProperty.call(e.facts, id)),
      ),
      ['answerNotes'],
    ),
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

export interface ReadOptions {
  /** Today in Japan: when given (an import), a date answer after it (e.g. knownOn) is refused like in the wizard. */
  today?: string;
}

/** Validate and migrate anything that claims to be an envelope (from IndexedDB, a JSON file, or a PDF). */
export function readEnvelope(raw: unknown, opts: ReadOptions = {}): EnvelopeResult {
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
  // Valibot's copy: exactly the fields this version has (unknown ones are not kept, so not stored).
  const envelope = checked.output as unknown as Envelope;
  const problem = semanticProblem(envelope, opts);
  if (problem) return { ok: false, problem };
  return { ok: true, envelope, ...(from !== CURRENT_SCHEMA_VERSION ? { migratedFrom: from } : {}) };
}

/**
 * What the schema cannot say: answers valid for today, and a verdict that belongs to the record it is in. An import
 * (`today` given) also refuses a count no exact number can be (above Number.MAX_SAFE_INTEGER, e.g. 1e308); a stored
 * record is not refused for one, since the wizard's own check (checkValue) still accepts it.
 */
function semanticProblem(env: Envelope, opts: ReadOptions): EnvelopeProblem | null {
  const def = flowDefinition(env.flow);
  if (opts.today)
    for (const [id, v] of Object.entries(env.facts)) {
      const q = questionOf(def, id);
      const huge = q?.type === 'count' && typeof v === 'number' && v > Number.MAX_SAFE_INTEGER;
      if (q && (huge || checkValue(q, v, { today: opts.today, facts: env.facts }))) return { code: 'bad-fact', field: `facts.${id}` };
    }
  if (env.outcome) {
    if (env.outcome.flow !== env.flow || !def.outcomes.includes(env.outcome.outcome)) return { code: 'bad-field', field: 'outcome' };
    // A verdict of the current rules exists only for a complete run; one for an unfinished run was not made here.
    if (env.rulesRevision === RULES_REVISION && !evaluate(env.flow, env.facts).ok) return { code: 'bad-field', field: 'outcome' };
  }
  return null;
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
    schemaVersion: 4,
    ruleset: RULESET,
    rulesRevision: RULES_REVISION,
    priorOutcomes: [],
    ...RECORD_KEEPING_START(),
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
  // A reason stays with its answer: when the answer is dropped (the question no longer applies), so is the reason.
  const answerNotes = Object.fromEntries(
    Object.entries(prev.answerNotes).filter(([id]) => Object.prototype.hasOwnProperty.call(next.facts, id)),
  );
  return {
    ...prev,
    ...next,
    answerNotes,
    rulesRevision: RULES_REVISION,
    priorOutcomes: replaced
      ? [...prev.priorOutcomes, { outcome: old, rulesRevision: prev.rulesRevision, savedAt: prev.updatedAt, replacedAt: at }]
      : prev.priorOutcomes,
    history: [...prev.history, ...answerChanges(prev, next.facts, answerNotes, at)],
    updatedAt: at,
  };
}

/** Each answer given, changed or dropped, and each reason dropped with its answer, as history entries. */
function answerChanges(prev: Envelope, facts: Record<string, FactValue>, notes: Record<string, string>, at: string): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  for (const id of new Set([...Object.keys(prev.facts), ...Object.keys(facts)])) {
    const from = has(prev.facts, id) ? (prev.facts[id] as FactValue) : null;
    const to = has(facts, id) ? (facts[id] as FactValue) : null;
    if (JSON.stringify(from) !== JSON.stringify(to)) out.push({ at, kind: 'answer', factId: id, from, to });
  }
  for (const [id, note] of Object.entries(prev.answerNotes))
    if (!has(notes, id)) out.push({ at, kind: 'note', factId: id, from: note, to: null });
  return out;
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

// Storage reads and writes records through this module without importing it (storage/record-logic.ts).
provideEnvelope({ readEnvelope, MIGRATIONS, ENVELOPE_FORMAT });
