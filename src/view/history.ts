// A record's history in one language — every answer and reason changed, renames, people, sign-off, new versions and
// re-assessments, each with its time — for the result page and the PDF's appendix.

import { flowDefinition } from '../domain/flows/registry';
import { questionOf } from '../domain/engine';
import type { FactValue } from '../domain/types';
import { formatInstant, formatRevision } from '../i18n/format';
import type { Lang, Translate } from '../i18n';
import type { Envelope, HistoryEntry } from '../storage/envelope';
import { formatAnswer } from './outcome';

export interface PresentedChange {
  /** Date and time in Japan. */
  when: string;
  text: string;
}

function describe(env: Envelope, e: HistoryEntry, t: Translate): string {
  const empty = t('screens:record.empty');
  switch (e.kind) {
    case 'answer':
    case 'note': {
      const q = questionOf(flowDefinition(env.flow), e.factId);
      const question = q ? t(`${env.flow}:questions.${e.factId}.title`) : e.factId;
      const show = (v: FactValue | null) =>
        v === null ? empty : e.kind === 'note' ? String(v) : q ? formatAnswer(env.flow, q, v, t) : JSON.stringify(v);
      return t(e.kind === 'answer' ? 'screens:record.historyAnswer' : 'screens:record.historyNote', {
        question,
        from: show(e.from),
        to: show(e.to),
      });
    }
    case 'title':
    case 'assessor':
    case 'reviewer':
      return t('screens:record.historyText', {
        field: t(
          e.kind === 'title' ? 'screens:record.name' : e.kind === 'assessor' ? 'screens:record.assessor' : 'screens:record.reviewer',
        ),
        from: e.from || empty,
        to: e.to || empty,
      });
    case 'signed-off':
      return t('screens:record.historySignedOff', { by: e.by || empty });
    case 'new-version':
      return t('screens:record.historyNewVersion', { ref: e.ref ?? empty });
    case 'rules':
      return t('screens:record.historyRules', { from: formatRevision(e.from, t), to: formatRevision(e.to, t) });
  }
}

/** The user's own text in an entry (reasons, names, titles, who signed) passed through `wrap`; the app's words as they are. */
function wrapUserText(e: HistoryEntry, wrap: (text: string) => string): HistoryEntry {
  switch (e.kind) {
    case 'note':
      return { ...e, from: typeof e.from === 'string' ? wrap(e.from) : e.from, to: typeof e.to === 'string' ? wrap(e.to) : e.to };
    case 'title':
    case 'assessor':
    case 'reviewer':
      return { ...e, from: wrap(e.from), to: wrap(e.to) };
    case 'signed-off':
    case 'new-version':
      return { ...e, by: wrap(e.by) };
    default:
      return e;
  }
}

/**
 * Oldest first, as kept. `wrap` isolates the user's own text inside the app's sentences (the screen and the PDF each
 * have their way: ui/isolate.ts, report/build-model.ts userText), so a right-to-left override in it stays inside it.
 */
export function presentHistory(env: Envelope, t: Translate, lang: Lang, wrap: (text: string) => string): PresentedChange[] {
  return env.history.map((e) => ({ when: formatInstant(e.at, lang), text: describe(env, wrapUserText(e, wrap), t) }));
}
