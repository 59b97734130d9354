// @vitest-environment node
// Free text is always text in every file the app writes: hostile titles, names and reasons come back exactly from JSON
// and from the PDF's embedded record, print as plain text in the PDF (no link, no action), and are escaped and folded
// in the calendar file; the screens' bidi isolation keeps an override inside the user's words.

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodePdfAssets } from '../../scripts/bench-pdf';
import { NAME_MAX, NOTE_MAX, TITLE_MAX } from '../../src/domain/schema-parts';
import { evaluate } from '../../src/domain/evaluate';
import { createI18n, fixedT, tList, type Translate } from '../../src/i18n';
import { buildCaseReportModel, buildReportModel } from '../../src/report/build-model';
import { buildIcs, deadlineEntries } from '../../src/report/ics';
import { exportCase, exportEnvelope, importFile } from '../../src/report/json';
import { renderPdf } from '../../src/report/pdf';
import type { CaseBundle } from '../../src/storage/cases';
import type { Envelope } from '../../src/storage/envelope';
import { isolate } from '../../src/ui/isolate';
import { leakFacts } from '../fixtures/leak-facts';
import { ASSESSOR, CASE_TITLE, IMPORTED_TITLE, NOTE, PAYLOADS, pdfVisible, REVIEWER, TITLE } from '../fixtures/payloads';
import { caseBundle, envelope } from '../storage/helpers';
import { readIcs, valuesOf } from './ics-reader';

const FSI = '\u2068';
const PDI = '\u2069';
const bytes = (text: string) => new TextEncoder().encode(text);

/** The v4 fixture with every free-text field hostile: title, assessor, reviewer and the reason beside two answers. */
function hostile(title = TITLE): Envelope {
  const env = envelope();
  return { ...env, title, assessor: ASSESSOR, reviewer: REVIEWER, answerNotes: { actor: NOTE, persons: PAYLOADS.multiline } };
}

function hostileCase(): CaseBundle {
  const b = caseBundle();
  return {
    ...b,
    case: { ...b.case, title: CASE_TITLE },
    runs: b.runs.map((r, i) => (i === 0 ? { ...r, title: TITLE, assessor: ASSESSOR } : r)),
  };
}

describe('the payloads fit the fields they are typed into', () => {
  it('title, names and reason are within the forms’ limits, so the browser test types them whole', () => {
    expect(TITLE.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(CASE_TITLE.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(IMPORTED_TITLE.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(ASSESSOR.length).toBeLessThanOrEqual(NAME_MAX);
    expect(REVIEWER.length).toBeLessThanOrEqual(NAME_MAX);
    expect(NOTE.length).toBeLessThanOrEqual(NOTE_MAX);
    for (const s of [TITLE, CASE_TITLE, ASSESSOR, REVIEWER, NOTE]) expect(s.trim(), 'nothing for the forms to trim').toBe(s);
  });
});

describe('JSON export and import', () => {
  it('an assessment with hostile text round-trips exactly', () => {
    const env = hostile();
    const text = exportEnvelope(env);
    const parsed = JSON.parse(text) as Envelope;
    expect([parsed.title, parsed.assessor, parsed.reviewer, parsed.answerNotes.actor]).toEqual([TITLE, ASSESSOR, REVIEWER, NOTE]);
    expect(importFile(bytes(text))).toEqual({ ok: true, kind: 'assessment', envelope: env });
  });

  it('a title with line breaks (only a file can carry one) round-trips exactly, CR LF included', () => {
    const env = hostile(IMPORTED_TITLE);
    expect(importFile(bytes(exportEnvelope(env)))).toEqual({ ok: true, kind: 'assessment', envelope: env });
  });

  it('a case with a hostile name and run round-trips exactly', () => {
    const b = hostileCase();
    expect(importFile(bytes(exportCase(b)))).toEqual({ ok: true, kind: 'case', bundle: b });
  });
});

describe('calendar file (RFC 5545)', () => {
  const r = evaluate('leak', leakFacts({ sensitive: 'yes', persons: 1, knownOn: '2025-12-05' }));
  if (!r.ok) throw new Error('evaluation failed');
  const outcome = r.outcome;
  let t: Translate;
  beforeAll(async () => {
    t = fixedT(await createI18n('ja'), 'ja');
  });
  /** The entries as the outcome page writes them (downloads.ts): the title interpolated as typed. */
  const calendar = (title: string, description = 'd') =>
    buildIcs(
      deadlineEntries('id', outcome, (duty) => ({ summary: t('screens:calendar.summary', { duty, title }), description })),
      new Date('2026-01-01T00:00:00Z'),
    );

  it.each(Object.entries({ ...PAYLOADS, TITLE, IMPORTED_TITLE, NOTE, emoji: '技術者👩\u200D💻,;\\'.repeat(8) }))(
    '%s: escaped and folded, and read back exactly as typed',
    (_, payload) => {
      const ics = readIcs(calendar(payload, payload));
      expect(ics.problems).toEqual([]);
      const expected = payload.replace(/\r\n/g, '\n');
      expect(valuesOf(ics, 'SUMMARY')).toEqual(['report-final', 'report-preliminary'].map((duty) => `${duty}（${expected}）`));
      expect(valuesOf(ics, 'DESCRIPTION')).toEqual([expected, expected]);
      // Nothing in a value becomes a property of its own.
      expect(
        ics.properties
          .map((p) => p.name)
          .filter((n) => !/^(BEGIN|END|VERSION|PRODID|CALSCALE|METHOD|UID|DTSTAMP|DTSTART|DTEND|SUMMARY|DESCRIPTION|TRANSP)$/.test(n)),
      ).toEqual([]);
    },
  );

  it('the title is interpolated as typed, not HTML-escaped: < > " stay themselves in the file', () => {
    const raw = calendar(PAYLOADS.img);
    expect(raw).not.toContain('&lt;');
    expect(raw).not.toContain('&quot;');
    expect(readIcs(raw).properties.find((p) => p.name === 'SUMMARY')?.value).toContain(PAYLOADS.img);
  });
});

interface PdfBack {
  text: string;
  title: unknown;
  annotations: { subtype: string; url?: string; unsafeUrl?: string; action?: string }[];
}

async function readPdf(pdf: Uint8Array): Promise<PdfBack> {
  const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const parts: string[] = [];
  const annotations: PdfBack['annotations'] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    for (const item of (await page.getTextContent()).items) if ('str' in item) parts.push(item.str);
    annotations.push(...((await page.getAnnotations()) as PdfBack['annotations']));
  }
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return { text: parts.join('').replace(/\s+/g, ''), title: (info as { Title?: unknown }).Title, annotations };
}

/** Nothing in the file a viewer would run or follow: no JavaScript action, no link, no URI. */
function expectInert(pdf: Uint8Array, back: PdfBack): void {
  expect(back.annotations, 'annotations (a link made of a javascript: title would be one)').toEqual([]);
  const raw = new TextDecoder('latin1').decode(pdf);
  expect(raw).not.toMatch(/\/(JS|JavaScript|URI|Launch|AA)\b/);
  // jsPDF's /OpenAction is a destination (an array: open at page 1); an action would be a dictionary.
  expect(raw).not.toMatch(/\/OpenAction\s*<</);
}

describe('PDF', () => {
  const assets = loadNodePdfAssets();

  it('an assessment: every hostile field printed as text, nothing to run or follow, the record recovered exactly', async () => {
    const i18n = await createI18n('ja');
    const env = hostile();
    const model = buildReportModel(env, fixedT(i18n, 'ja'), 'ja', new Date('2026-12-05T00:00:00Z'), (k) => tList(i18n, 'ja', k));
    // The title isolated, its own override removed (the PDF writer would otherwise mirror the words around it).
    expect(model.title).toBe(`${FSI}${TITLE.replace('\u202E', '')}${PDI}`);
    const pdf = await renderPdf(model, assets);
    const back = await readPdf(pdf);
    for (const [what, value] of Object.entries({ TITLE, ASSESSOR, REVIEWER, NOTE })) {
      expect(back.text, `${what} as text in the PDF`).toContain(pdfVisible(value));
    }
    expect(back.title, 'document title: the title without its override, nothing added').toBe(TITLE.replace('\u202E', ''));
    expectInert(pdf, back);
    expect(importFile(pdf)).toEqual({ ok: true, kind: 'assessment', envelope: env });
  });

  it('a case: its hostile name and run title printed as text, the bundle recovered exactly', async () => {
    const i18n = await createI18n('en');
    const b = hostileCase();
    const pdf = await renderPdf(
      buildCaseReportModel(b, fixedT(i18n, 'en'), 'en', new Date('2026-12-05T00:00:00Z'), (k) => tList(i18n, 'en', k)),
      assets,
    );
    const back = await readPdf(pdf);
    expect(back.text).toContain(pdfVisible(CASE_TITLE));
    expect(back.text).toContain(pdfVisible(TITLE));
    expect(back.text).toContain(pdfVisible(ASSESSOR));
    expectInert(pdf, back);
    expect(importFile(pdf)).toEqual({ ok: true, kind: 'case', bundle: b });
  });
});

describe('bidi isolation of user text on screen (src/ui/isolate.ts)', () => {
  it('wraps the text, override and all, in FSI … PDI, so the override ends where the user text ends', () => {
    expect(isolate(PAYLOADS.rtlOverride)).toBe(`${FSI}${PAYLOADS.rtlOverride}${PDI}`);
    expect(isolate(TITLE)).toBe(`${FSI}${TITLE}${PDI}`);
  });

  it('drops isolate controls of the text’s own, so a stray PDI cannot close the isolate early', () => {
    expect(isolate(`a${PDI}\u202Eb${FSI}`)).toBe(`${FSI}a\u202Eb${PDI}`);
  });
});
