// @vitest-environment node
// The combined case summary: its report model in both languages (one section per run, verdicts, duty steps,
// carried-over answers, the embedded bundle), and the PDF it renders to, read back as a viewer would.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { loadNodePdfAssets } from '../../scripts/bench-pdf';
import { createI18n, fixedT, tList, type Lang } from '../../src/i18n';
import { formatInstant } from '../../src/i18n/format';
import { buildCaseReportModel, userText } from '../../src/report/build-model';
import { importFile } from '../../src/report/json';
import { renderPdf } from '../../src/report/pdf';
import { envelopeJsonOf } from './envelope-json';
import { readCaseBundle, type CaseBundle } from '../../src/storage/cases';
import type { ReportModel } from '../../src/report/report-model';

/** The public case fixture as the app reads it: validated, its runs migrated to the current envelope version. */
const bundle = (): CaseBundle => {
  const read = readCaseBundle(JSON.parse(readFileSync(join(__dirname, '../fixtures/case-v3.json'), 'utf8')));
  if (!read.ok) throw new Error(`case fixture unreadable: ${JSON.stringify(read.problem)}`);
  return read.bundle;
};
/** One section per run; the appendix (each run's history of changes) follows them. */
const runSections = (model: ReportModel, b: CaseBundle) => model.sections.slice(0, b.runs.length);

type Texts = Record<string, unknown>;
/** The locale files themselves, so expectations do not go through the code under test. */
const locale = (lang: Lang, ns: string) => JSON.parse(readFileSync(join(__dirname, `../../locales/${lang}/${ns}.json`), 'utf8')) as Texts;
const at = (texts: Texts, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o as Texts)[k], texts);
const text = (lang: Lang, ns: string, path: string) => at(locale(lang, ns), path) as string;

async function build(b: CaseBundle, lang: Lang) {
  const i18n = await createI18n(lang);
  const t = fixedT(i18n, lang);
  return { t, model: buildCaseReportModel(b, t, lang, new Date('2026-11-21T00:00:00Z'), (key) => tList(i18n, lang, key)) };
}

/** Whitespace-free text, so wrapped lines and pdf.js's item splits do not matter. */
const squash = (s: string) => s.replace(/\s+/g, '');

async function pdfText(pdf: Uint8Array): Promise<string> {
  // pdf.js may transfer the buffer to its worker, so give it a copy.
  const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  let all = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    all += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  await doc.destroy();
  return squash(all);
}

describe.each(['ja', 'en'] as const)('buildCaseReportModel (%s)', (lang) => {
  const b = bundle();
  const verdictTitle = (i: number) => text(lang, b.runs[i]!.flow, `outcomes.${b.runs[i]!.outcome!.outcome}.title`);

  it('titles the report with the case and lists every run in order, under its flow title', async () => {
    const { t, model } = await build(bundle(), lang);
    expect(model.lang).toBe(lang);
    expect(model.title).toBe(userText(b.case.title));
    expect(model.heading).toBe(text(lang, 'common', 'case.report.heading'));
    expect(model.meta.find((m) => m.label === text(lang, 'common', 'case.report.runs'))?.value).toBe('3');
    expect(model.meta.find((m) => m.label === text(lang, 'common', 'case.report.id'))?.value).toBe(b.case.id);
    expect(runSections(model, b).map((s) => s.heading)).toEqual(
      b.runs.map((r, i) => {
        const flow = text(lang, r.flow, 'title');
        return t('common:case.report.runHeading', { n: i + 1, flow, title: userText(r.title) });
      }),
    );
    expect(model.properties.title).toBe(b.case.title);
  });

  it('gives one verdict line per run, and each run section opens with its verdict', async () => {
    const { t, model } = await build(bundle(), lang);
    expect(model.verdict.label).toBe(text(lang, 'common', 'case.report.verdicts'));
    expect(model.verdict.text.split('\n')).toEqual(
      b.runs.map((r, i) => t('common:case.report.verdictLine', { n: i + 1, flow: text(lang, r.flow, 'title'), verdict: verdictTitle(i) })),
    );
    expect(model.verdict.provisional).toBeUndefined();
    runSections(model, b).forEach((s, i) => {
      expect(s.items[0]?.title).toContain(verdictTitle(i));
      expect(s.items[0]?.body).toBe(text(lang, b.runs[i]!.flow, `outcomes.${b.runs[i]!.outcome!.outcome}.summary`));
    });
  });

  it('lists each run’s duties with their steps from the locale files', async () => {
    const { model } = await build(bundle(), lang);
    const step = text(lang, 'screens', 'report.step');
    let withSteps = 0;
    b.runs.forEach((r, i) => {
      const items = model.sections[i]!.items;
      for (const duty of r.outcome!.duties) {
        const item = items.find((x) => x.title === `□ ${text(lang, r.flow, `duties.${duty}.title`)}`);
        expect(item, `${r.flow} ${duty}`).toBeDefined();
        expect(item?.body).toContain(text(lang, r.flow, `duties.${duty}.explanation`));
        const steps = (at(locale(lang, r.flow), `duties.${duty}`) as Texts).steps as string[] | undefined;
        for (const s of steps ?? []) expect(item?.body).toContain(`${step} ${s}`);
        if (steps?.length) withSteps++;
      }
    });
    // The premise: the fixture has duties with steps (supervise-contractors, supervise-contractor, …).
    expect(withSteps).toBeGreaterThanOrEqual(3);
  });

  it('marks answers carried over from another run, and only those', async () => {
    const { model } = await build(bundle(), lang);
    const marker = text(lang, 'screens', 'chain.prefilledShort');
    const answers = (i: number) => model.sections[i]!.items.find((x) => x.title === text(lang, 'screens', 'outcome.answers'))?.body ?? '';
    // Run 2 started with `sensitive` filled in from run 1's result.
    const question = text(lang, 'sensitive-acquisition', 'questions.sensitive.title');
    const line = answers(1)
      .split('\n')
      .findIndex((l) => l === question);
    expect(line).toBeGreaterThanOrEqual(0);
    expect(answers(1).split('\n')[line + 1]).toContain(marker);
    expect(answers(1).split(marker)).toHaveLength(2);
    expect(answers(0)).not.toContain(marker);
    expect(answers(2)).not.toContain(marker);
  });

  it('embeds the bundle itself as the JSON', async () => {
    const { model } = await build(bundle(), lang);
    expect(JSON.parse(model.envelopeJson)).toEqual(bundle());
  });

  it('lists an unfinished run as unfinished instead of failing', async () => {
    const cut = bundle();
    const last = cut.runs[2]!;
    cut.runs[2] = { ...last, facts: Object.fromEntries(Object.entries(last.facts).slice(0, 2)), outcome: null };
    const { t, model } = await build(cut, lang);
    expect(runSections(model, cut)).toHaveLength(3);
    // Unfinished, with who decided and its sign-off, and still carrying the verdict the rules revision replaced.
    expect(model.sections[2]?.items.map((i) => i.title)).toEqual([
      text(lang, 'common', 'case.report.unfinished'),
      t('common:case.report.labelled', {
        label: text(lang, 'screens', 'report.signOff'),
        text: text(lang, 'screens', 'report.notSignedOff'),
      }),
      t('screens:revision.priorHeading', {
        prior: text(lang, 'common', 'rulesRevision.2025-10'),
        date: lang === 'ja' ? '2026年11月20日（金）' : 'Fri 20 November 2026',
      }),
    ]);
    expect(model.verdict.text.split('\n')[2]).toBe(
      t('common:case.report.verdictLine', {
        n: 3,
        flow: text(lang, 'provision', 'title'),
        verdict: text(lang, 'common', 'case.unfinished'),
      }),
    );
    // The finished runs are still there in full.
    expect(model.sections[0]?.items[0]?.title).toContain(verdictTitle(0));
  });

  it('a run whose verdict the rules revision replaced lists that verdict as a record; the others list none', async () => {
    const { t, model } = await build(bundle(), lang);
    const recordLabel = text(lang, 'screens', 'revision.sectionTitle');
    const records = runSections(model, b).map((sec) => sec.items.filter((i) => i.title.includes(recordLabel)));
    expect(records.map((r) => r.length)).toEqual([0, 0, 1]);
    expect(records[2]?.[0]?.body?.split('\n')[0]).toBe(
      t('screens:revision.verdictWithGrounds', {
        outcome: text(lang, 'provision', 'outcomes.permitted.title'),
        grounds: text(lang, 'provision', 'grounds.appi-27-5-i.title'),
      }),
    );
    // Same verdict after the revision's new question was answered: said so.
    expect(records[2]?.[0]?.body).toContain(text(lang, 'screens', 'revision.same'));
  });
});

describe('the case summary PDF', () => {
  it.each(['ja', 'en'] as const)(
    '%s: shows the case title and every verdict, and carries the bundle back into the app',
    async (lang) => {
      const b = bundle();
      const { model } = await build(b, lang);
      const pdf = await renderPdf(model, loadNodePdfAssets());
      const all = await pdfText(pdf);
      expect(all).toContain(squash(b.case.title));
      for (const r of b.runs) expect(all).toContain(squash(text(lang, r.flow, `outcomes.${r.outcome!.outcome}.title`)));

      const json = envelopeJsonOf(pdf);
      expect(json).toBe(model.envelopeJson);
      expect(importFile(pdf)).toEqual({ ok: true, kind: 'case', bundle: b });
    },
    60_000,
  );
});

describe('the case summary: who decided what and why', () => {
  it.each(['ja', 'en'] as const)(
    '%s: each run names its people and sign-off, its reasons, and its history in the appendix',
    async (lang) => {
      const b = bundle();
      const run = b.runs[0]!;
      const factId = Object.keys(run.facts)[0]!;
      b.runs[0] = {
        ...run,
        assessor: '山田',
        signedOffAt: '2026-11-20T03:00:00.000Z',
        answerNotes: { [factId]: 'مرحبا — 理由' },
        history: [{ at: '2026-11-20T03:00:00.000Z', kind: 'signed-off', by: '山田' }],
      };
      const { t, model } = await build(b, lang);
      const items = model.sections[0]!.items;
      // Second item, after the verdict: the sign-off in bold, the people under it.
      expect(items[1]?.title).toBe(
        t('common:case.report.labelled', {
          label: text(lang, 'screens', 'report.signOff'),
          text: t('screens:report.signedOff', { date: formatInstant('2026-11-20T03:00:00.000Z', lang) }),
        }),
      );
      expect(items[1]?.body?.split('\n')[0]).toBe(
        t('common:case.report.labelled', { label: text(lang, 'screens', 'report.assessor'), text: userText('山田') }),
      );
      const answers = items.find((x) => x.title === text(lang, 'screens', 'outcome.answers'))?.body ?? '';
      expect(answers).toContain(t('screens:report.reason', { note: userText('مرحبا — 理由') }));
      // The appendix: one history per run, after every run section; the first with the lead.
      const appendix = model.sections.slice(b.runs.length);
      expect(appendix.map((s) => s.heading)).toEqual(
        model.sections.slice(0, b.runs.length).map((s) => t('screens:report.historyOfRun', { heading: s.heading })),
      );
      expect(appendix[0]?.lead).toBe(text(lang, 'screens', 'report.historyLead'));
      expect(appendix[0]?.items).toHaveLength(1);
      expect(appendix[1]?.items).toEqual([{ title: text(lang, 'screens', 'report.historyEmpty') }]);

      const all = await pdfText(await renderPdf(model, loadNodePdfAssets()));
      expect(all).toContain(
        squash(t('screens:report.historyOfRun', { heading: model.sections[0]!.heading.replace(/[\u2068\u2069]/g, '') })),
      );
    },
  );
});
