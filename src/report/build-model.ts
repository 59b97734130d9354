// Builds the PDF's ReportModel in one language, using the same presentation as the screen: one assessment, or a
// data use case (案件) with every run in it.

import { RULES_REVISION, RULESET, RULESET_BASELINE_DATE } from '../domain/ruleset';
import { formatDate, formatInstant, formatRevision } from '../i18n/format';
import type { Lang, TKey, Translate } from '../i18n';
import type { CaseBundle } from '../storage/cases';
import type { Envelope } from '../storage/envelope';
import { exportCase, exportEnvelope } from './json';
import { presentEnvelope, type EnvelopeView, type ListText, type PresentedOutcome } from '../view/outcome';
import type { ReportItem, ReportModel, ReportSection } from './report-model';

/** The verdicts of earlier rules kept in the record, and a saved verdict not yet assessed again (none for most). */
function priorItems(ev: EnvelopeView, t: Translate): ReportItem[] {
  return [
    ...ev.priors.map((p) => ({
      title: p.heading,
      // The verdict as plain text: red emphasis is for dates still to meet, and this one is history.
      body: [p.verdict, p.change].join('\n'),
      meta: p.replaced,
    })),
    ...(ev.savedDiffers ? [{ title: t('common:revision.savedHeading'), body: ev.savedDiffers }] : []),
  ];
}

const dutyItem = (d: PresentedOutcome['duties'][number], t: Translate): ReportItem => ({
  title: `□ ${d.title}`,
  ...(d.deadline ? { emphasis: [d.deadline.primary, ...d.deadline.steps].join('\n'), meta: d.deadline.rule } : {}),
  body: [d.explanation, ...d.steps.map((s) => `${t('common:report.step')} ${s}`)].join('\n'),
});

const answerText = (a: PresentedOutcome['answers'][number], t: Translate) =>
  a.prefilled ? `${a.answer}（${t('common:chain.prefilledShort')}）` : a.answer;

/** The baseline law and the revision of the decision rules: this build's, which produced every result printed. */
function rulesetMeta(t: Translate) {
  return {
    label: t('common:report.ruleset'),
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
      heading: t('common:provisional.title'),
      items: v.openQuestions.map((q) => ({ title: q.question, body: q.effects.join('\n') })),
    });
  if (v.grounds.length)
    sections.push({
      heading: t('common:outcome.grounds'),
      items: v.grounds.map((g) => ({ title: g.title, meta: g.citation, body: g.explanation })),
    });
  if (v.reasons.length)
    sections.push({ heading: t('common:outcome.reasons'), items: v.reasons.map((r) => ({ title: r.title, body: r.explanation })) });
  if (v.duties.length) sections.push({ heading: t('common:outcome.duties'), items: v.duties.map((d) => dutyItem(d, t)) });
  if (v.notes.length)
    sections.push({ heading: t('common:outcome.notes'), items: v.notes.map((n) => ({ title: n.title, body: n.explanation })) });
  const priors = priorItems(ev, t);
  if (priors.length) sections.push({ heading: t('common:revision.sectionTitle'), items: priors });
  sections.push({
    heading: t('common:outcome.sources'),
    items: [
      ...v.citations.map((c) => ({
        title: c.text,
        body: c.title + (c.unverified ? t('common:outcome.citedAs', { citation: t('citations:unverified') }) : ''),
      })),
      ...(v.citations.some((c) => c.unverified) ? [{ title: t('citations:unverified'), body: t('citations:unverifiedExplanation') }] : []),
    ],
  });
  sections.push({ heading: t('common:outcome.answers'), items: v.answers.map((a) => ({ title: a.question, body: answerText(a, t) })) });

  return {
    lang,
    heading: t('common:report.heading'),
    title: env.title || flowTitle,
    meta: [
      { label: t('common:report.flow'), value: flowTitle },
      { label: t('common:report.created'), value: formatInstant(now.toISOString(), lang) },
      { label: t('common:report.updated'), value: formatInstant(env.updatedAt, lang) },
      rulesetMeta(t),
      { label: t('common:report.id'), value: env.id },
    ],
    verdict: {
      label: t('common:report.verdict'),
      text: `${v.verdictTitle} — ${v.verdictSummary}`,
      ...(v.provisional ? { provisional: t('common:provisional.body') } : {}),
    },
    sections,
    disclaimer: [t('common:disclaimer'), ...v.extraNotices].join('\n'),
    footer: t('common:report.footer'),
    envelopeJson: exportEnvelope(env),
    properties: {
      title: env.title || flowTitle,
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
  const labelled = (label: TKey, text: string) => t('common:case.report.labelled', { label: t(label), text });
  const sections: ReportSection[] = [];
  const verdicts: string[] = [];
  let provisional = false;
  const notices = new Set<string>();
  bundle.runs.forEach((env, i) => {
    const flowTitle = t(`${env.flow}:title`);
    const heading = t('common:case.report.runHeading', { n: i + 1, flow: flowTitle, title: env.title || flowTitle });
    const ev = presentEnvelope(env, t, lang, list);
    const v = ev.view;
    if (!v) {
      sections.push({ heading, items: [{ title: t('common:case.report.unfinished') }, ...priorItems(ev, t)] });
      verdicts.push(t('common:case.report.verdictLine', { n: i + 1, flow: flowTitle, verdict: t('common:case.unfinished') }));
      return;
    }
    provisional ||= v.provisional;
    for (const n of v.extraNotices) notices.add(n);
    verdicts.push(t('common:case.report.verdictLine', { n: i + 1, flow: flowTitle, verdict: v.verdictTitle }));
    const items: ReportItem[] = [
      { title: labelled('common:report.verdict', v.verdictTitle), body: v.verdictSummary },
      ...v.openQuestions.map((q) => ({ title: labelled('common:provisional.title', q.question), body: q.effects.join('\n') })),
      ...v.grounds.map((g) => ({ title: labelled('common:outcome.grounds', g.title), meta: g.citation, body: g.explanation })),
      ...v.reasons.map((r) => ({ title: labelled('common:outcome.reasons', r.title), body: r.explanation })),
      ...v.duties.map((d) => dutyItem(d, t)),
      ...v.notes.map((n) => ({ title: labelled('common:outcome.notes', n.title), body: n.explanation })),
      ...priorItems(ev, t).map((x) => ({ ...x, title: labelled('common:revision.sectionTitle', x.title) })),
      { title: t('common:outcome.sources'), body: v.citations.map((c) => `${c.text}\u3000${c.title}`).join('\n') },
      {
        title: t('common:outcome.answers'),
        body: v.answers.map((a) => `${a.question}\n\u3000→ ${answerText(a, t)}`).join('\n'),
      },
    ];
    sections.push({ heading, items });
  });

  return {
    lang,
    heading: t('common:case.report.heading'),
    title: bundle.case.title,
    meta: [
      { label: t('common:case.report.runs'), value: String(bundle.runs.length) },
      { label: t('common:report.created'), value: formatInstant(now.toISOString(), lang) },
      { label: t('common:report.updated'), value: formatInstant(bundle.case.updatedAt, lang) },
      rulesetMeta(t),
      { label: t('common:case.report.id'), value: bundle.case.id },
    ],
    verdict: {
      label: t('common:case.report.verdicts'),
      text: verdicts.length ? verdicts.join('\n') : t('common:case.noRuns'),
      ...(provisional ? { provisional: t('common:provisional.body') } : {}),
    },
    sections,
    disclaimer: [t('common:disclaimer'), ...notices].join('\n'),
    footer: t('common:report.footer'),
    envelopeJson: exportCase(bundle),
    properties: {
      title: bundle.case.title,
      subject: t('common:case.report.heading'),
      author: t('common:app.name'),
      keywords: `APPI, ${RULESET}, ${[...new Set(bundle.runs.map((r) => r.flow))].join(', ')}`,
    },
  };
}
