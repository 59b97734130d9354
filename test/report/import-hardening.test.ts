// Reading a file to import is hardened: every bad file — too large, not UTF-8, not JSON, the wrong shape, an unknown
// version, a PDF not made by the app, damaged or altered — is refused with a known problem, never read half-way,
// never an exception; prototype keys never pollute; markup stays text; and every problem has its words in ja and en.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/records.json';
import ja from '../../locales/ja/records.json';
import { envelopeMetadataText } from '../../src/report/pdf-envelope';
import { fileSizeProblem, importFile, MAX_FILE_BYTES, type ImportProblem } from '../../src/report/json';
import { writeBackup } from '../../src/storage/backup';
import type { Envelope } from '../../src/storage/envelope';
import { caseBundle, envelope } from '../storage/helpers';

const text = (name: string) => readFileSync(join(__dirname, `../fixtures/${name}`), 'utf8');
const bytes = (s: string) => new TextEncoder().encode(s);
const pdfWith = (...parts: string[]) => bytes(`%PDF-1.3\n1 0 obj\n<< /Type /Metadata >>\nstream\n${parts.join('\n')}\n`);
const refused = (b: Uint8Array) => {
  const r = importFile(b, { today: '2026-12-06' });
  if (r.ok) throw new Error(`expected a refusal, got ${r.kind}`);
  return r.problem;
};

/** Every problem code importFile can report (the texts are checked against this list). */
const CODES = [
  'file-too-large',
  'not-utf8',
  'not-json',
  'not-shirube',
  'pdf-not-ours',
  'pdf-damaged',
  'pdf-ambiguous',
  'not-an-assessment',
  'not-a-case',
  'not-a-backup',
  'newer-version',
  'bad-version',
  'bad-field',
  'unknown-flow',
  'unknown-fact',
  'bad-fact',
  'too-large',
  'bad-run',
  'bad-assessment',
  'bad-case',
  'duplicate-id',
] as const satisfies readonly ImportProblem['code'][];

describe('the file itself', () => {
  it('over 20 MB: refused by its size, before its bytes are read, with the size', () => {
    expect(fileSizeProblem(MAX_FILE_BYTES)).toBeNull();
    expect(fileSizeProblem(MAX_FILE_BYTES + 1)).toEqual({ code: 'file-too-large', size: MAX_FILE_BYTES + 1 });
    // The bytes are checked too (a caller that read them anyway).
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20);
    expect(refused(big)).toEqual({ code: 'file-too-large', size: MAX_FILE_BYTES + 1 });
  });

  it('malformed JSON, and JSON cut short: not valid JSON', () => {
    expect(refused(bytes('{"format": "shirube-assessment",'))).toEqual({ code: 'not-json' });
    expect(refused(bytes(text('envelope-v4.json').slice(0, 200)))).toEqual({ code: 'not-json' });
    expect(refused(bytes(''))).toEqual({ code: 'not-json' });
  });

  it('valid JSON of the wrong shape: not a Shirube export', () => {
    for (const doc of ['{"hello":"world"}', '[]', '[{"format":"shirube-assessment"}]', '42', '"text"', 'null', '{"format":"other-app"}'])
      expect(refused(bytes(doc)), doc).toEqual({ code: 'not-shirube' });
  });

  it('a Latin-1 (not UTF-8) file is refused, not read as garbled text', () => {
    const env = envelope();
    const latin1 = Uint8Array.from(exportLatin1({ ...env, title: 'Café résumé' }));
    expect(refused(latin1)).toEqual({ code: 'not-utf8' });
    // The same record in UTF-8, with a BOM, reads.
    const utf8 = bytes(`\uFEFF${JSON.stringify({ ...env, title: 'Café résumé' })}`);
    expect(importFile(utf8)).toMatchObject({ ok: true, kind: 'assessment', envelope: { title: 'Café résumé' } });
  });
});

/** JSON text with every character written as one byte (what a Latin-1 editor saves). */
function exportLatin1(env: Envelope): number[] {
  return Array.from(JSON.stringify(env), (c) => c.charCodeAt(0) & 0xff);
}

describe('versions', () => {
  it('a version written as a string ("2"), a fraction or a negative: the version field is invalid', () => {
    const env = JSON.parse(text('envelope-v4.json')) as Record<string, unknown>;
    for (const v of ['2', '4', 2.5, -1, 0, null, true])
      expect(refused(bytes(JSON.stringify({ ...env, schemaVersion: v }))), String(v)).toEqual({ code: 'bad-version', version: v });
    const bundle = JSON.parse(text('case-v4.json')) as Record<string, unknown>;
    expect(refused(bytes(JSON.stringify({ ...bundle, schemaVersion: '2' })))).toEqual({ code: 'bad-version', version: '2' });
    const backup = JSON.parse(text('backup-v1.json')) as Record<string, unknown>;
    expect(refused(bytes(JSON.stringify({ ...backup, version: '1' })))).toEqual({ code: 'bad-version', version: '1' });
  });

  it('a newer version: made by a newer app', () => {
    const env = JSON.parse(text('envelope-v4.json')) as Record<string, unknown>;
    expect(refused(bytes(JSON.stringify({ ...env, schemaVersion: 99 })))).toEqual({ code: 'newer-version', version: 99 });
    const backup = JSON.parse(text('backup-v1.json')) as Record<string, unknown>;
    expect(refused(bytes(JSON.stringify({ ...backup, version: 2 })))).toEqual({ code: 'newer-version', version: 2 });
  });

  it('the bad-version text never names the version as if it were one', () => {
    for (const t of [ja.backup.problem['bad-version'], en.backup.problem['bad-version']]) expect(t).not.toContain('{{version}}');
  });
});

describe('the records inside', () => {
  it('an answer outside its type is refused naming the answer', () => {
    const env = JSON.parse(text('envelope-v4.json')) as { facts: Record<string, unknown> };
    const [fact] = Object.keys(env.facts);
    for (const v of [{ nested: true }, [1, 2], 'not-an-option', 1e308]) {
      const p = refused(bytes(JSON.stringify({ ...env, facts: { ...env.facts, [fact!]: v } })));
      expect(p).toEqual({ code: 'bad-fact', field: `facts.${fact}` });
    }
    expect(refused(bytes(JSON.stringify({ ...env, facts: { ...env.facts, noSuchQuestion: 'yes' } })))).toEqual({
      code: 'unknown-fact',
      field: 'facts.noSuchQuestion',
    });
  });

  it('a bad run in a case, a bad record in a backup, two records with one id: named', () => {
    const bundle = JSON.parse(text('case-v4.json')) as { runs: Record<string, unknown>[] };
    bundle.runs[1] = { ...bundle.runs[1], title: 42 };
    expect(refused(bytes(JSON.stringify(bundle)))).toEqual({ code: 'bad-run', index: 1, problem: { code: 'bad-field', field: 'title' } });
    const backup = JSON.parse(text('backup-v1.json')) as { assessments: unknown[]; cases: unknown[] };
    expect(refused(bytes(JSON.stringify({ ...backup, assessments: [...backup.assessments, backup.assessments[3]] })))).toEqual({
      code: 'duplicate-id',
      id: 'c4d5e6f7-0004-4000-8000-000000000004',
    });
    expect(refused(bytes(JSON.stringify({ ...backup, assessments: [...backup.assessments, 'x'] })))).toEqual({
      code: 'bad-assessment',
      index: 4,
      problem: { code: 'not-an-assessment' },
    });
    expect(refused(bytes(JSON.stringify({ ...backup, cases: [{ id: 'x' }] })))).toMatchObject({ code: 'bad-case', index: 0 });
  });

  it('__proto__ and constructor keys never pollute, and are not kept', () => {
    const raw = text('envelope-v4.json').replace(
      /^\{/,
      '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": 1,',
    );
    const r = importFile(bytes(raw));
    if (!r.ok || r.kind !== 'assessment') throw new Error(`expected an assessment: ${JSON.stringify(r)}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.envelope)).toBe(Object.prototype);
    expect(Object.keys(r.envelope)).not.toContain('__proto__');
    expect(Object.keys(r.envelope)).not.toContain('constructor');
    expect((r.envelope as unknown as Record<string, unknown>).polluted).toBeUndefined();
    // Inside answers and the reasons beside them: refused (no such question), never merged into a prototype.
    const env = JSON.parse(text('envelope-v4.json')) as Record<string, unknown>;
    for (const key of ['__proto__', 'constructor']) {
      const facts = `{"${key}": {"polluted": "yes"}}`;
      const doc = JSON.stringify(env).replace(/"facts":\{[^}]*\}/, `"facts":${facts}`);
      const p = importFile(bytes(doc));
      expect(p.ok, key).toBe(false);
      const notes = JSON.stringify(env).replace(/"answerNotes":\{[^}]*\}/, `"answerNotes":{"${key}":"x"}`);
      // A reason keyed `__proto__` is dropped by the reader (valibot skips it); `constructor` names no answer: refused.
      const n = importFile(bytes(notes));
      if (n.ok && n.kind === 'assessment') {
        expect(Object.keys(n.envelope.answerNotes)).toEqual([]);
        expect(Object.getPrototypeOf(n.envelope.answerNotes)).toBe(Object.prototype);
      } else expect(n).toMatchObject({ ok: false, problem: { code: 'bad-field', field: 'answerNotes' } });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('markup in titles and reasons is kept as text, exactly as written', () => {
    const env = envelope();
    const [fact] = Object.keys(env.facts);
    const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script>&amp;';
    const doc = { ...env, title: markup, answerNotes: { [fact!]: markup } };
    const r = importFile(bytes(JSON.stringify(doc)));
    expect(r).toMatchObject({ ok: true, kind: 'assessment', envelope: { title: markup, answerNotes: { [fact!]: markup } } });
  });
});

describe('PDFs', () => {
  const json = JSON.stringify(envelope());

  it('a PDF made by the app: its record', () => {
    expect(importFile(pdfWith(envelopeMetadataText(json), '%%EOF'))).toMatchObject({ ok: true, kind: 'assessment' });
  });

  it('a PDF with no record: not made by this app (or re-saved by another tool)', () => {
    expect(refused(pdfWith('no record here', '%%EOF'))).toEqual({ code: 'pdf-not-ours' });
  });

  it('a damaged or cut-short PDF: damaged, not "not JSON"', () => {
    const wrapped = envelopeMetadataText(json);
    expect(refused(pdfWith(wrapped.slice(0, wrapped.length - 40)))).toEqual({ code: 'pdf-damaged' });
    const altered = wrapped.replace(/[A-Za-z0-9+/]{4}(?=[A-Za-z0-9+/=]*:SHIRUBE-ENVELOPE-END)/, '');
    expect(refused(pdfWith(altered, '%%EOF'))).toEqual({ code: 'pdf-damaged' });
  });

  it('two different records, or one only after the end: ambiguous, refused', () => {
    const other = JSON.stringify({ ...envelope(), title: 'Another' });
    expect(refused(pdfWith(envelopeMetadataText(json), envelopeMetadataText(other), '%%EOF'))).toEqual({ code: 'pdf-ambiguous' });
    expect(refused(pdfWith('%%EOF', envelopeMetadataText(other)))).toEqual({ code: 'pdf-ambiguous' });
  });

  it('a record appended after the end: the original one (what the pages show) is read', () => {
    const appended = JSON.stringify({ ...envelope(), title: 'Appended later' });
    const r = importFile(pdfWith(envelopeMetadataText(json), '%%EOF', envelopeMetadataText(appended), '%%EOF'));
    expect(r).toMatchObject({ ok: true, kind: 'assessment', envelope: { title: envelope().title } });
  });
});

describe('what a file is', () => {
  it('an assessment, a case, a backup', () => {
    expect(importFile(bytes(text('envelope-v4.json')))).toMatchObject({ ok: true, kind: 'assessment' });
    expect(importFile(bytes(text('case-v4.json')))).toMatchObject({ ok: true, kind: 'case' });
    expect(importFile(bytes(writeBackup([caseBundle().case], [...caseBundle().runs, envelope()], new Date())))).toMatchObject({
      ok: true,
      kind: 'backup',
    });
  });
});

describe('junk is always refused with a known problem', () => {
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) => {
        const r = importFile(b);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(CODES).toContain(r.problem.code);
      }),
      { numRuns: 300 },
    );
  });

  it('random JSON, also claiming one of the formats', () => {
    const formats = fc.constantFrom(undefined, 'shirube-assessment', 'shirube-case', 'shirube-backup');
    const doc = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), doc), formats, fc.jsonValue({ maxDepth: 0 }), (value, format, version) => {
        const v =
          format && typeof value === 'object' && value !== null && !Array.isArray(value)
            ? { ...value, format, schemaVersion: version, version }
            : value;
        const r = importFile(bytes(JSON.stringify(v)));
        // Only an empty backup of version 1 holds nothing wrong.
        if (r.ok) expect(r).toMatchObject({ kind: 'backup', backup: { cases: [], assessments: [] } });
        else expect(CODES).toContain(r.problem.code);
      }),
      { numRuns: 300 },
    );
  });

  it('a PDF of random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) => {
        const r = importFile(new Uint8Array([...bytes('%PDF-1.4\n'), ...b]));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(CODES).toContain(r.problem.code);
      }),
      { numRuns: 200 },
    );
  });
});

describe('every problem has its words', () => {
  it.each(CODES)('%s in ja and en', (code) => {
    expect(ja.backup.problem[code]).toBeTruthy();
    expect(en.backup.problem[code]).toBeTruthy();
  });
});
