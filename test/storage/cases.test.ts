// Data use cases (案件) in storage: the repository over a real (in-memory) IndexedDB (the library's summaries written
// and deleted with the runs), all-or-nothing imports, re-keying an imported copy, and strict validation of case bundles
// of every version (older ones migrated to version 4: the case not archived, its runs with the version-4 defaults).

import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AssessmentRepository } from '../../src/storage/assessments';
import { CaseRepository, newCase, readCaseBundle, rekeyBundle, type CaseBundle, type CaseRecord } from '../../src/storage/cases';
import { openDb } from '../../src/storage/db';
import type { Envelope } from '../../src/storage/envelope';
import { StorageError } from '../../src/storage/errors';
import { summarize } from '../../src/storage/summary';
import { fixture, V4_FIELDS } from './helpers';

const raw = () => fixture('case-v2.json');
const v4 = () => fixture('case-v4.json');
/** The current fixture as the app holds it. */
const bundle = (): CaseBundle => {
  const r = readCaseBundle(v4());
  if (!r.ok) throw new Error(`fixture unreadable: ${JSON.stringify(r.problem)}`);
  return r.bundle;
};
/** A run as AssessmentRepository.save stores it: one revision on. */
const saved = (r: Envelope): Envelope => ({ ...r, rev: r.rev + 1 });
const runsOf = (r: Record<string, unknown>) => r.runs as Record<string, unknown>[];
const fresh = () => openDb(`t-${Math.random()}`, new IDBFactory());

const CASE_ID = bundle().case.id;
const [RUN1, RUN2, RUN3] = bundle().runs.map((r) => r.id) as [string, string, string];

/** A run of the fixture moved into another case (or none), with its own id. */
const runIn = (caseId: string | null, id: string, over: Partial<Envelope> = {}): Envelope => ({
  ...bundle().runs[0]!,
  id,
  caseId,
  ...over,
});

describe('CaseRepository', () => {
  it('saves and reads back a case record exactly', async () => {
    const repo = new CaseRepository(fresh());
    const rec = newCase('case-a', '会員データを広告配信に使う', new Date('2026-11-20T00:00:00Z'));
    await repo.save(rec);
    expect(await repo.get('case-a')).toEqual(rec);
    expect(await repo.get('missing')).toBeUndefined();
  });

  it('a corrupt case row is an error on get, not a silently empty case', async () => {
    const db = fresh();
    await db.cases.put({ id: 'bad', title: '', createdAt: 'x', updatedAt: 'y' } as unknown as CaseRecord);
    await expect(new CaseRepository(db).get('bad')).rejects.toMatchObject({ name: 'StorageError', kind: 'corrupt' });
  });

  it('lists cases with their run counts, most recently worked on first (a run counts as work on its case)', async () => {
    const db = fresh();
    const repo = new CaseRepository(db);
    const runs = new AssessmentRepository(db);
    // Case A was created first, but one of its runs was answered after case B was last touched.
    await repo.save({ ...newCase('a', 'A', new Date('2026-01-01T00:00:00Z')) });
    await repo.save({ ...newCase('b', 'B', new Date('2026-03-01T00:00:00Z')) });
    await repo.save({ ...newCase('c', 'C', new Date('2026-02-01T00:00:00Z')) });
    await runs.save(runIn('a', 'a-done', { updatedAt: '2026-05-01T00:00:00.000Z' }));
    await runs.save(runIn('a', 'a-open', { outcome: null, updatedAt: '2026-01-02T00:00:00.000Z' }));
    await runs.save(runIn('c', 'c-open', { outcome: null, updatedAt: '2026-02-02T00:00:00.000Z' }));
    await runs.save(runIn(null, 'alone', { updatedAt: '2026-12-01T00:00:00.000Z' }));

    const list = await repo.list();
    expect(list.map((c) => [c.id, c.runs, c.finished, c.updatedAt])).toEqual([
      ['a', 2, 1, '2026-05-01T00:00:00.000Z'],
      ['b', 0, 0, '2026-03-01T00:00:00.000Z'],
      ['c', 1, 0, '2026-02-02T00:00:00.000Z'],
    ]);
    expect(list[0]).toMatchObject({ title: 'A', createdAt: '2026-01-01T00:00:00.000Z' });
  });

  it('list does not count an unreadable row in a case as a finished run', async () => {
    const db = fresh();
    const repo = new CaseRepository(db);
    await repo.save(newCase('a', 'A', new Date('2026-01-01T00:00:00Z')));
    await new AssessmentRepository(db).save(runIn('a', 'a-open', { outcome: null }));
    // Half a row: no format, no outcome, no timestamps. It cannot be a finished run, whatever else it is.
    await db.assessments.put({ id: 'broken', caseId: 'a' } as unknown as Envelope);
    const [summary] = await repo.list();
    expect(summary?.finished).toBe(0);
  });

  it('runs: oldest first whatever order they were written in, with unreadable rows counted', async () => {
    const db = fresh();
    const repo = new CaseRepository(db);
    const runs = new AssessmentRepository(db);
    for (const r of [...bundle().runs].reverse()) await runs.save(r);
    await runs.save(runIn('other-case', 'elsewhere'));
    await db.assessments.put({ id: 'broken', caseId: CASE_ID, updatedAt: '2026-11-21T00:00:00.000Z' } as unknown as Envelope);
    const { runs: got, unreadable } = await repo.runs(CASE_ID);
    expect(got.map((r) => r.id)).toEqual([RUN1, RUN2, RUN3]);
    expect(got).toEqual(bundle().runs.map(saved));
    expect(unreadable).toBe(1);
    expect(await repo.runs('no-such-case')).toEqual({ runs: [], unreadable: 0 });
  });

  it('bundle: the case with every run, oldest first, updated when its latest run was', async () => {
    const db = fresh();
    const repo = new CaseRepository(db);
    const b = bundle();
    await repo.save({ ...b.case, updatedAt: b.case.createdAt });
    for (const r of [...b.runs].reverse()) await new AssessmentRepository(db).save(r);
    await new AssessmentRepository(db).save(runIn(null, 'alone'));
    expect(await repo.bundle(CASE_ID)).toEqual({ ...b, runs: b.runs.map(saved) });
    expect(await repo.bundle('missing')).toBeUndefined();
  });

  it('remove: deletes the case and its runs, and nothing else', async () => {
    const db = fresh();
    const repo = new CaseRepository(db);
    await repo.importBundle(bundle());
    await repo.save(newCase('other', 'Other', new Date('2026-01-01T00:00:00Z')));
    const runs = new AssessmentRepository(db);
    await runs.save(runIn('other', 'other-run'));
    await runs.save(runIn(null, 'alone'));

    await repo.remove(CASE_ID);
    expect(await repo.get(CASE_ID)).toBeUndefined();
    expect(await repo.runs(CASE_ID)).toEqual({ runs: [], unreadable: 0 });
    expect((await db.assessments.toCollection().primaryKeys()).sort()).toEqual(['alone', 'other-run']);
    expect((await db.summaries.toCollection().primaryKeys()).sort()).toEqual(['alone', 'other-run']);
    expect((await repo.list()).map((c) => c.id)).toEqual(['other']);
  });

  it('importBundle writes the case and every run as it is (revision kept), with their summaries', async () => {
    const db = fresh();
    const repo = new CaseRepository(db);
    await repo.importBundle(bundle());
    expect(await repo.get(CASE_ID)).toEqual(bundle().case);
    expect(await db.assessments.count()).toBe(3);
    expect(await repo.bundle(CASE_ID)).toEqual(bundle());
    expect(await db.summaries.toArray()).toEqual(bundle().runs.map(summarize));
    expect(await new AssessmentRepository(db).list()).toMatchObject({ unreadable: 0 });
  });

  it('importBundle writes nothing when a run id is already taken (ConstraintError midway through bulkAdd)', async () => {
    const db = fresh();
    const repo = new CaseRepository(db);
    // The second run's id is already used by a stand-alone run on this device.
    const existing = runIn(null, RUN2, { title: 'already here' });
    await new AssessmentRepository(db).save(existing);

    const error = await repo.importBundle(bundle()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect(await db.cases.count()).toBe(0);
    expect(await db.assessments.toArray()).toEqual([saved(existing)]);
    expect(await db.summaries.toArray()).toEqual([summarize(saved(existing))]);
  });

  it('importBundle writes nothing when writing the runs fails, and the failure is classified', async () => {
    const db = fresh();
    const repo = new CaseRepository(db);
    db.assessments.bulkAdd = (() =>
      Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as typeof db.assessments.bulkAdd;
    await expect(repo.importBundle(bundle())).rejects.toMatchObject({ name: 'StorageError', kind: 'quota' });
    expect(await db.cases.count()).toBe(0);
    expect(await db.assessments.count()).toBe(0);
  });

  it('importBundle writes nothing when writing the summaries fails', async () => {
    const db = fresh();
    const repo = new CaseRepository(db);
    db.summaries.bulkAdd = (() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as typeof db.summaries.bulkAdd;
    await expect(repo.importBundle(bundle())).rejects.toMatchObject({ name: 'StorageError', kind: 'quota' });
    expect([await db.cases.count(), await db.assessments.count(), await db.summaries.count()]).toEqual([0, 0, 0]);
  });

  it('records: every readable case record, archived or not', async () => {
    const db = fresh();
    const repo = new CaseRepository(db);
    await repo.save(newCase('a', 'A', new Date('2026-01-01T00:00:00Z')));
    await repo.save({ ...newCase('b', 'B', new Date('2026-01-02T00:00:00Z')), archived: true });
    await db.cases.put({ id: 'bad', title: '' } as unknown as CaseRecord);
    expect((await repo.records()).map((c) => [c.id, c.archived])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('importBundle writes nothing when the case id is already taken', async () => {
    const db = fresh();
    const repo = new CaseRepository(db);
    const mine: CaseRecord = { ...bundle().case, title: 'mine' };
    await repo.save(mine);
    await expect(repo.importBundle(bundle())).rejects.toBeInstanceOf(StorageError);
    expect(await repo.get(CASE_ID)).toEqual(mine);
    expect(await db.assessments.count()).toBe(0);
  });

  it('clashes: an existing case id or any existing run id', async () => {
    const empty = new CaseRepository(fresh());
    expect(await empty.clashes(bundle())).toBe(false);
    expect(await empty.clashes({ ...bundle(), runs: [] })).toBe(false);

    const byCase = new CaseRepository(fresh());
    await byCase.save(newCase(CASE_ID, 'x', new Date()));
    expect(await byCase.clashes(bundle())).toBe(true);
    expect(await byCase.clashes({ ...bundle(), case: { ...bundle().case, id: 'elsewhere' }, runs: [] })).toBe(false);

    const dbRun = fresh();
    await new AssessmentRepository(dbRun).save(runIn(null, RUN3));
    expect(await new CaseRepository(dbRun).clashes(bundle())).toBe(true);
  });

  it('storage failures surface as classified StorageErrors', async () => {
    const db = fresh();
    db.cases.put = (() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as typeof db.cases.put;
    await expect(new CaseRepository(db).save(bundle().case)).rejects.toMatchObject({ name: 'StorageError', kind: 'quota' });
  });
});

describe('rekeyBundle', () => {
  const counter = () => {
    let n = 0;
    return () => `new-${++n}`;
  };

  it('gives the case and every run fresh ids, and keeps the links between the runs', () => {
    const b = bundle();
    const copy = rekeyBundle(b, counter(), 'コピー');
    expect(copy.case).toEqual({ ...b.case, id: 'new-1', title: 'コピー' });
    expect(copy.runs.map((r) => r.id)).toEqual(['new-2', 'new-3', 'new-4']);
    expect(copy.runs.map((r) => r.caseId)).toEqual(['new-1', 'new-1', 'new-1']);
    // Runs 2 and 3 were started from run 1's result.
    expect(copy.runs.map((r) => r.chainedFrom)).toEqual([null, 'new-2', 'new-2']);
    copy.runs.forEach((r, i) => {
      const { id: _id, caseId: _c, chainedFrom: _f, ...rest } = b.runs[i]!;
      expect(r).toMatchObject(rest);
    });
    expect(readCaseBundle(copy)).toEqual({ ok: true, bundle: copy });
    // The original is not changed.
    expect(b).toEqual(bundle());
  });

  it('drops a link to a run outside the bundle, keeping the carried-over facts', () => {
    const b = bundle();
    b.runs = [b.runs[1]!, b.runs[2]!];
    const copy = rekeyBundle(b, counter(), 'x');
    expect(copy.runs.map((r) => r.chainedFrom)).toEqual([null, null]);
    expect(copy.runs[0]).toMatchObject({ facts: b.runs[0]!.facts, prefilled: ['sensitive'], outcome: b.runs[0]!.outcome });
    expect(readCaseBundle(copy).ok).toBe(true);
  });
});

describe('readCaseBundle', () => {
  it('reads the case-v2 fixture as a version-4 bundle: the case not archived, each run migrated (made under the first rules)', () => {
    const r = raw();
    expect(readCaseBundle(r)).toEqual({
      ok: true,
      bundle: {
        ...r,
        schemaVersion: 4,
        case: { ...(r.case as object), archived: false },
        runs: runsOf(r).map((run) => ({ ...run, rulesRevision: '2025-10', priorOutcomes: [], ...V4_FIELDS })),
      },
    });
  });

  it('migrates a version-1 run like any envelope, then refuses it: it belongs to no case', () => {
    const r = raw();
    const { caseId: _c, chainedFrom: _f, prefilled: _p, ...old } = runsOf(r)[0]!;
    // A version-1 run has no case, so it cannot belong to this one: refused, not silently moved.
    runsOf(r)[0] = { ...old, schemaVersion: 1 };
    expect(readCaseBundle(r)).toEqual({
      ok: false,
      problem: { code: 'bad-run', index: 0, problem: { code: 'bad-field', field: 'caseId' } },
    });
  });

  const withCase = (over: Record<string, unknown>) => ({ ...raw(), case: { ...bundle().case, ...over } });
  const withRun = (index: number, over: (run: Record<string, unknown>) => Record<string, unknown>) => {
    const r = raw();
    runsOf(r)[index] = over(runsOf(r)[index]!);
    return r;
  };

  it.each([
    ['not an object', 'x', { code: 'not-a-case' }],
    ['wrong format', { ...raw(), format: 'shirube-assessment' }, { code: 'not-a-case' }],
    ['version 1 (cases did not exist yet)', { ...raw(), schemaVersion: 1 }, { code: 'bad-version', version: 1 }],
    ['version 5', { ...v4(), schemaVersion: 5 }, { code: 'newer-version', version: 5 }],
    ['a version that is not a number', { ...raw(), schemaVersion: '2' }, { code: 'bad-version', version: '2' }],
    ['no case record', { ...raw(), case: null }, { code: 'bad-field', field: 'case' }],
    ['an empty case id', withCase({ id: '' }), { code: 'bad-field', field: 'case.id' }],
    ['an empty case title', withCase({ title: '' }), { code: 'bad-field', field: 'case.title' }],
    ['a blank case title', withCase({ title: ' \u3000' }), { code: 'bad-field', field: 'case.title' }],
    ['a bad createdAt', withCase({ createdAt: 'yesterday' }), { code: 'bad-field', field: 'case.createdAt' }],
    ['a bad updatedAt', withCase({ updatedAt: 7 }), { code: 'bad-field', field: 'case.updatedAt' }],
    ['runs not an array', { ...raw(), runs: { 0: runsOf(raw())[0] } }, { code: 'bad-field', field: 'runs' }],
    [
      'a run with a bad fact',
      withRun(1, (r) => ({ ...r, facts: { ...(r.facts as object), consent: 'maybe' } })),
      { code: 'bad-run', index: 1, problem: { code: 'bad-fact', field: 'facts.consent' } },
    ],
    [
      'a run that is not an assessment',
      withRun(2, () => ({ format: 'other' })),
      { code: 'bad-run', index: 2, problem: { code: 'not-an-assessment' } },
    ],
    [
      'a run from another case',
      withRun(2, (r) => ({ ...r, caseId: 'another-case' })),
      { code: 'bad-run', index: 2, problem: { code: 'bad-field', field: 'caseId' } },
    ],
    [
      'a stand-alone run',
      withRun(0, (r) => ({ ...r, caseId: null })),
      { code: 'bad-run', index: 0, problem: { code: 'bad-field', field: 'caseId' } },
    ],
  ])('refuses %s', (_name, input, problem) => {
    expect(readCaseBundle(input)).toEqual({ ok: false, problem });
  });

  it('refuses duplicate run ids, naming the id (not the caseId) as the bad field', () => {
    // The caseId of the duplicate is correct; telling the user it is not would send them looking in the wrong place.
    const dup = withRun(2, (r) => ({ ...r, id: RUN2 }));
    expect(readCaseBundle(dup)).toEqual({ ok: false, problem: { code: 'bad-run', index: 2, problem: { code: 'bad-field', field: 'id' } } });
  });
});

describe('readCaseBundle: version 3', () => {
  const v3 = () => fixture('case-v3.json');
  it('reads the case-v3 fixture as version 4: the case not archived, runs of both rules revisions with the v4 defaults', () => {
    const b = v3();
    const r = readCaseBundle(b);
    expect(r).toEqual({
      ok: true,
      bundle: {
        ...b,
        schemaVersion: 4,
        case: { ...(b.case as object), archived: false },
        runs: runsOf(b).map((x) => ({ ...x, ...V4_FIELDS })),
      },
    });
    if (!r.ok) return;
    expect(r.bundle.runs.map((x) => [x.rulesRevision, x.priorOutcomes.length])).toEqual([
      ['2025-10', 0],
      ['2025-10', 0],
      ['2026-12', 1],
    ]);
  });

  it('a version-3 case is never archived, whatever an unknown key says', () => {
    const b = v3();
    (b.case as Record<string, unknown>).archived = true;
    const r = readCaseBundle(b);
    expect(r.ok && r.bundle.case.archived).toBe(false);
  });

  it('refuses a run whose kept verdict is broken, naming the run', () => {
    const b = v3();
    runsOf(b)[2]!.priorOutcomes = [{ outcome: null }];
    expect(readCaseBundle(b)).toEqual({
      ok: false,
      problem: { code: 'bad-run', index: 2, problem: { code: 'bad-field', field: 'priorOutcomes' } },
    });
  });
});

describe('readCaseBundle: version 4', () => {
  it('reads the case-v4 fixture unchanged: the case not archived, version-4 runs (one with an assessor, a reason and history)', () => {
    const r = readCaseBundle(v4());
    expect(r).toEqual({ ok: true, bundle: v4() });
    if (!r.ok) return;
    expect(r.bundle.case.archived).toBe(false);
    expect(r.bundle.runs.map((x) => [x.schemaVersion, x.rev, x.history.length, Object.keys(x.answerNotes)])).toEqual([
      [4, 0, 0, []],
      [4, 0, 0, []],
      [4, 1, 2, ['improperUse']],
    ]);
  });

  it('reads an archived case, and older runs inside a version-4 bundle (migrated)', () => {
    const b = v4();
    b.case = { ...(b.case as object), archived: true };
    runsOf(b)[0] = runsOf(fixture('case-v3.json'))[0]!;
    const r = readCaseBundle(b);
    expect(r.ok && [r.bundle.case.archived, r.bundle.runs[0]!.schemaVersion]).toEqual([true, 4]);
  });

  const withCase = (over: Record<string, unknown>) => ({ ...v4(), case: { ...(v4().case as object), ...over } });
  const { archived: _a, ...unarchived } = v4().case as Record<string, unknown>;
  it.each([
    ['a case without its archived flag', { ...v4(), case: unarchived }, 'case.archived'],
    ['an archived flag that is not one', withCase({ archived: 'no' }), 'case.archived'],
    ['a case id with a lone surrogate', withCase({ id: 'c-\udc00' }), 'case.id'],
    ['a case id with a space', withCase({ id: 'c 1' }), 'case.id'],
    ['a case title over 200 characters', withCase({ title: 'あ'.repeat(201) }), 'case.title'],
    ['an impossible case date', withCase({ createdAt: '2026-02-30T00:00:00.000Z' }), 'case.createdAt'],
  ])('refuses %s', (_name, input, field) => {
    expect(readCaseBundle(input)).toEqual({ ok: false, problem: { code: 'bad-field', field } });
  });

  it('drops unknown fields of the case and of the bundle', () => {
    const b = { ...v4(), extra: 1, case: { ...(v4().case as object), colour: 'red' } };
    expect(readCaseBundle(b)).toEqual({ ok: true, bundle: v4() });
  });
});
