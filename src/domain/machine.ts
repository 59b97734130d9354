// The wizard as an XState v5 machine per flow: which question is on screen, review, and one final state per
// outcome. Routing asks the shared walk(); the machine holds no rule of its own and has no side effects —
// saving and reporting subscribe to the actor from outside.

import { assign, setup } from 'xstate';
import { pruneToPath, questionOf, walk, type FlowDefinition } from './interrogate';
import type { FactValue, Facts, FlowId } from './types';
import { checkValue, type ValueProblem } from './validate';

export interface WizardContext {
  flow: FlowId;
  facts: Record<string, FactValue>;
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

/** The questions the rules ask for these facts, in order, plus the next unanswered one (if any). */
export function visibleQuestions(def: FlowDefinition, facts: Facts): { path: string[]; next: string | null } {
  const w = walk(def, facts, { mode: 'interactive' });
  if (w.kind === 'needs') return { path: w.path, next: w.next.id };
  if (w.kind === 'invalid') return { path: w.path.slice(0, -1), next: w.factId };
  return { path: w.path, next: null };
}

/** The question after `id` in the visible sequence, or null when the path is complete. */
function after(def: FlowDefinition, facts: Facts, id: string | null): string | null {
  const { path, next } = visibleQuestions(def, facts);
  const seq = next ? [...path, next] : path;
  const i = id === null ? -1 : seq.indexOf(id);
  if (i >= 0 && i + 1 < seq.length) return seq[i + 1] ?? null;
  return next;
}

export function createFlowMachine(def: FlowDefinition) {
  const finals = Object.fromEntries(def.outcomes.map((o) => [o, { type: 'final' as const }]));
  const toOutcome = def.outcomes.map((o) => ({ guard: { type: 'outcomeIs' as const, params: { outcome: o } }, target: o }));

  return setup({
    types: {
      context: {} as WizardContext,
      events: {} as WizardEvent,
      input: {} as WizardInput,
    },
    guards: {
      answerInvalid: ({ context, event }) => {
        if (event.type !== 'ANSWER' || context.current === null) return true;
        const q = questionOf(def, context.current);
        return !q || checkValue(q, event.value, { today: context.today, facts: context.facts }) !== null;
      },
      pathIncomplete: ({ context }) => visibleQuestions(def, context.facts).next !== null,
      hasCurrent: ({ context }) => context.current !== null,
      hasPrevious: ({ context }) => {
        const { path } = visibleQuestions(def, context.facts);
        return context.current !== null && context.current !== path[0] && path.length > 0;
      },
      onPath: ({ context, event }) => {
        if (event.type !== 'CHANGE') return false;
        const { path, next } = visibleQuestions(def, context.facts);
        return path.includes(event.id) || next === event.id;
      },
      outcomeIs: ({ context }, params: { outcome: string }) => {
        const w = walk(def, context.facts, { mode: 'evaluate' });
        return w.kind === 'complete' && w.outcome.outcome === params.outcome;
      },
    },
    actions: {
      rejectAnswer: assign(({ context, event }) => {
        if (event.type !== 'ANSWER' || context.current === null) return {};
        const q = questionOf(def, context.current);
        const problem = q ? checkValue(q, event.value, { today: context.today, facts: context.facts }) : null;
        return { error: problem ? { factId: context.current, problem } : null };
      }),
      recordAnswer: assign(({ context, event }) => {
        if (event.type !== 'ANSWER' || context.current === null) return {};
        const facts = pruneToPath(def, { ...context.facts, [context.current]: event.value });
        const nextId = context.returnToReview ? visibleQuestions(def, facts).next : after(def, facts, context.current);
        return { facts, error: null, current: nextId };
      }),
      focusFirstUnanswered: assign(({ context }) => ({ current: visibleQuestions(def, context.facts).next, error: null })),
      focusPrevious: assign(({ context }) => {
        const { path } = visibleQuestions(def, context.facts);
        const i = context.current === null ? path.length : path.indexOf(context.current);
        const at = i < 0 ? path.length : i;
        return { current: path[Math.max(0, at - 1)] ?? null, error: null, returnToReview: false };
      }),
      focusChanged: assign(({ event }) => (event.type === 'CHANGE' ? { current: event.id, error: null, returnToReview: true } : {})),
      focusLast: assign(({ context }) => {
        const { path } = visibleQuestions(def, context.facts);
        return { current: path[path.length - 1] ?? null, error: null, returnToReview: false };
      }),
      leaveReviewMode: assign({ returnToReview: false }),
    },
  }).createMachine({
    id: `flow-${def.id}`,
    context: ({ input }) => {
      const facts = pruneToPath(def, input.facts ?? {});
      const { path, next } = visibleQuestions(def, facts);
      const at = input.at !== undefined && (path.includes(input.at) || next === input.at) ? input.at : null;
      return {
        flow: def.id,
        facts,
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
  });
}

export type FlowMachine = ReturnType<typeof createFlowMachine>;
