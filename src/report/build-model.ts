// Builds the PDF's ReportModel from an envelope in one language, using the same presentation as the screen.

import { walk } from '../domain/interrogate';
import { flowDefinition } from '../domain/flows/registry';
import { RULESET, RULESET_BASELINE_DATE } from '../domain/ruleset';
import { formatDate, formatInstant } from '../i18n/format';
import type { Lang, Translate } from '../i18n';
import type { Envelope } from '../storage/envelope';
import { exportEnvelope } from './json';
import { presentOutcome } from './present';
import type { ReportModel, ReportSection } from './report-model';

export function buildReportModel(env: Envelope, t: Translate, lang: Lang, now: Date): ReportModel {
  const def = flowDefinition(env.flow);
  if (!def) throw new Error(`flow ${env.flow} is not implemented`);
  const w = walk(def, env.facts, { mode: 'evaluate' });
  if (w.kind !== 'complete') throw new Error('the assessment is not complete');
  const v = presentOutcome(env.flow, env.facts, w.path, w.outcome, t, lang);
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
  if (v.duties.length)
    sections.push({
      heading: t('common:outcome.duties'),
      items: v.duties.map((d) => ({
        title: `□ ${d.title}`,
        ...(d.deadline ? { emphasis: [d.deadline.primary, ...d.deadline.steps].join('\n'), meta: d.deadline.rule } : {}),
        body: d.explanation,
      })),
    });
  if (v.notes.length)
    sections.push({ heading: t('common:outcome.notes'), items: v.notes.map((n) => ({ title: n.title, body: n.explanation })) });
  sections.push({
    heading: t('common:outcome.sources'),
    items: v.citations.map((c) => ({ title: c.text, body: c.title + (c.unverified ? `（${t('citations:unverified')}）` : '') })),
  });
  sections.push({ heading: t('common:outcome.answers'), items: v.answers.map((a) => ({ title: a.question, body: a.answer })) });

  return {
    lang,
    heading: t('common:report.heading'),
    title: env.title || flowTitle,
    meta: [
      { label: t('common:report.flow'), value: flowTitle },
      { label: t('common:report.created'), value: formatInstant(now.toISOString(), lang) },
      { label: t('common:report.updated'), value: formatInstant(env.updatedAt, lang) },
      { label: t('common:report.ruleset'), value: t('common:ruleset.value', { date: formatDate(RULESET_BASELINE_DATE, t), id: RULESET }) },
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
