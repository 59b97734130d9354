// The case view: each run presented once (as the PDF presents it), where it was started from, and the next checks
// still to start.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseView } from '../../src/app/case-view';
import { createI18n, fixedT } from '../../src/i18n';
import { readCaseBundle, type CaseBundle } from '../../src/storage/cases';
import { loadRecordLogic } from '../../src/storage/record-logic';

// readCaseBundle's callers (the import screens) load the record logic with their code; so does this test.
beforeAll(() => loadRecordLogic());

const bundle = (): CaseBundle => {
  const r = readCaseBundle(JSON.parse(readFileSync(join(__dirname, '../fixtures/case-v3.json'), 'utf8')));
  if (!r.ok) throw new Error('fixture unreadable');
  return r.bundle;
};

describe('caseView', () => {
  it('presents every run with its verdict and source run, and offers nothing already started', async () => {
    const i18n = await createI18n('ja');
    const b = bundle();
    const v = caseView(b, fixedT(i18n, 'ja'), 'ja');
    expect(v.runs.map((r) => [r.env.flow, r.view?.outcomeId, r.from?.flow ?? null])).toEqual([
      ['personal-info', 'personal-information', null],
      ['sensitive-acquisition', 'permitted', 'personal-info'],
      ['provision', 'permitted', 'personal-info'],
    ]);
    expect(v.nextChecks).toEqual([]);
    // The provision run keeps the verdict the rules revision replaced.
    expect(v.runs[2]?.priors).toHaveLength(1);
  });

  it('offers the check not started yet from a run, with the facts it carries', async () => {
    const i18n = await createI18n('ja');
    const b = bundle();
    b.runs = b.runs.filter((r) => r.flow !== 'provision');
    const v = caseView(b, fixedT(i18n, 'ja'), 'ja');
    expect(v.nextChecks.map((n) => [n.env.flow, n.offers.map((o) => [o.flow, o.facts])])).toEqual([
      ['personal-info', [['provision', { dataKind: 'personal-data' }]]],
    ]);
  });

  it('an unfinished run has no view and offers nothing', async () => {
    const i18n = await createI18n('ja');
    const b = bundle();
    b.runs = [{ ...b.runs[0]!, facts: { aboutPerson: 'yes' }, outcome: null }];
    const v = caseView(b, fixedT(i18n, 'ja'), 'ja');
    expect(v.runs[0]?.view).toBeNull();
    expect(v.nextChecks).toEqual([]);
  });
});
