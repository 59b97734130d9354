// Importing exported files: a case JSON comes back as the same bundle, assessment and case files of every earlier
// version still import (migrated to version 4), and files that are neither are refused with the right problem.

import { describe, expect, it } from 'vitest';
import { exportCase, exportEnvelope, importFile } from '../../src/report/json';
import type { CaseBundle } from '../../src/storage/cases';
import type { Envelope } from '../../src/storage/envelope';
import { fixture, V4_FIELDS } from '../storage/helpers';

const bundle = () => fixture('case-v4.json') as unknown as CaseBundle;
const bytes = (text: string) => new TextEncoder().encode(text);

describe('importFile', () => {
  it('round-trips an exported case as kind "case", equal to the bundle', () => {
    expect(importFile(bytes(exportCase(bundle())))).toEqual({ ok: true, kind: 'case', bundle: bundle() });
  });

  it('reads a case file saved with a byte order mark', () => {
    expect(importFile(bytes(`\uFEFF${exportCase(bundle())}`))).toMatchObject({ ok: true, kind: 'case' });
  });

  it('still imports an assessment: the version-1 fixture as kind "assessment", migrated from 1', () => {
    const v1 = fixture('envelope-v1.json');
    expect(importFile(bytes(JSON.stringify(v1)))).toEqual({
      ok: true,
      kind: 'assessment',
      envelope: { ...v1, caseId: null, chainedFrom: null, prefilled: [], rulesRevision: '2025-10', priorOutcomes: [], ...V4_FIELDS },
      migratedFrom: 1,
    });
  });

  it('still imports a version-3 assessment, migrated from 3, with the verdicts it keeps from earlier rules', () => {
    const v3 = fixture('envelope-v3.json');
    expect(importFile(bytes(JSON.stringify(v3)))).toEqual({
      ok: true,
      kind: 'assessment',
      envelope: { ...v3, ...V4_FIELDS },
      migratedFrom: 3,
    });
  });

  it('imports a current assessment without a migratedFrom: reasons, people, history and revision as exported', () => {
    const v4 = fixture('envelope-v4.json') as unknown as Envelope;
    expect(importFile(bytes(exportEnvelope(v4)))).toEqual({ ok: true, kind: 'assessment', envelope: v4 });
  });

  it.each(['case-v2.json', 'case-v3.json'])('still imports %s: the same case (not archived), its runs migrated to version 4', (name) => {
    const old = fixture(name);
    const r = importFile(bytes(JSON.stringify(old)));
    expect(r).toMatchObject({ ok: true, kind: 'case', bundle: { schemaVersion: 4, case: { ...(old.case as object), archived: false } } });
    if (!r.ok || r.kind !== 'case') return;
    expect(r.bundle.runs.map((x) => [x.id, x.schemaVersion, x.rev, x.history])).toEqual(
      (old.runs as Envelope[]).map((x) => [x.id, 4, 0, []]),
    );
  });

  it('reports a case file with a broken run as that run, not as "not an assessment"', () => {
    const b = fixture('case-v4.json');
    (b.runs as Record<string, unknown>[])[1]!.flow = 'marketing';
    expect(importFile(bytes(JSON.stringify(b)))).toEqual({
      ok: false,
      problem: { code: 'bad-run', index: 1, problem: { code: 'unknown-flow', flow: 'marketing' } },
    });
  });

  it('refuses text that is not JSON', () => {
    expect(importFile(bytes('会員データ, 広告配信\n1, 2\n'))).toEqual({ ok: false, problem: { code: 'not-json' } });
  });

  it('refuses JSON that is none of the formats of the app: not a Shirube export', () => {
    expect(importFile(bytes('{"format":"something-else"}'))).toEqual({ ok: false, problem: { code: 'not-shirube' } });
  });

  it('refuses a PDF that carries no envelope (some other PDF): not made by this app', () => {
    expect(importFile(bytes('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'))).toEqual({
      ok: false,
      problem: { code: 'pdf-not-ours' },
    });
  });
});
