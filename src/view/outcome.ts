// The language-resolved view of a run's result — verdict, grounds, duties with dates, notes, sources, answers and the
// verdicts of earlier rules — shared by the outcome page, the case screen and the PDF, so they say the same words.

import { citationByRef } from '../domain/citations';
import { compareOutcomes } from '../domain/compare';
import { todayInJapan } from '../domain/dates';
import { flowDefinition } from '../domain/flows/registry';
import { groundCitation, questionOf, walk, type DeadlineBasis, type Tone, type WalkResult } from '../domain/engine';
import { RULES_REVISION } from '../domain/ruleset';
import type { Deadline, FactValue, Facts, FlowId, Outcome, Question, Tri } from '../domain/types';
import { whatIf } from '../domain/what-if';
import { formatCitation } from '../i18n/format-citation';
import { formatDate, formatRevision } from '../i18n/format';
import type { Lang, TKey, Translate } from '../i18n';
import type { Envelope, PriorOutcome } from '../storage/envelope';

export interface TextBlock {
  id: string;
  title: string;
  explanation: string;
}

/** Reads a list (array) from the locale files; lists are optional, so a missing one is empty. */
export type ListText = (key: TKey) => string[];
const noLists: ListText = () => [];

export interface PresentedDeadline {
  /** The headline date or range, e.g. "Due: Tue 31 March 2026". */
  primary: string;
  /** Which rule produced it, and how a date was moved past closed days. */
  rule: string;
  steps: string[];
}

export interface PresentedAnswer {
  id: string;
  question: string;
  answer: string;
  unsure: boolean;
  /** Carried over from another run in the case and not answered here yet. */
  prefilled: boolean;
  /** The reason written beside the answer (empty: none). */
  note: string;
}

export interface PresentedOutcome {
  outcomeId: string;
  /** How the verdict reads at a glance (its colour), from the flow definition. */
  tone: Tone;
  verdictTitle: string;
  verdictSummary: string;
  provisional: boolean;
  openQuestions: { id: string; question: string; effects: string[] }[];
  grounds: (TextBlock & { citation: string })[];
  reasons: TextBlock[];
  /** Each duty with its concrete steps (a checklist) where the flow's texts give them. */
  duties: (TextBlock & { deadline?: PresentedDeadline; steps: string[] })[];
  notes: TextBlock[];
  citations: { ref: string; text: string; title: string; unverified: boolean }[];
  answers: PresentedAnswer[];
  extraNotices: string[];
}

const block = (ns: FlowId, kind: string, id: string, t: Translate): TextBlock => ({
  id,
  title: t(`${ns}:${kind}.${id}.title`),
  explanation: t(`${ns}:${kind}.${id}.explanation`),
});

export function formatAnswer(flow: FlowId, q: Question, value: FactValue | undefined, t: Translate): string {
  if (value === undefined) return t('screens:answer.notAnswered');
  switch (q.type) {
    case 'tri':
      return t(`screens:tri.${value as Tri}`);
    case 'enum':
      return t(`${flow}:options.${q.id}.${String(value)}.label`);
    case 'multi': {
      const vs = value as string[];
      return vs.length
        ? vs.map((v) => t(`${flow}:options.${q.id}.${v}.label`)).join(t('screens:answer.listSeparator'))
        : t('screens:answer.none');
    }
    case 'count':
      return value === 'unknown'
        ? t('screens:answer.countUnknown')
        : t('screens:answer.count', { n: (value as number).toLocaleString('en-US') });
    case 'date':
      return value === null ? t('screens:answer.dateBlank') : formatDate(value as string, t);
  }
}

const rank = (order: readonly string[], id: string) => {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
};

function presentDeadline(flow: FlowId, d: Deadline, basis: DeadlineBasis | undefined, t: Translate): PresentedDeadline {
  const rule = basis ? t(`${flow}:deadlineRules.${basis.rule}`) : '';
  // A deadline still in day counts says which answer would date it.
  const dateIt = basis?.undatedUntil
    ? [t('screens:deadline.enterDate', { question: t(`${flow}:questions.${basis.undatedUntil}.title`) })]
    : [];
  if (d.dueFrom && d.dueTo) {
    return {
      primary: t('screens:deadline.window', { from: formatDate(d.dueFrom, t), to: formatDate(d.dueTo, t) }),
      rule,
      steps: [],
    };
  }
  if (d.minDays !== undefined && d.maxDays !== undefined) {
    return { primary: t('screens:deadline.windowNoDate', { min: d.minDays, max: d.maxDays }), rule, steps: dateIt };
  }
  if (d.due && d.days !== undefined) {
    const steps: string[] = [];
    const rolled = basis?.rolled;
    if (rolled) {
      steps.push(t('screens:deadline.dayN', { n: d.days, date: formatDate(rolled.dayN, t) }));
      for (const s of rolled.skipped) {
        const why = s.reason === 'holiday' && s.holiday ? t(`holidays:${s.holiday}`) : t(`holidays:closure.${s.reason}`);
        steps.push(t('screens:deadline.skipped', { date: formatDate(s.date, t), why }));
      }
    }
    return { primary: t('screens:deadline.due', { date: formatDate(d.due, t) }), rule, steps };
  }
  return { primary: t('screens:deadline.days', { days: d.days ?? 0 }), rule, steps: dateIt };
}

/** A complete walk: the outcome, the questions asked for it, and how its deadlines were set. */
export type CompleteWalk = Extract<WalkResult, { kind: 'complete' }>;

export function presentOutcome(
  flow: FlowId,
  facts: Facts,
  result: CompleteWalk,
  t: Translate,
  lang: Lang,
  list: ListText = noLists,
  prefilled: readonly string[] = [],
  notes: Readonly<Record<string, string>> = {},
): PresentedOutcome {
  const { outcome, path } = result;
  const def = flowDefinition(flow);
  const q = (id: string) => {
    const found = questionOf(def, id);
    if (!found) throw new Error(`unknown question ${id}`);
    return found;
  };
  const effects = whatIf(def, facts, outcome);
  const outcomeTitle = (o: Outcome) => t(`${flow}:outcomes.${o.outcome}.title`);

  return {
    outcomeId: outcome.outcome,
    tone: def.tones[outcome.outcome] ?? 'neutral',
    verdictTitle: t(`${flow}:outcomes.${outcome.outcome}.title`),
    verdictSummary: t(`${flow}:outcomes.${outcome.outcome}.summary`),
    provisional: outcome.provisional,
    openQuestions: effects.map((e) => ({
      id: e.factId,
      question: t(`${flow}:questions.${e.factId}.title`),
      effects: e.alternatives.map((a) => {
        const answer = formatAnswer(flow, q(e.factId), a.value, t);
        if (a.result.kind === 'more-questions') return t('screens:provisional.ifMoreQuestions', { answer });
        if (!a.changes) return t('screens:provisional.ifSame', { answer });
        const o = a.result.outcome;
        const grounds = o.grounds.map((g) => t(`${flow}:grounds.${g}.title`)).join(t('screens:answer.listSeparator'));
        return grounds
          ? t('screens:provisional.ifOutcomeWithGrounds', { answer, outcome: outcomeTitle(o), grounds })
          : t('screens:provisional.ifOutcome', { answer, outcome: outcomeTitle(o) });
      }),
    })),
    grounds: outcome.grounds.map((g) => ({ ...block(flow, 'grounds', g, t), citation: formatCitation(groundCitation(def, g), t, lang) })),
    reasons: outcome.reasons.map((r) => block(flow, 'reasons', r, t)),
    duties: [...outcome.duties]
      .sort((a, b) => rank(def.dutyOrder, a) - rank(def.dutyOrder, b))
      .map((d) => {
        const dl = outcome.deadlines.find((x) => x.duty === d);
        return {
          ...block(flow, 'duties', d, t),
          steps: list(`${flow}:duties.${d}.steps`),
          ...(dl ? { deadline: presentDeadline(flow, dl, result.deadlineBasis[d], t) } : {}),
        };
      }),
    notes: outcome.notes.map((n) => block(flow, 'notes', n, t)),
    citations: outcome.citations.map((ref) => {
      const c = citationByRef(ref);
      return c
        ? { ref, text: formatCitation(c.id, t, lang), title: t(`citations:titles.${c.id}`), unverified: c.unverified === true }
        : { ref, text: ref, title: '', unverified: false };
    }),
    answers: path.map((id) => {
      const question = q(id);
      const value = facts[id];
      return {
        id,
        question: t(`${flow}:questions.${id}.title`),
        answer: formatAnswer(flow, question, value, t),
        unsure: value === 'unsure' || value === 'unknown',
        prefilled: prefilled.includes(id),
        note: Object.prototype.hasOwnProperty.call(notes, id) ? (notes[id] ?? '') : '',
      };
    }),
    extraNotices: (def.notices?.(facts, outcome) ?? []).map((id) => t(`${flow}:notices.${id}`)),
  };
}

/** A verdict of earlier rules, kept as evidence, with what the current rules make of the same answers. */
export interface PresentedPriorOutcome {
  /** "Assessed under the decision rules of the first edition (saved on …)". */
  heading: string;
  /** The verdict then, with its grounds. */
  verdict: string;
  /** When and under which revision it was assessed again. */
  replaced: string;
  /** What the current rules give: more questions, a changed verdict (and which parts), or the same verdict. */
  change: string;
}

const japanDay = (instant: string, t: Translate) => formatDate(todayInJapan(new Date(instant)), t);

/** An outcome in one line: its title, and its grounds where it has any. */
export function verdictLine(flow: FlowId, o: Outcome, t: Translate): string {
  const title = t(`${flow}:outcomes.${o.outcome}.title`);
  const grounds = o.grounds.map((g) => t(`${flow}:grounds.${g}.title`)).join(t('screens:answer.listSeparator'));
  return grounds ? t('screens:revision.verdictWithGrounds', { outcome: title, grounds }) : title;
}

/** What the current rules make of a verdict of earlier rules, in one sentence. */
export function presentChange(flow: FlowId, before: Outcome, current: Outcome | null, t: Translate): string {
  const change = compareOutcomes(before, current);
  if (change.kind === 'needs-answers' || !current) return t('screens:revision.needsAnswers');
  if (change.kind === 'same-verdict') return t('screens:revision.same');
  const parts = change.parts.map((p) => t(`screens:revision.parts.${p}`)).join(t('screens:answer.listSeparator'));
  return t('screens:revision.changed', { parts, verdict: verdictLine(flow, current, t) });
}

export function presentPriorOutcomes(
  flow: FlowId,
  priors: readonly PriorOutcome[],
  current: Outcome | null,
  currentRevision: string,
  t: Translate,
): PresentedPriorOutcome[] {
  return priors.map((p, i) => {
    // Each verdict is compared with what replaced it: the next prior one, or the current outcome.
    const next = priors[i + 1];
    return {
      heading: t('screens:revision.priorHeading', { prior: formatRevision(p.rulesRevision, t), date: japanDay(p.savedAt, t) }),
      verdict: verdictLine(flow, p.outcome, t),
      replaced: t('screens:revision.replacedOn', {
        date: japanDay(p.replacedAt, t),
        revision: formatRevision(next ? next.rulesRevision : currentRevision, t),
      }),
      change: presentChange(flow, p.outcome, next ? next.outcome : current, t),
    };
  });
}

/** The banner of a record opened after a rules revision: when and under which rules it was assessed, and what now. */
export function presentRevisionNotice(flow: FlowId, prior: PriorOutcome, current: Outcome | null, currentRevision: string, t: Translate) {
  return {
    title: t('screens:revision.title', { revision: formatRevision(currentRevision, t) }),
    body: t('screens:revision.body', {
      date: japanDay(prior.savedAt, t),
      prior: formatRevision(prior.rulesRevision, t),
      verdict: verdictLine(flow, prior.outcome, t),
    }),
    change: presentChange(flow, prior.outcome, current, t),
    kept: t('screens:revision.kept'),
  };
}

/** A run as every screen and report shows it: the current rules' result for its answers, and earlier verdicts. */
export interface EnvelopeView {
  /** Null while the run is not complete. */
  result: CompleteWalk | null;
  view: PresentedOutcome | null;
  /** Verdicts of earlier rules kept in the record. */
  priors: PresentedPriorOutcome[];
  /**
   * The saved verdict, when it is not what the current rules give and the record has not been opened since (so it
   * was not yet moved to its kept verdicts): said, never hidden.
   */
  savedDiffers: string | null;
}

/** The one way a saved run is presented, for the outcome page, the case screen and the PDF. */
export function presentEnvelope(env: Envelope, t: Translate, lang: Lang, list: ListText = noLists): EnvelopeView {
  const w = walk(flowDefinition(env.flow), env.facts, { mode: 'evaluate' });
  const result = w.kind === 'complete' ? w : null;
  const saved = env.outcome;
  const current = result?.outcome ?? null;
  return {
    result,
    view: result ? presentOutcome(env.flow, env.facts, result, t, lang, list, env.prefilled, env.answerNotes) : null,
    priors: presentPriorOutcomes(env.flow, env.priorOutcomes, current, RULES_REVISION, t),
    savedDiffers:
      saved && JSON.stringify(saved) !== JSON.stringify(current)
        ? t('screens:revision.savedDiffers', {
            prior: formatRevision(env.rulesRevision, t),
            verdict: verdictLine(env.flow, saved, t),
            change: presentChange(env.flow, saved, current, t),
          })
        : null,
  };
}
