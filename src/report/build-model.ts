// Builds the PDF's ReportModel in one language, using the same presentation as the screen: one assessment, or a
// data use case (案件) with every run in it.

import { RULES_REVISION, RULESET, RULESET_BASELINE_DATE } from '../domain/ruleset';
import { formatDate, formatInstant, formatRevision } from '../i18n/format';
import type { Lang, TKey, Translate } from '../i18n';
import type { CaseBundle } from '../storage/cases';
import type { Envelope } from '../storage/envelope';
import { exportCase, exportEnvelope } from './json';
import { presentHistory } from '../view/history';
import { presentEnvelope, type EnvelopeView, type ListText, type PresentedOutcome } from '../view/outcome';
import type { ReportItem, ReportModel, ReportSection } from './report-model';

/** Bidi controls (marks, embeddings, overrides, isolates): they have no glyph, and could reorder the app's words. */
const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/**
 * User text as the PDF shows it: its own bidi controls removed (an unclosed right-to-left override would otherwise
 * mirror the sentence around it), then isolated (FSI … PDI) so that its direction stays inside it. The PDF writer
 * honours isolates and ignores every other control; the characters themselves are kept, in the order typed.
 */
export function userText(text: string): string {
  const clean = text.replace(BIDI_CONTROLS, '');
  return clean ? `\u2068${clean}\u2069` : '';
}

/** User text in document properties (shown by viewers in their own UI): controls removed, nothing added. */
const plainUserText = (text: string) => text.replace(BIDI_CONTROLS, '');

/**
 * The title of the signed-off record a new version came from. A new version starts as a copy of it, so its title
 * is the one before the first rename after the "new version" entry of the history, or the current one; null when
 * the history does not say (an edited file).
 */
function previousTitle(env: Envelope): string | null {
  const start = env.history.findLastIndex((e) => e.kind === 'new-version' && e.ref === env.previousVersion);
  if (start < 0) return null;
  const rename = env.history.slice(start + 1).find((e) => e.kind === 'title');
  return rename && rename.kind === 'title' ? rename.from : env.title;
}

/** Who assessed and reviewed the record, whether it is signed off (and so read-only), and the version it came from. */
function recordMeta(env: Envelope, t: Translate, lang: Lang): { label: string; value: string }[] {
  const person = (name: string) => (name.trim() ? userText(name) : t('screens:report.nobody'));
  const meta = [
    { label: t('screens:report.assessor'), value: person(env.assessor) },
    { label: t('screens:report.reviewer'), value: person(env.reviewer) },
    {
      label: t('screens:report.signOff'),
      value: env.signedOffAt
        ? t('screens:report.signedOff', { date: formatInstant(env.signedOffAt, lang) })
        : t('screens:report.notSignedOff'),
    },
  ];
  if (env.previousVersion) {
    const title = previousTitle(env);
    meta.push({
      label: t('screens:report.previousVersion'),
      value: title
        ? t('screens:report.previousVersionValue', { title: userText(title), id: env.previousVersion })
        : t('screens:report.previousVersionId', { id: env.previousVersion }),
    });
  }
  return meta;
}

/**
 * The record's history as a log, oldest first, each change with its time. User text in it (reasons, names, titles)
 * is isolated like everywhere else in the PDF.
 */
function historyItems(env: Envelope, t: Translate, lang: Lang): ReportItem[] {
  const entries = presentHistory(env, t, lang, userText);
  return entries.length ? entries.map((c) => ({ title: c.when, body: c.text })) : [{ title: t('screens:report.historyEmpty') }];
}

/** The verdicts of earlier rules kept in the record, and a saved verdict not yet assessed again (none for most). */
function priorItems(ev: EnvelopeView, t: Translate): ReportItem[] {
  return [
    ...ev.priors.map((p) => ({
      title: p.heading,
      // The verdict as plain text: red emphasis is for dates still to meet, and this one is history.
      body: [p.verdict, p.change].join('\n'),
      meta: p.replaced,
    })),
    ...(ev.savedDiffers ? [{ title: t('screens:revision.savedHeading'), body: ev.savedDiffers }] : []),
  ];
}

const dutyItem = (d: PresentedOutcome['duties'][number], t: Translate): ReportItem => ({
  title: `□ ${d.title}`,
  ...(d.deadline ? { emphasis: [d.deadline.primary, ...d.deadline.steps].join('\n'), meta: d.deadline.rule } : {}),
  body: [d.explanation, ...d.steps.map((s) => `${t('screens:report.step')} ${s}`)].join('\n'),
});

const answerText = (a: PresentedOutcome['answers'][number], t: Translate) =>
  a.prefilled ? `${a.answer}（${t('screens:chain.prefilledShort')}）` : a.answer;

/** The reason written beside an answer, labelled, or nothing. */
const reasonText = (a: PresentedOutcome['answers'][number], t: Translate) =>
  a.note.trim() ? t('screens:report.reason', { note: userText(a.note) }) : '';

/** The baseline law and the revision of the decision rules: this build's, which produced every result printed. */
function rulesetMeta(t: Translate) {
  return {
    label: t('screens:report.ruleset'),
    value: t('common:ruleset.value', {
      date: formatDate(RULESET_BASELINE_DATE, t),
      id: RULESET,
      revision: formatRevision(RULES_REVISION, t),
    }),
  };
}

export function buildReportModel(env: Envelope, t: Translate, lang: Lang, now: Date, list?: ListText): ReportModel {
  const ev = presentEnvelope(env, t, lang, list);
  const v = ev.view;
  if (!v) throw new Error('the assessment is not complete');
  const flowTitle = t(`${env.flow}:title`);
  const sections: ReportSection[] = [];
  if (v.openQuestions.length)
    sections.push({
      heading: t('screens:provisional.title'),
      items: v.openQuestions.map((q) => ({ title: q.question, body: q.effects.join('\n') })),
    });
  if (v.grounds.length)
    sections.push({
      heading: t('screens:outcome.grounds'),
      items: v.grounds.map((g) => ({ title: g.title, meta: g.citation, body: g.explanation })),
    });
  if (v.reasons.length)
    sections.push({ heading: t('screens:outcome.reasons'), items: v.reasons.map((r) => ({ title: r.title, body: r.explanation })) });
  if (v.duties.length) sections.push({ heading: t('screens:outcome.duties'), items: v.duties.map((d) => dutyItem(d, t)) });
  if (v.notes.length)
    sections.push({ heading: t('screens:outcome.notes'), items: v.notes.map((n) => ({ title: n.title, body: n.explanation })) });
  const priors = priorItems(ev, t);
  if (priors.length) sections.push({ heading: t('screens:revision.sectionTitle'), items: priors });
  sections.push({
    heading: t('screens:outcome.sources'),
    items: [
      ...v.citations.map((c) => ({
        title: c.text,
        body: c.title + (c.unverified ? t('screens:outcome.citedAs', { citation: t('citations:unverified') }) : ''),
      })),
      ...(v.citations.some((c) => c.unverified) ? [{ title: t('citations:unverified'), body: t('citations:unverifiedExplanation') }] : []),
    ],
  });
  sections.push({
    heading: t('screens:outcome.answers'),
    items: v.answers.map((a) => {
      const note = reasonText(a, t);
      return { title: a.question, body: answerText(a, t), ...(note ? { note } : {}) };
    }),
  });
  // The appendix: every change to the record, with its time.
  sections.push({
    heading: t('screens:report.history'),
    lead: t('screens:report.historyLead'),
    items: historyItems(env, t, lang),
    compact: true,
  });

  return {
    lang,
    heading: t('screens:report.heading'),
    title: env.title ? userText(env.title) : flowTitle,
    meta: [
      { label: t('screens:report.flow'), value: flowTitle },
      { label: t('screens:report.created'), value: formatInstant(now.toISOString(), lang) },
      { label: t('screens:report.updated'), value: formatInstant(env.updatedAt, lang) },
      rulesetMeta(t),
      { label: t('screens:report.id'), value: env.id },
      ...recordMeta(env, t, lang),
    ],
    verdict: {
      label: t('screens:report.verdict'),
      text: `${v.verdictTitle} — ${v.verdictSummary}`,
      ...(v.provisional ? { provisional: t('screens:provisional.body') } : {}),
    },
    sections,
    disclaimer: [t('common:disclaimer'), ...v.extraNotices].join('\n'),
    footer: t('screens:report.footer'),
    envelopeJson: exportEnvelope(env),
    properties: {
      title: plainUserText(env.title) || flowTitle,
      subject: `${flowTitle}: ${v.verdictTitle}`,
      author: t('common:app.name'),
      keywords: `APPI, ${RULESET}, ${env.flow}`,
    },
  };
}

/**
 * The combined summary of a case: one section per run, in the order the runs were started, each with its verdict,
 * grounds, reasons, duties (with steps and dates), notes, sources and answers. Unfinished runs are listed as such.
 */
export function buildCaseReportModel(bundle: CaseBundle, t: Translate, lang: Lang, now: Date, list?: ListText): ReportModel {
  const labelledText = (label: string, text: string) => t('common:case.report.labelled', { label, text });
  const labelled = (label: TKey, text: string) => labelledText(t(label), text);
  const sections: ReportSection[] = [];
  const histories: ReportSection[] = [];
  const verdicts: string[] = [];
  let provisional = false;
  const notices = new Set<string>();
  bundle.runs.forEach((env, i) => {
    const flowTitle = t(`${env.flow}:title`);
    const heading = t('common:case.report.runHeading', { n: i + 1, flow: flowTitle, title: env.title ? userText(env.title) : flowTitle });
    const ev = presentEnvelope(env, t, lang, list);
    const v = ev.view;
    // Who decided, the sign-off and the earlier version, as in the single summary's header.
    const [assessor, reviewer, signOff, ...previous] = recordMeta(env, t, lang).map((m) => labelledText(m.label, m.value));
    const record: ReportItem = { title: signOff ?? '', body: [assessor, reviewer, ...previous].join('\n') };
    histories.push({
      heading: t('screens:report.historyOfRun', { heading }),
      items: historyItems(env, t, lang),
      compact: true,
    });
    if (!v) {
      sections.push({ heading, items: [{ title: t('common:case.report.unfinished') }, record, ...priorItems(ev, t)] });
      verdicts.push(t('common:case.report.verdictLine', { n: i + 1, flow: flowTitle, verdict: t('common:case.unfinished') }));
      return;
    }
    provisional ||= v.provisional;
    for (const n of v.extraNotices) notices.add(n);
    verdicts.push(t('common:case.report.verdictLine', { n: i + 1, flow: flowTitle, verdict: v.verdictTitle }));
    const items: ReportItem[] = [
      { title: labelled('screens:report.verdict', v.verdictTitle), body: v.verdictSummary },
      record,
      ...v.openQuestions.map((q) => ({ title: labelled('screens:provisional.title', q.question), body: q.effects.join('\n') })),
      ...v.grounds.map((g) => ({ title: labelled('screens:outcome.grounds', g.title), meta: g.citation, body: g.explanation })),
      ...v.reasons.map((r) => ({ title: labelled('screens:outcome.reasons', r.title), body: r.explanation })),
      ...v.duties.map((d) => dutyItem(d, t)),
      ...v.notes.map((n) => ({ title: labelled('screens:outcome.notes', n.title), body: n.explanation })),
      ...priorItems(ev, t).map((x) => ({ ...x, title: labelled('screens:revision.sectionTitle', x.title) })),
      { title: t('screens:outcome.sources'), body: v.citations.map((c) => `${c.text}\u3000${c.title}`).join('\n') },
      {
        title: t('screens:outcome.answers'),
        body: v.answers
          .map((a) => {
            const note = reasonText(a, t);
            return `${a.question}\n\u3000→ ${answerText(a, t)}${note ? `\n\u3000\u3000${note}` : ''}`;
          })
          .join('\n'),
      },
    ];
    sections.push({ heading, items });
  });
  if (histories.length) {
    // The appendix: each run's history under one lead.
    const [first, ...rest] = histories as [ReportSection, ...ReportSection[]];
    sections.push({ ...first, lead: t('screens:report.historyLead') }, ...rest);
  }

  return {
    lang,
    heading: t('common:case.report.heading'),
    title: userText(bundle.case.title),
    meta: [
      { label: t('common:case.report.runs'), value: String(bundle.runs.length) },
      { label: t('screens:report.created'), value: formatInstant(now.toISOString(), lang) },
      { label: t('screens:report.updated'), value: formatInstant(bundle.case.updatedAt, lang) },
      rulesetMeta(t),
      { label: t('common:case.report.id'), value: bundle.case.id },
    ],
    verdict: {
      label: t('common:case.report.verdicts'),
      text: verdicts.length ? verdicts.join('\n') : t('common:case.noRuns'),
      ...(provisional ? { provisional: t('screens:provisional.body') } : {}),
    },
    sections,
    disclaimer: [t('common:disclaimer'), ...notices].join('\n'),
    footer: t('screens:report.footer'),
    envelopeJson: exportCase(bundle),
    properties: {
      title: plainUserText(bundle.case.title),
      subject: t('common:case.report.heading'),
      author: t('common:app.name'),
      keywords: `APPI, ${RULESET}, ${[...new Set(bundle.runs.map((r) => r.flow))].join(', ')}`,
    },
  };
}
