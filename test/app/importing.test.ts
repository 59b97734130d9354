// Importing: a plan says what a file would add — a copy where it clashes, never an overwrite, the verdicts that differ
// from the current rules — and nothing is written until the plan is committed.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { commitImport, planImport, type ImportProbe, type ImportWriter } from '../../src/app/importing';
import type { CaseBundle } from '../../src/storage/cases';

const text = (name: string) => readFileSync(join(__dirname, `../fixtures/${name}`), 'utf8');
const bytes = (s: string) => new TextEncoder().encode(s);
const probe = (taken: boolean): ImportProbe => ({ assessmentExists: async () => taken, caseClashes: async () => taken });
let n = 0;
const newId = () => `new-${++n}`;
const copyTitle = (t: string) => `${t} (copy)`;

describe('planImport', () => {
  it('a current (v4) assessment: added as it is, verdict as the current rules give it', async () => {
    const r = await planImport(bytes(text('envelope-v4.json')), probe(false), newId, copyTitle);
    expect(r).toEqual({
      ok: true,
      plan: { kind: 'assessment', envelope: JSON.parse(text('envelope-v4.json')), asCopy: false, outcomeDiffers: false },
    });
  });

  it('an assessment already on this device: planned as a copy with a new id and title', async () => {
    const r = await planImport(bytes(text('envelope-v3.json')), probe(true), newId, copyTitle);
    if (!r.ok || r.plan.kind !== 'assessment') throw new Error('expected an assessment plan');
    const original = JSON.parse(text('envelope-v3.json')) as { id: string; title: string };
    expect(r.plan.asCopy).toBe(true);
    expect(r.plan.envelope.id).not.toBe(original.id);
    expect(r.plan.envelope.title).toBe(`${original.title} (copy)`);
  });

  it('a record saved before the rules revision: migrated, and its verdict flagged as differing', async () => {
    const r = await planImport(bytes(text('envelope-v1.json')), probe(false), newId, copyTitle);
    expect(r).toMatchObject({ ok: true, plan: { kind: 'assessment', outcomeDiffers: true, envelope: { schemaVersion: 4 } } });
  });

  it('a case: its runs, and how many verdicts differ; on a clash, a re-keyed copy', async () => {
    const plain = await planImport(bytes(text('case-v3.json')), probe(false), newId, copyTitle);
    expect(plain).toMatchObject({ ok: true, plan: { kind: 'case', asCopy: false, runsThatDiffer: 0 } });
    const copy = await planImport(bytes(text('case-v3.json')), probe(true), newId, copyTitle);
    if (!copy.ok || copy.plan.kind !== 'case') throw new Error('expected a case plan');
    const original = JSON.parse(text('case-v3.json')) as CaseBundle;
    const b = copy.plan.bundle;
    expect(b.case.id).not.toBe(original.case.id);
    expect(b.runs.every((r) => r.caseId === b.case.id)).toBe(true);
    // The version-2 case: its provision run needs the revision's new question (improperUse), so its verdict differs.
    const old = await planImport(bytes(text('case-v2.json')), probe(false), newId, copyTitle);
    expect(old).toMatchObject({ ok: true, plan: { kind: 'case', runsThatDiffer: 1 } });
  });

  it('a bad file: the problem, and the probe is never asked', async () => {
    const p = { assessmentExists: vi.fn(), caseClashes: vi.fn() };
    expect(await planImport(bytes('not json'), p, newId, copyTitle)).toEqual({ ok: false, problem: { code: 'not-json' } });
    expect(p.assessmentExists).not.toHaveBeenCalled();
    expect(p.caseClashes).not.toHaveBeenCalled();
  });
});

describe('commitImport', () => {
  it('writes the planned assessment, or the planned case in one call — and only when asked', async () => {
    const writer: ImportWriter = { saveAssessment: vi.fn(async () => undefined), importCase: vi.fn(async () => undefined) };
    const a = await planImport(bytes(text('envelope-v4.json')), probe(false), newId, copyTitle);
    const c = await planImport(bytes(text('case-v3.json')), probe(false), newId, copyTitle);
    expect(writer.saveAssessment).not.toHaveBeenCalled();
    if (!a.ok || !c.ok) throw new Error('fixtures must plan');
    await commitImport(a.plan, writer);
    await commitImport(c.plan, writer);
    expect(writer.saveAssessment).toHaveBeenCalledWith(a.plan.kind === 'assessment' && a.plan.envelope);
    expect(writer.importCase).toHaveBeenCalledWith(c.plan.kind === 'case' && c.plan.bundle);
  });
});
