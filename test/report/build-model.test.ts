// The PDF's report model in both languages: title, ruleset, verdict, every answer, dated duties in working
// order, open questions, and the exact envelope JSON.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, fixedT } from '../../src/i18n';
import { buildReportModel } from '../../src/report/build-model';
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
    expect(m.title).toBe('髙橋さんの健康診断結果 誤送信');
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
      const common = JSON.parse(readFileSync(join(__dirname, `../../locales/${lang}/common.json`), 'utf8'));
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
