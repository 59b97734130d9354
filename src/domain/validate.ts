// Checks one answer against its question's type; the single place that says what a valid fact value is.

import { isValidIsoDate } from './dates';
import type { Facts, Question } from './types';

export type ValueProblem =
  | 'not-tri'
  | 'not-option'
  | 'not-list'
  | 'duplicate-option'
  | 'not-count'
  | 'negative-count'
  | 'fractional-count'
  | 'count-above-limit'
  | 'not-date'
  | 'blank-date'
  | 'future-date'
  | 'date-too-early'
  | 'date-too-late';

export interface ValidationContext {
  /** Today in Japan time; when given, dates after it are rejected for notInFuture questions. */
  today?: string;
  /** The other answers, for checks against another fact (a count that is part of another count). */
  facts?: Facts;
}

/** The upper bound another answer sets for a count question, if it is answered with a number. */
export function countLimit(q: Question, facts: Facts | undefined): number | null {
  if (q.type !== 'count' || !q.notMoreThan || !facts) return null;
  const limit = facts[q.notMoreThan];
  return typeof limit === 'number' ? limit : null;
}

export function checkValue(q: Question, value: unknown, ctx: ValidationContext = {}): ValueProblem | null {
  switch (q.type) {
    case 'tri':
      return value === 'yes' || value === 'no' || value === 'unsure' ? null : 'not-tri';
    case 'enum':
      return typeof value === 'string' && q.options.includes(value) ? null : 'not-option';
    case 'multi': {
      if (!Array.isArray(value)) return 'not-list';
      for (const v of value) if (typeof v !== 'string' || !q.options.includes(v)) return 'not-option';
      return new Set(value).size === value.length ? null : 'duplicate-option';
    }
    case 'count': {
      if (value === 'unknown') return null;
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'not-count';
      if (value < 0) return 'negative-count';
      if (!Number.isInteger(value)) return 'fractional-count';
      const limit = countLimit(q, ctx.facts);
      return limit !== null && value > limit ? 'count-above-limit' : null;
    }
    case 'date': {
      if (value === null) return q.optional ? null : 'blank-date';
      if (typeof value !== 'string' || !isValidIsoDate(value)) return 'not-date';
      if (value < q.min) return 'date-too-early';
      if (value > q.max) return 'date-too-late';
      if (q.notInFuture && ctx.today !== undefined && value > ctx.today) return 'future-date';
      return null;
    }
  }
}
