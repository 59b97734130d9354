// The engine: what a flow definition is, and the walk that runs its decision procedure over facts — it records
// which questions the rules actually ask (the path), stops at the first unanswered one, and applies the "unsure"
// conventions. The wizard's question order, the review page and evaluation all come from this one walk.

import { citation } from './citations';
import type { IsoDate } from './dates';
import type { ClosureReason, HolidayId } from './holidays';
import { RULESET } from './ruleset';
import type { Deadline, FactValue, Facts, FlowId, Outcome, Question } from './types';
import { checkValue, type ValueProblem } from './validate';

/**
 * How a deadline was set, from the rules that set it, so no screen or report works it out again: the rule (a key
 * of the flow's `deadlineRules` texts), the fact whose answer would turn day counts into dates, and for a date that
 * was moved past closed days, the nominal day and each day skipped.
 */
export interface DeadlineBasis {
  rule: string;
  /** The fact that dates it (e.g. knownOn), when it is not answered yet. */
  undatedUntil?: string;
  /** A due date moved forward: day N as counted, and the closed days it passed over. */
  rolled?: { dayN: IsoDate; skipped: { date: IsoDate; reason: ClosureReason; holiday?: HolidayId }[] };
}

/** A deadline as the rules produce it: the Outcome's deadline (spec shape, stored) and how it was set (not stored). */
export type RuledDeadline = Deadline & { basis: DeadlineBasis };

/** What a flow's decide() returns; the engine adds flow, ruleset, open questions and sorting. */
export interface Verdict {
  outcome: string;
  grounds?: string[];
  tags?: string[];
  duties?: string[];
  deadlines?: RuledDeadline[];
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

/** How an outcome reads at a glance (its colour on screen): done, act now, look again, or nothing to do. */
export type Tone = 'clear' | 'act' | 'caution' | 'neutral';

/** A next check an outcome calls for, started with the facts this outcome already answers. */
export interface ChainOffer {
  /** A flow id of the registry (checked by the generic flow test). */
  flow: FlowId;
  /** Facts of `flow` that the outcome already answers. */
  facts: Record<string, FactValue>;
  /** Why it is offered: an id of the source flow's `chainReasons` texts. */
  because: string;
}

/**
 * Everything one decision flow is: its questions (typed data, stable fact ids), its rules (decide), and what
 * screens and reports need to show its results. Adding a flow is this module, its two locale files and one
 * registry line (docs/adding-a-flow.md).
 */
export interface FlowDefinition<Id extends string = FlowId> {
  readonly id: Id;
  readonly questions: readonly Question[];
  /** Every outcome id decide() can return, in a stable display order, with how each reads at a glance. */
  readonly outcomes: readonly string[];
  readonly tones: Readonly<Record<string, Tone>>;
  /**
   * Every other id decide() can produce, by kind — the vocabulary the flow's texts must cover. The generic flow
   * test walks the rules and checks they produce exactly these.
   */
  readonly vocabulary: {
    readonly grounds: readonly string[];
    readonly tags: readonly string[];
    readonly notes: readonly string[];
    readonly reasons: readonly string[];
    /** Ids of `notices` texts (see notices()). */
    readonly notices?: readonly string[];
    /** Ids of `chainReasons` texts (see chainOffers()). */
    readonly chainReasons?: readonly string[];
  };
  /** Every duty, in the order a person should work through them (outcomes keep them sorted by id). */
  readonly dutyOrder: readonly string[];
  /** The citation behind each ground id where the ground is not itself a citation id (e.g. "consent"). */
  readonly groundCitations?: Readonly<Record<string, string>>;
  decide(r: Reader): Verdict;
  /** Notices shown with an outcome, beside the disclaimer (ids of the flow's `notices` texts). */
  notices?(facts: Facts, outcome: Outcome): string[];
  /** The next checks this outcome calls for, with the facts it already answers. */
  chainOffers?(outcome: Outcome): ChainOffer[];
}

/** Declares a flow with its id kept as a literal type, so the registry can derive the FlowId union from it. */
export function defineFlow<const Id extends string>(def: FlowDefinition<Id>): FlowDefinition<Id> {
  return def;
}

export type WalkResult =
  | { kind: 'complete'; path: string[]; outcome: Outcome; deadlineBasis: Readonly<Record<string, DeadlineBasis>> }
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
export function groundCitation(flow: FlowDefinition<string>, ground: string): string {
  return flow.groundCitations?.[ground] ?? ground;
}

export function questionOf(flow: FlowDefinition<string>, id: string): Question | undefined {
  return flow.questions.find((q) => q.id === id);
}

export function walk(flow: FlowDefinition<string>, facts: Facts, opts: WalkOptions): WalkResult {
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
      // Flows are walked only through the registry, whose ids make up FlowId.
      flow: flow.id as FlowId,
      outcome: v.outcome,
      grounds: sorted(v.grounds),
      tags: sorted(v.tags),
      duties: sorted(v.duties),
      deadlines: [...(v.deadlines ?? [])].sort((a, b) => a.duty.localeCompare(b.duty)).map(({ basis: _b, ...d }) => d),
      notes: sorted(v.notes),
      reasons: sorted(v.reasons),
      openQuestions,
      provisional: openQuestions.length > 0,
      citations: [...new Set(v.citations)].map((id) => citation(id).ref),
      ruleset: RULESET,
    };
    const deadlineBasis = Object.fromEntries((v.deadlines ?? []).map((d) => [d.duty, d.basis]));
    return { kind: 'complete', path, outcome, deadlineBasis };
  } catch (e) {
    if (e instanceof Stop) return e.result;
    throw e;
  }
}
