// The PDF's report model in both languages: title, ruleset, verdict, every answer, dated duties in working
// order, open questions, and the exact envelope JSON.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, fixedT } from '../../src/i18n';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadNodePdfAssets } from '../../scripts/bench-pdf';
import { formatInstant } from '../../src/i18n/format';
import { buildReportModel, userText } from '../../src/report/build-model';
import { renderPdf } from '../../src/report/pdf';
import { exportEnvelope } from '../../src/report/json';
import { readEnvelope, type Envelope } from '../../src/storage/envelope';

const read = (name: string): Envelope => {
  const r = readEnvelope(JSON.parse(readFileSync(join(__dirname, `../fixtures/${name}`), 'utf8')));
  if (!r.ok) throw new Error(`${name} unreadable`);
  return r.envelope;
};
/** The version-1 record, answered again where the 2026-12 rules ask more (the incident was not at a contractor). */
const fixture = (): Envelope => {
  const e = read('envelope-v1.json');
  return { ...e, facts: { ...e.facts, atContractor: 'no' } };
};

describe('buildReportModel', () => {
  it('Japanese: the user title, verdict, dates with weekdays, every answer and the envelope', async () => {
    const i18n = await createI18n('ja');
    const m = buildReportModel(fixture(), fixedT(i18n, 'ja'), 'ja', new Date('2026-03-02T02:00:00Z'));
    expect(m.title).toBe(userText('髙橋さんの健康診断結果 誤送信'));
    expect(m.meta.map((x) => x.value).join('\n')).toContain('appi-2025-10');
    // The decision rules that produced what is printed: this build's.
    expect(m.meta.map((x) => x.value).join('\n')).toContain('2026年12月改訂');
    // Nothing was replaced in this record, so there is no section of earlier verdicts.
    expect(m.sections.map((x) => x.heading)).not.toContain('改訂前の判定（記録）');
    const leak = JSON.parse(readFileSync(join(__dirname, '../../locales/ja/leak.json'), 'utf8'));
    expect(m.verdict.text).toContain(leak.outcomes.reportable.title);
    expect(m.verdict.provisional).toBeUndefined();
    const duties = m.sections.find((s) => s.heading === '対応すべきこと');
    expect(duties?.items[0]?.emphasis).toContain('2026年3月4日（水）〜2026年3月6日（金）');
    expect(duties?.items.map((i) => i.emphasis ?? '').join('\n')).toContain('期限：2026年3月31日（火）');
    const answers = m.sections.find((s) => s.heading === '回答内容');
    expect(answers?.items).toHaveLength(Object.keys(fixture().facts).length);
    expect(m.envelopeJson).toBe(exportEnvelope(fixture()));
  });

  it('English, provisional: the banner and the open question with what would change', async () => {
    const i18n = await createI18n('en');
    const env = fixture();
    env.facts = { ...env.facts, sensitive: 'unsure' };
    const m = buildReportModel(env, fixedT(i18n, 'en'), 'en', new Date());
    expect(m.verdict.provisional).toBeDefined();
    const open = m.sections[0];
    expect(open?.heading).toBe('This result is provisional');
    expect(open?.items[0]?.body).toMatch(/If "No": /);
    expect(
      m.sections
        .find((s) => s.heading === 'What you must do')
        ?.items.map((i) => i.emphasis)
        .join(),
    ).toContain('Tue 31 March 2026');
  });

  it('refuses an assessment that is not complete', async () => {
    const i18n = await createI18n('ja');
    const env = { ...fixture(), facts: { actor: 'business' } };
    expect(() => buildReportModel(env, fixedT(i18n, 'ja'), 'ja', new Date())).toThrow(/not complete/);
  });

  it.each([
    ['ja', '改訂前の判定（記録）', '「初版」の判定ルールによる判定（2026年11月16日（月）保存）', '2026年12月1日（火）に「2026年12月改訂」'],
    ['en', 'Results before a rules revision (record)', 'first edition (saved on Mon 16 November 2026)', 'December 2026 revision'],
  ] as const)(
    '%s: a verdict the rules revision replaced is printed as a record, with what changed',
    async (lang, heading, title, replaced) => {
      const i18n = await createI18n(lang);
      const t = fixedT(i18n, lang);
      const env = read('envelope-v3.json');
      const m = buildReportModel(env, t, lang, new Date('2026-12-02T00:00:00Z'));
      const section = m.sections.find((x) => x.heading === heading);
      expect(section?.items).toHaveLength(1);
      const [item] = section?.items ?? [];
      expect(item?.title).toContain(title);
      const leak = JSON.parse(readFileSync(join(__dirname, `../../locales/${lang}/leak.json`), 'utf8'));
      expect(item?.body?.split('\n')[0]).toBe(leak.outcomes['not-reportable'].title);
      expect(item?.meta).toContain(replaced);
      // It names what changed, and the current verdict with its ground.
      const common = JSON.parse(readFileSync(join(__dirname, `../../locales/${lang}/screens.json`), 'utf8'));
      expect(item?.body).toContain(common.revision.parts.outcome);
      expect(item?.body).toContain(leak.grounds['mynumber-2-iv'].title);
      // Its sources include unverified ones (My Number report rules item 4, the deadline article): explained once.
      const citations = JSON.parse(readFileSync(join(__dirname, `../../locales/${lang}/citations.json`), 'utf8'));
      const sources = m.sections.find((x) => x.heading === common.outcome.sources)?.items ?? [];
      expect(sources.filter((x) => x.body?.includes(citations.unverified))).not.toHaveLength(0);
      expect(sources.at(-1)).toEqual({ title: citations.unverified, body: citations.unverifiedExplanation });
    },
  );
});

/** A signed-off new version: people, reasons beside two answers, a history with user text, and the version it came from. */
function decided(): Envelope {
  const env = fixture();
  return {
    ...env,
    title: '新しい版の名前',
    assessor: '山田 花子',
    reviewer: '佐藤 一郎',
    signedOffAt: '2026-03-05T06:30:00.000Z',
    previousVersion: '9a1b2c3d-0000-4000-8000-000000000001',
    answerNotes: { wrongful: '委託先の調査報告（4月3日）で否定されたため', persons: 'مرحبا 2 件' },
    history: [
      { at: '2026-03-02T01:00:00.000Z', kind: 'new-version', by: '山田 花子', ref: '9a1b2c3d-0000-4000-8000-000000000001' },
      { at: '2026-03-02T01:05:00.000Z', kind: 'answer', factId: 'wrongful', from: 'unsure', to: 'no' },
      { at: '2026-03-02T01:06:00.000Z', kind: 'note', factId: 'wrongful', from: null, to: '委託先の調査報告（4月3日）で否定されたため' },
      { at: '2026-03-02T01:07:00.000Z', kind: 'title', from: '元の名前\u202e', to: '新しい版の名前' },
      { at: '2026-03-05T06:30:00.000Z', kind: 'signed-off', by: '佐藤 一郎' },
    ],
  };
}

const metaOf = (m: { meta: { label: string; value: string }[] }, label: string) => m.meta.find((x) => x.label === label)?.value;

describe('who decided what and why', () => {
  it('Japanese: assessor, reviewer, sign-off (read-only) and the previous version (title and id) in the meta lines', async () => {
    const i18n = await createI18n('ja');
    const m = buildReportModel(decided(), fixedT(i18n, 'ja'), 'ja', new Date('2026-03-06T00:00:00Z'));
    expect(metaOf(m, '判定した人')).toBe(userText('山田 花子'));
    expect(metaOf(m, '確認・承認した人')).toBe(userText('佐藤 一郎'));
    expect(metaOf(m, '承認')).toBe(
      `${formatInstant('2026-03-05T06:30:00.000Z', 'ja')}に承認済み（この記録は読み取り専用で、変更できません）`,
    );
    // The new version was renamed after it was made: the previous one had the name before the rename.
    expect(metaOf(m, '前の版')).toBe(`「${userText('元の名前')}」（ID：9a1b2c3d-0000-4000-8000-000000000001）`);
  });

  it('English: an unsigned record with no people says so, and has no previous-version line', async () => {
    const i18n = await createI18n('en');
    const m = buildReportModel(fixture(), fixedT(i18n, 'en'), 'en', new Date());
    expect(metaOf(m, 'Assessed by')).toBe('(not given)');
    expect(metaOf(m, 'Reviewed and signed off by')).toBe('(not given)');
    expect(metaOf(m, 'Sign-off')).toBe('Not signed off');
    expect(metaOf(m, 'Previous version')).toBeUndefined();
  });

  it('the reason beside an answer is printed under that answer, and only there', async () => {
    const i18n = await createI18n('ja');
    const m = buildReportModel(decided(), fixedT(i18n, 'ja'), 'ja', new Date());
    const answers = m.sections.find((s) => s.heading === '回答内容')?.items ?? [];
    const leak = JSON.parse(readFileSync(join(__dirname, '../../locales/ja/leak.json'), 'utf8'));
    const wrongful = answers.find((a) => a.title === leak.questions.wrongful.title);
    expect(wrongful?.note).toBe(`理由：${userText('委託先の調査報告（4月3日）で否定されたため')}`);
    expect(answers.find((a) => a.title === leak.questions.persons.title)?.note).toBe(`理由：${userText('مرحبا 2 件')}`);
    expect(answers.filter((a) => a.note)).toHaveLength(2);
  });

  it('appends the history of changes, oldest first, each with its time; user text in it is isolated', async () => {
    const i18n = await createI18n('ja');
    const m = buildReportModel(decided(), fixedT(i18n, 'ja'), 'ja', new Date());
    const history = m.sections.at(-1);
    expect(history?.heading).toBe('変更の履歴');
    expect(history?.compact).toBe(true);
    expect(history?.items.map((i) => i.title)).toEqual(decided().history.map((e) => formatInstant(e.at, 'ja')));
    const bodies = history?.items.map((i) => i.body ?? '') ?? [];
    expect(bodies[1]).toMatch(/わからない → いいえ$/);
    expect(bodies[2]).toContain(userText('委託先の調査報告（4月3日）で否定されたため'));
    // The override typed into the old name is gone; the name itself is kept, isolated.
    expect(bodies[3]).toContain(userText('元の名前'));
    expect(bodies.join('')).not.toContain('\u202e');
    expect(bodies[4]).toContain(userText('佐藤 一郎'));
  });

  it('a record with no history says so in the appendix', async () => {
    const i18n = await createI18n('en');
    const m = buildReportModel(fixture(), fixedT(i18n, 'en'), 'en', new Date());
    expect(m.sections.at(-1)).toMatchObject({ heading: 'History of changes', items: [{ title: 'No changes recorded.' }] });
  });

  it('user text loses its bidi controls and is isolated; the document title property only loses them', async () => {
    const i18n = await createI18n('ja');
    const env = { ...fixture(), title: 'abc\u202eتقرير\u2066x\u2069', assessor: '\u202b山田' };
    const m = buildReportModel(env, fixedT(i18n, 'ja'), 'ja', new Date());
    expect(m.title).toBe('\u2068abcتقريرx\u2069');
    expect(metaOf(m, '判定した人')).toBe('\u2068山田\u2069');
    expect(m.properties.title).toBe('abcتقريرx');
  });

  it('the PDF shows the people, the sign-off, the reasons and the history appendix', async () => {
    const i18n = await createI18n('ja');
    const m = buildReportModel(decided(), fixedT(i18n, 'ja'), 'ja', new Date('2026-03-06T00:00:00Z'));
    const pdf = await renderPdf(m, loadNodePdfAssets());
    const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
    let all = '';
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      all += content.items.map((item) => ('str' in item ? item.str : '')).join('');
    }
    await doc.destroy();
    const squash = (x: string) => x.replace(/\s+/g, '');
    all = squash(all);
    for (const expected of [
      '判定した人：山田花子',
      '確認・承認した人：佐藤一郎',
      'この記録は読み取り専用で、変更できません',
      '前の版：「元の名前」（ID：9a1b2c3d-0000-4000-8000-000000000001）',
      '理由：委託先の調査報告（4月3日）で否定されたため',
      '変更の履歴',
      squash(`${formatInstant('2026-03-05T06:30:00.000Z', 'ja')}\u3000承認（佐藤 一郎）`),
    ])
      expect(all).toContain(squash(expected));
    // The appendix comes last, after the answers.
    expect(all.lastIndexOf('変更の履歴')).toBeGreaterThan(all.indexOf('回答内容'));
  }, 30_000);
});
