// The engine that runs a flow's decision procedure over facts: it records which questions the rules
// actually ask (the path), stops at the first unanswered one, and applies the "unsure" conventions.
// The wizard's question order, the review page and evaluation all come from this one walk.

import { citation } from './citations';
import { RULESET } from './ruleset';
import type { FactValue, Facts, FlowId, Outcome, Question } from './types';
import { checkValue, type ValueProblem } from './validate';

/** What a flow's decide() returns; the engine adds flow, ruleset, open questions and sorting. */
export interface Verdict {
  outcome: string;
  grounds?: string[];
  tags?: string[];
  duties?: string[];
  deadlines?: Outcome['deadlines'];
  notes?: string[];
  reasons?: string[];
  citations: string[];
}

/** Read access to facts for a flow's rules. Each read marks the fact as asked. */
export interface Reader {
  /** A tri fact as its effective boolean: "unsure" reads as the question's conservative answer. */
  yes(id: string): boolean;
  /** The raw tri answer, for rules that treat "unsure" specially (e.g. an extra note). */
  tri(id: string): 'yes' | 'no' | 'unsure';
  choice(id: string): string;
  many(id: string): readonly string[];
  /** A count; "unknown" reads as +Infinity (above every threshold). */
  count(id: string): number;
  /** An optional date; null when left blank. */
  date(id: string): string | null;
}

export interface FlowDefinition {
  readonly id: FlowId;
  readonly questions: readonly Question[];
  /** Every outcome id decide() can return, in a stable display order. */
  readonly outcomes: readonly string[];
  /** The order a person should work through the duties (outcomes keep them sorted by id). */
  readonly dutyOrder: readonly string[];
  /** The citation behind each ground id where the ground is not itself a citation id (e.g. "consent"). */
  readonly groundCitations?: Readonly<Record<string, string>>;
  decide(r: Reader): Verdict;
}

export type WalkResult =
  | { kind: 'complete'; path: string[]; outcome: Outcome }
  | { kind: 'needs'; path: string[]; next: Question }
  | { kind: 'invalid'; path: string[]; factId: string; problem: ValueProblem | 'unknown-question' };

class Stop {
  constructor(readonly result: WalkResult) {}
}

export interface WalkOptions {
  /**
   * 'evaluate': an optional date that is absent counts as left blank (scenario packs, final evaluation).
   * 'interactive': any absent fact is the next question to ask, optional or not.
   */
  mode: 'evaluate' | 'interactive';
}

/** The citation id shown for a ground of this flow. */
export function groundCitation(flow: FlowDefinition, ground: string): string {
  return flow.groundCitations?.[ground] ?? ground;
}

export function questionOf(flow: FlowDefinition, id: string): Question | undefined {
  return flow.questions.find((q) => q.id === id);
}

export function walk(flow: FlowDefinition, facts: Facts, opts: WalkOptions): WalkResult {
  const path: string[] = [];
  const open = new Set<string>();

  const read = (id: string, type: Question['type']): FactValue => {
    const q = questionOf(flow, id);
    if (!q || q.type !== type) throw new Stop({ kind: 'invalid', path, factId: id, problem: 'unknown-question' });
    if (!path.includes(id)) path.push(id);
    const has = Object.prototype.hasOwnProperty.call(facts, id) && facts[id] !== undefined;
    if (!has) {
      if (q.type === 'date' && q.optional && opts.mode === 'evaluate') return null;
      throw new Stop({ kind: 'needs', path: path.slice(0, -1), next: q });
    }
    const v = facts[id] as FactValue;
    const problem = checkValue(q, v, { facts });
    if (problem) throw new Stop({ kind: 'invalid', path, factId: id, problem });
    return v;
  };

  const reader: Reader = {
    yes(id) {
      const v = read(id, 'tri');
      if (v === 'unsure') {
        open.add(id);
        const q = questionOf(flow, id);
        return q?.type === 'tri' && q.unsureMeans === 'yes';
      }
      return v === 'yes';
    },
    tri(id) {
      const v = read(id, 'tri') as 'yes' | 'no' | 'unsure';
      if (v === 'unsure') open.add(id);
      return v;
    },
    choice: (id) => read(id, 'enum') as string,
    many: (id) => read(id, 'multi') as string[],
    count(id) {
      const v = read(id, 'count');
      if (v === 'unknown') {
        open.add(id);
        return Number.POSITIVE_INFINITY;
      }
      return v as number;
    },
    date: (id) => read(id, 'date') as string | null,
  };

  try {
    const v = flow.decide(reader);
    const sorted = (xs: string[] | undefined) => [...new Set(xs ?? [])].sort();
    const openQuestions = path.filter((id) => open.has(id)).sort();
    const outcome: Outcome = {
      flow: flow.id,
      outcome: v.outcome,
      grounds: sorted(v.grounds),
      tags: sorted(v.tags),
      duties: sorted(v.duties),
      deadlines: [...(v.deadlines ?? [])].sort((a, b) => a.duty.localeCompare(b.duty)),
      notes: sorted(v.notes),
      reasons: sorted(v.reasons),
      openQuestions,
      provisional: openQuestions.length > 0,
      citations: [...new Set(v.citations)].map((id) => citation(id).ref),
      ruleset: RULESET,
    };
    return { kind: 'complete', path, outcome };
  } catch (e) {
    if (e instanceof Stop) return e.result;
    throw e;
  }
}

/**
 * Drop answers to questions that no longer apply. Only a complete walk says which those are: while a newly
 * opened question is unanswered, later answers may still apply once it is, so they are kept (and ignored by
 * evaluation meanwhile) rather than thrown away.
 */
export function pruneToPath(flow: FlowDefinition, facts: Facts): Record<string, FactValue> {
  const r = walk(flow, facts, { mode: 'interactive' });
  const keep: Record<string, FactValue> = {};
  const ids = r.kind === 'complete' ? r.path : Object.keys(facts);
  for (const id of ids) if (id in facts && facts[id] !== undefined) keep[id] = facts[id] as FactValue;
  return keep;
}
