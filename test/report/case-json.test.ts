// Importing exported files: a case JSON comes back as the same bundle, assessment files still import as before,
// and files that are neither are refused with the right problem.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCase, exportEnvelope, importFile } from '../../src/report/json';
import type { CaseBundle } from '../../src/storage/cases';
import type { Envelope } from '../../src/storage/envelope';

const load = (name: string) => JSON.parse(readFileSync(join(__dirname, `../fixtures/${name}`), 'utf8')) as Record<string, unknown>;
const bundle = () => load('case-v3.json') as unknown as CaseBundle;
const bytes = (text: string) => new TextEncoder().encode(text);

describe('importFile', () => {
  it('round-trips an exported case as kind "case", equal to the bundle', () => {
    expect(importFile(bytes(exportCase(bundle())))).toEqual({ ok: true, kind: 'case', bundle: bundle() });
  });

  it('reads a case file saved with a byte order mark', () => {
    expect(importFile(bytes(`\uFEFF${exportCase(bundle())}`))).toMatchObject({ ok: true, kind: 'case' });
  });

  it('still imports an assessment: the version-1 fixture as kind "assessment", migrated from 1', () => {
    const v1 = load('envelope-v1.json');
    expect(importFile(bytes(JSON.stringify(v1)))).toEqual({
      ok: true,
      kind: 'assessment',
      envelope: { ...v1, schemaVersion: 3, caseId: null, chainedFrom: null, prefilled: [], rulesRevision: '2025-10', priorOutcomes: [] },
      migratedFrom: 1,
    });
  });

  it('imports a current assessment without a migratedFrom, with the verdicts it keeps from earlier rules', () => {
    const v3 = load('envelope-v3.json') as unknown as Envelope;
    expect(importFile(bytes(exportEnvelope(v3)))).toEqual({ ok: true, kind: 'assessment', envelope: v3 });
  });

  it('still imports a version-2 case file: the same case, its runs migrated to version 3', () => {
    const v2 = load('case-v2.json');
    const r = importFile(bytes(JSON.stringify(v2)));
    expect(r).toMatchObject({ ok: true, kind: 'case', bundle: { schemaVersion: 3, case: v2.case } });
    if (!r.ok || r.kind !== 'case') return;
    expect(r.bundle.runs.map((x) => [x.id, x.schemaVersion, x.rulesRevision, x.priorOutcomes])).toEqual(
      (v2.runs as Envelope[]).map((x) => [x.id, 3, '2025-10', []]),
    );
  });

  it('reports a case file with a broken run as that run, not as "not an assessment"', () => {
    const b = load('case-v3.json');
    (b.runs as Record<string, unknown>[])[1]!.flow = 'marketing';
    expect(importFile(bytes(JSON.stringify(b)))).toEqual({
      ok: false,
      problem: { code: 'bad-run', index: 1, problem: { code: 'unknown-flow', flow: 'marketing' } },
    });
  });

  it('refuses text that is not JSON', () => {
    expect(importFile(bytes('会員データ, 広告配信\n1, 2\n'))).toEqual({ ok: false, problem: { code: 'not-json' } });
  });

  it('refuses JSON that is neither an assessment nor a case', () => {
    expect(importFile(bytes('{"format":"something-else"}'))).toEqual({ ok: false, problem: { code: 'not-an-assessment' } });
  });

  it('refuses a PDF that carries no envelope (some other PDF)', () => {
    expect(importFile(bytes('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'))).toEqual({
      ok: false,
      problem: { code: 'not-an-assessment' },
    });
  });
});
