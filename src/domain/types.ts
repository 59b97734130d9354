// The canonical vocabulary of flows.md: fact values, question definitions and the Outcome object.

// Flow ids come from the one list of flow definitions (flows/registry.ts).
import type { FlowId } from './flows/registry';
export type { FlowId };

export type Tri = 'yes' | 'no' | 'unsure';
/** A count is a non-negative integer or "unknown" (evaluated above every threshold). */
export type Count = number | 'unknown';
/** A calendar date in Japan time, "YYYY-MM-DD"; null = deliberately left blank (optional date questions only). */
export type DateFact = string | null;

export type FactValue = Tri | string | string[] | Count | DateFact;
export type Facts = Readonly<Record<string, FactValue>>;

interface QuestionBase {
  /** Stable fact id from flows.md; never renamed. */
  readonly id: string;
  /** Citation ids (see citations.ts) shown with the question. */
  readonly citations: readonly string[];
  /** The locale text carries a checklist the user can tick off while answering (an aid; not a fact). */
  readonly checklist?: boolean;
}

export interface TriQuestion extends QuestionBase {
  readonly type: 'tri';
  /** The conservative reading of "unsure" (flows.md: unsure→X). */
  readonly unsureMeans: 'yes' | 'no';
}
export interface EnumQuestion extends QuestionBase {
  readonly type: 'enum';
  readonly options: readonly string[];
}
export interface MultiQuestion extends QuestionBase {
  readonly type: 'multi';
  readonly options: readonly string[];
  /** Optional headed groups for long pickers; together they list every option once, in order. */
  readonly groups?: readonly { readonly id: string; readonly options: readonly string[] }[];
}
export interface CountQuestion extends QuestionBase {
  readonly type: 'count';
  /** Representative values on each side of the rules' thresholds (what-if hints, model-based tests). */
  readonly samples: readonly number[];
  /** A count fact this one is part of, so it cannot exceed it (e.g. My Number holders among all persons). */
  readonly notMoreThan?: string;
}
export interface DateQuestion extends QuestionBase {
  readonly type: 'date';
  /** An optional date may be left blank (null); evaluation then works without it. */
  readonly optional: boolean;
  /** A date after "today" is rejected when the caller supplies today. */
  readonly notInFuture: boolean;
  /** Earliest and latest accepted dates (inclusive), e.g. when the duty began; the holiday rules' range. */
  readonly min: string;
  readonly max: string;
}

export type Question = TriQuestion | EnumQuestion | MultiQuestion | CountQuestion | DateQuestion;

export interface Deadline {
  duty: string;
  days?: number;
  minDays?: number;
  maxDays?: number;
  due?: string;
  dueFrom?: string;
  dueTo?: string;
}

export interface Outcome {
  flow: FlowId;
  outcome: string;
  grounds: string[];
  tags: string[];
  duties: string[];
  deadlines: Deadline[];
  notes: string[];
  reasons: string[];
  openQuestions: string[];
  provisional: boolean;
  citations: string[];
  ruleset: string;
}
