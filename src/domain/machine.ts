// The wizard as an XState v5 machine per flow: which question is on screen, review, and one final state per
// outcome. It walks the rules once per answer and keeps that walk in its context — every guard reads it, and the
// outcome is the machine's output. No rule of its own and no side effects: saving and reporting subscribe from
// outside.

import { assertEvent, assign, setup } from 'xstate';
import { walk, type FlowDefinition, type WalkResult } from './engine';
import type { FactValue, Facts, FlowId, Outcome } from './types';
import { checkValue, type ValueProblem } from './validate';

export interface WizardContext {
  flow: FlowId;
  facts: Record<string, FactValue>;
  /** The walk of `facts`: the questions asked so far and the next one, or the outcome. */
  walk: WalkResult;
  /** The question on screen while asking. */
  current: string | null;
  /** Why the last answer was refused (shown in the error summary); the stored facts are untouched. */
  error: { factId: string; problem: ValueProblem } | null;
  /** Set when the user came from the review page: after answering, return there if nothing else is needed. */
  returnToReview: boolean;
  /** Today in Japan time, for "not in the future" checks. */
  today?: string;
}

export interface WizardInput {
  facts?: Facts;
  /** Open the wizard on this question (must be on the path), e.g. a "change" link. */
  at?: string;
  /**
   * The run was complete before (e.g. rules revised since): after each answer go to the next unanswered question,
   * then to the review, instead of stepping through the answers already given.
   */
  reviewWhenAnswered?: boolean;
  today?: string;
}

export type WizardEvent = { type: 'ANSWER'; value: FactValue } | { type: 'BACK' } | { type: 'CHANGE'; id: string } | { type: 'CONFIRM' };

/** The questions a walk has asked, in order, and the next unanswered (or refused) one, if any. */
export function questionsOf(w: WalkResult): { path: string[]; next: string | null } {
  if (w.kind === 'needs') return { path: w.path, next: w.next.id };
  if (w.kind === 'invalid') return { path: w.path.slice(0, -1), next: w.factId };
  return { path: w.path, next: null };
}

/** The questions the rules ask for these facts, in order, plus the next unanswered one (if any). */
export function visibleQuestions(def: FlowDefinition, facts: Facts): { path: string[]; next: string | null } {
  return questionsOf(walk(def, facts, { mode: 'interactive' }));
}

/**
 * Facts after an answer, with the walk of them: answers to questions that no longer apply are dropped — but only
 * once the walk is complete, since while a newly opened question is unanswered, later answers may still apply.
 */
function settle(def: FlowDefinition, facts: Record<string, FactValue>): { facts: Record<string, FactValue>; walk: WalkResult } {
  const w = walk(def, facts, { mode: 'interactive' });
  if (w.kind !== 'complete') return { facts, walk: w };
  return { facts: Object.fromEntries(w.path.filter((id) => facts[id] !== undefined).map((id) => [id, facts[id] as FactValue])), walk: w };
}

/** The question after `id` in the visible sequence, or null when the path is complete. */
function after(w: WalkResult, id: string | null): string | null {
  const { path, next } = questionsOf(w);
  const seq = next ? [...path, next] : path;
  const i = id === null ? -1 : seq.indexOf(id);
  if (i >= 0 && i + 1 < seq.length) return seq[i + 1] ?? null;
  return next;
}

const refusal = (def: FlowDefinition, context: WizardContext, value: FactValue): ValueProblem | 'no-question' | null => {
  const q = context.current === null ? undefined : def.questions.find((x) => x.id === context.current);
  return q ? checkValue(q, value, { today: context.today, facts: context.facts }) : 'no-question';
};

export function createFlowMachine(def: FlowDefinition) {
  const finals = Object.fromEntries(def.outcomes.map((o) => [o, { type: 'final' as const }]));
  const toOutcome = def.outcomes.map((o) => ({ guard: { type: 'outcomeIs' as const, params: { outcome: o } }, target: o }));

  return setup({
    types: {
      context: {} as WizardContext,
      events: {} as WizardEvent,
      input: {} as WizardInput,
      output: {} as Outcome | null,
    },
    guards: {
      answerInvalid: ({ context, event }) => {
        assertEvent(event, 'ANSWER');
        return refusal(def, context, event.value) !== null;
      },
      hasCurrent: ({ context }) => context.current !== null,
      hasPrevious: ({ context }) => {
        const { path } = questionsOf(context.walk);
        return context.current !== null && context.current !== path[0] && path.length > 0;
      },
      onPath: ({ context, event }) => {
        assertEvent(event, 'CHANGE');
        const { path, next } = questionsOf(context.walk);
        return path.includes(event.id) || next === event.id;
      },
      outcomeIs: ({ context }, params: { outcome: string }) =>
        context.walk.kind === 'complete' && context.walk.outcome.outcome === params.outcome,
    },
    actions: {
      rejectAnswer: assign(({ context, event }) => {
        assertEvent(event, 'ANSWER');
        const problem = refusal(def, context, event.value);
        return { error: problem && problem !== 'no-question' && context.current ? { factId: context.current, problem } : null };
      }),
      recordAnswer: assign(({ context, event }) => {
        assertEvent(event, 'ANSWER');
        if (context.current === null) return {};
        const settled = settle(def, { ...context.facts, [context.current]: event.value });
        const nextId = context.returnToReview ? questionsOf(settled.walk).next : after(settled.walk, context.current);
        return { ...settled, error: null, current: nextId };
      }),
      focusPrevious: assign(({ context }) => {
        const { path } = questionsOf(context.walk);
        const i = context.current === null ? path.length : path.indexOf(context.current);
        const at = i < 0 ? path.length : i;
        return { current: path[Math.max(0, at - 1)] ?? null, error: null, returnToReview: false };
      }),
      focusChanged: assign(({ event }) => {
        assertEvent(event, 'CHANGE');
        return { current: event.id, error: null, returnToReview: true };
      }),
      focusLast: assign(({ context }) => {
        const { path } = questionsOf(context.walk);
        return { current: path[path.length - 1] ?? null, error: null, returnToReview: false };
      }),
      leaveReviewMode: assign({ returnToReview: false }),
    },
  }).createMachine({
    id: `flow-${def.id}`,
    context: ({ input }) => {
      const settled = settle(def, { ...(input.facts ?? {}) });
      const { path, next } = questionsOf(settled.walk);
      const at = input.at !== undefined && (path.includes(input.at) || next === input.at) ? input.at : null;
      return {
        flow: def.id,
        ...settled,
        current: at ?? next,
        error: null,
        returnToReview: (at !== null && next === null) || (input.reviewWhenAnswered === true && at === null),
        ...(input.today ? { today: input.today } : {}),
      };
    },
    initial: 'routing',
    states: {
      routing: {
        always: [{ guard: 'hasCurrent', target: 'asking' }, { target: 'review' }],
      },
      asking: {
        on: {
          ANSWER: [
            { guard: 'answerInvalid', actions: 'rejectAnswer' },
            { actions: 'recordAnswer', target: 'routing' },
          ],
          BACK: { guard: 'hasPrevious', actions: 'focusPrevious' },
          CHANGE: { guard: 'onPath', actions: 'focusChanged' },
        },
      },
      review: {
        entry: 'leaveReviewMode',
        on: {
          CHANGE: { guard: 'onPath', target: 'asking', actions: 'focusChanged' },
          BACK: { target: 'asking', actions: 'focusLast' },
          CONFIRM: toOutcome,
        },
      },
      ...finals,
    },
    // The result the wizard ends in: the very outcome of the walk that routed it there.
    output: ({ context }) => (context.walk.kind === 'complete' ? context.walk.outcome : null),
  });
}

export type FlowMachine = ReturnType<typeof createFlowMachine>;
