// The PDF's report model in both languages: title, ruleset, verdict, every answer, dated duties in working
// order, open questions, and the exact envelope JSON.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, fixedT } from '../../src/i18n';
import { buildReportModel } from '../../src/report/build-model';
import { exportEnvelope } from '../../src/report/json';
import type { Envelope } from '../../src/storage/envelope';

const fixture = (): Envelope => JSON.parse(readFileSync(join(__dirname, '../fixtures/envelope-v1.json'), 'utf8')) as Envelope;

describe('buildReportModel', () => {
  it('Japanese: the user title, verdict, dates with weekdays, every answer and the envelope', async () => {
    const i18n = await createI18n('ja');
    const m = buildReportModel(fixture(), fixedT(i18n, 'ja'), 'ja', new Date('2026-03-02T02:00:00Z'));
    expect(m.title).toBe('髙橋さんの健康診断結果 誤送信');
    expect(m.meta.map((x) => x.value).join('\n')).toContain('appi-2025-10');
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
});
