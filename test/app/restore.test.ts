// Restoring and importing: a plan lists every record in the file with what the device holds of it and a safe default
// (add what is new, skip what is identical, keep both where it differs), the choices decide the one write, replacing a
// signed-off record needs confirming, an assessment whose case is nowhere comes in stand-alone — and nothing is written
// before the commit, nor by a bad file.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { backupDue } from '../../src/app/backup-due';
import { commitRestore, countChoices, planRestore, type RestoreDeps, type RestorePlan } from '../../src/app/restore';
import { AssessmentRepository } from '../../src/storage/assessments';
import { writeBackup } from '../../src/storage/backup';
import { CaseRepository, type CaseBundle } from '../../src/storage/cases';
import { dumpDatabase } from '../../src/storage/dump';
import { recheck, type Envelope } from '../../src/storage/envelope';
import { readStoredVersions, writeRestore } from '../../src/storage/restore';
import { caseBundle, envelope, freshDb } from '../storage/helpers';

const now = new Date('2026-12-06T03:00:00.000Z');
const text = (name: string) => readFileSync(join(__dirname, `../fixtures/${name}`), 'utf8');
const file = (s: string) => new Blob([s]);
let n = 0;
const newId = () => `new-${++n}`;
const copyTitle = (t: string) => `${t} (copy)`;

function device() {
  const { db, reopen } = freshDb();
  const deps: RestoreDeps = {
    probe: (ids) => readStoredVersions(db, ids),
    write: (w) => writeRestore(db, w),
    newId,
    copyTitle,
    announce: vi.fn(),
  };
  return { db, reopen, deps, assessments: new AssessmentRepository(db), cases: new CaseRepository(db) };
}

async function plan(d: ReturnType<typeof device>, s: string): Promise<RestorePlan> {
  const r = await planRestore(file(s), d.deps.probe, now);
  if (!r.ok) throw new Error(`expected a plan: ${JSON.stringify(r.problem)}`);
  return r.plan;
}

const backupOf = (cases: CaseBundle[], standalone: Envelope[]) =>
  writeBackup(
    cases.map((b) => b.case),
    [...cases.flatMap((b) => b.runs), ...standalone],
    now,
  );

describe('planRestore', () => {
  it('a backup on an empty device: every case (with its runs) and stand-alone record is new, to be added', async () => {
    const d = device();
    const p = await plan(d, text('backup-v1.json'));
    expect(p.source).toBe('backup');
    expect(p.items.map((i) => [i.kind, i.state, i.choices[0], i.runs.length])).toEqual([
      ['case', 'new', 'add', 3],
      ['assessment', 'new', 'add', 1],
    ]);
    expect(countChoices(p, {})).toEqual({ add: 2, 'keep-both': 0, replace: 0, skip: 0 });
    expect(await d.db.assessments.count()).toBe(0);
  });

  it('records already here: identical ones are skipped by default, different ones kept both', async () => {
    const d = device();
    await d.cases.importBundle(caseBundle());
    const env = envelope();
    await d.assessments.save(env); // stored at rev + 1: not the file's version
    const stored = (await d.assessments.get(env.id))!;
    const p = await plan(d, backupOf([caseBundle()], [env]));
    expect(p.items.map((i) => [i.kind, i.state, i.choices[0]])).toEqual([
      ['case', 'identical', 'skip'],
      ['assessment', 'different', 'keep-both'],
    ]);
    const same = await plan(d, backupOf([], [stored]));
    expect(same.items.map((i) => i.state)).toEqual(['identical']);
  });

  it('older versions are migrated, and verdicts that differ from the current rules are counted', async () => {
    const d = device();
    const p = await plan(d, text('case-v2.json'));
    expect(p.source).toBe('case');
    expect(p.items[0]).toMatchObject({ kind: 'case', state: 'new', outcomesDiffer: 1 });
    expect(p.items[0]!.runs.every((r) => r.schemaVersion === 4)).toBe(true);
    const one = await plan(d, text('envelope-v1.json'));
    expect(one).toMatchObject({ source: 'assessment', items: [{ kind: 'assessment', outcomesDiffer: 1 }] });
  });

  it('an assessment of a case that is not on this device comes in stand-alone (caseId null), so it is listed', async () => {
    const d = device();
    const run = caseBundle().runs[0]!;
    const p = await plan(d, JSON.stringify(run));
    expect(p.items).toMatchObject([{ kind: 'assessment', detached: true, runs: [{ id: run.id, caseId: null, chainedFrom: null }] }]);
    await commitRestore(p, {}, new Set(), d.deps);
    expect((await d.assessments.get(run.id))?.caseId).toBeNull();
    const listed = (await d.assessments.list()).items;
    expect(listed.map((s) => [s.id, s.caseId])).toEqual([[run.id, null]]);
    // In a backup too: a run whose case is missing from the file and the device.
    const e = device();
    const q = await plan(e, backupOf([], [caseBundle().runs[1]!]));
    expect(q.items[0]).toMatchObject({ detached: true, runs: [{ caseId: null }] });
  });

  it('an assessment of a case that is on this device joins it', async () => {
    const d = device();
    const b = caseBundle();
    await d.cases.importBundle({ ...b, runs: b.runs.slice(0, 2) });
    const p = await plan(d, JSON.stringify(b.runs[2]));
    expect(p.items[0]).toMatchObject({ detached: false, state: 'new', runs: [{ caseId: b.case.id }] });
    await commitRestore(p, {}, new Set(), d.deps);
    expect((await d.cases.runs(b.case.id)).runs).toHaveLength(3);
  });

  it('a bad file: its problem, the device never asked, nothing written', async () => {
    const d = device();
    const probe = vi.fn(d.deps.probe);
    expect(await planRestore(file('not json'), probe, now)).toEqual({ ok: false, problem: { code: 'not-json' } });
    expect(await planRestore(file('{"hello":"world"}'), probe, now)).toEqual({ ok: false, problem: { code: 'not-shirube' } });
    expect(probe).not.toHaveBeenCalled();
  });

  it('a file over 20 MB is refused by its size, without reading it', async () => {
    const arrayBuffer = vi.fn(async () => new ArrayBuffer(0));
    const r = await planRestore({ size: 25 * 1024 * 1024, arrayBuffer }, device().deps.probe, now);
    expect(r).toEqual({ ok: false, problem: { code: 'file-too-large', size: 25 * 1024 * 1024 } });
    expect(arrayBuffer).not.toHaveBeenCalled();
  });
});

describe('commitRestore', () => {
  it('export → wipe → restore gives identical records, outcomes, cases and summaries', async () => {
    const d = device();
    await d.cases.importBundle(caseBundle());
    await d.assessments.save(envelope());
    const before = {
      records: (await d.assessments.all()).records,
      cases: await d.cases.records(),
      summaries: (await d.assessments.list()).items,
    };
    const backup = writeBackup(before.cases, before.records, now);
    await d.db.delete();
    const empty = d.reopen();
    const e = {
      ...d,
      db: empty,
      deps: {
        ...d.deps,
        probe: (ids: Parameters<RestoreDeps['probe']>[0]) => readStoredVersions(empty, ids),
        write: (w: Parameters<RestoreDeps['write']>[0]) => writeRestore(empty, w),
      },
    };
    const p = await plan(e, backup);
    const r = await commitRestore(p, {}, new Set(), e.deps);
    expect(r).toMatchObject({ ok: true, outcome: { skipped: 0, replaced: [] } });
    const after = (await new AssessmentRepository(empty).all()).records;
    const byId = (xs: Envelope[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    // Restored exactly: the same revisions too (a restore is not a save).
    expect(byId(after)).toEqual(byId(before.records));
    expect(byId(after).map(recheck)).toEqual(byId(before.records).map(recheck));
    expect(await new CaseRepository(empty).records()).toEqual(before.cases);
    expect(await new AssessmentRepository(empty).list()).toEqual({ items: before.summaries, unreadable: 0 });
    empty.close();
  });

  it('keep both: a re-keyed copy titled as such, the original untouched; the case copy keeps its links between runs', async () => {
    const d = device();
    await d.cases.importBundle(caseBundle());
    const env = envelope();
    await d.assessments.save(env);
    const before = await dumpDatabase(d.db, now);
    const p = await plan(d, backupOf([caseBundle()], [env]));
    const r = await commitRestore(p, { [p.items[0]!.key]: 'keep-both' }, new Set(), d.deps);
    if (!r.ok) throw new Error('expected a write');
    expect(r.outcome.added.map((a) => [a.kind, a.title])).toEqual([
      ['case', `${caseBundle().case.title} (copy)`],
      ['assessment', `${env.title} (copy)`],
    ]);
    const copy = await d.cases.bundle(r.outcome.added[0]!.id);
    const [pi, sa, pr] = copy!.runs;
    expect(copy!.runs.every((x) => x.caseId === copy!.case.id && !caseBundle().runs.some((o) => o.id === x.id))).toBe(true);
    expect([sa?.chainedFrom, pr?.chainedFrom]).toEqual([pi?.id, pi?.id]);
    // The originals are as they were.
    const dump = JSON.parse(await dumpDatabase(d.db, now)) as { assessments: { id: string }[]; cases: { id: string }[] };
    const old = JSON.parse(before) as typeof dump;
    for (const row of old.assessments) expect(dump.assessments).toContainEqual(row);
    for (const row of old.cases) expect(dump.cases).toContainEqual(row);
    expect(dump.assessments).toHaveLength(old.assessments.length + 4);
  });

  it('replace: the file version over the one here, one revision past both, announced to other tabs', async () => {
    const d = device();
    const env = envelope();
    await d.assessments.save({ ...env, title: 'ここで変えた' });
    await d.assessments.save({ ...env, title: 'ここでまた変えた', rev: env.rev + 1 });
    const p = await plan(d, JSON.stringify(env));
    expect(p.items[0]).toMatchObject({ state: 'different', replacesSignedOff: false });
    const r = await commitRestore(p, { [p.items[0]!.key]: 'replace' }, new Set(), d.deps);
    expect(r).toMatchObject({ ok: true, outcome: { replaced: [{ id: env.id, title: env.title }] } });
    expect(await d.assessments.get(env.id)).toEqual({ ...env, rev: env.rev + 3 });
    expect(d.deps.announce).toHaveBeenCalledWith({ id: env.id, rev: env.rev + 3 });
  });

  it('replacing a record signed off here needs confirming: without it nothing is written', async () => {
    const d = device();
    const env = envelope();
    await d.assessments.save({ ...env, signedOffAt: '2026-12-01T00:00:00.000Z' });
    const before = await dumpDatabase(d.db, now);
    const p = await plan(d, JSON.stringify(env));
    const item = p.items[0]!;
    expect(item.replacesSignedOff).toBe(true);
    const refused = await commitRestore(p, { [item.key]: 'replace' }, new Set(), d.deps);
    expect(refused).toMatchObject({ ok: false, unconfirmed: [{ key: item.key }] });
    expect(await dumpDatabase(d.db, now)).toBe(before);
    // The default (keep both) needs no confirmation; replacing does once confirmed.
    const ok = await commitRestore(p, { [item.key]: 'replace' }, new Set([item.key]), d.deps);
    expect(ok.ok).toBe(true);
    expect((await d.assessments.get(env.id))?.signedOffAt).toBeNull();
  });

  it('skip writes nothing; a choice the state does not allow falls back to the default', async () => {
    const d = device();
    const p = await plan(d, text('backup-v1.json'));
    const before = await dumpDatabase(d.db, now);
    const r = await commitRestore(p, Object.fromEntries(p.items.map((i) => [i.key, 'skip'])), new Set(), d.deps);
    expect(r).toMatchObject({ ok: true, outcome: { added: [], replaced: [], skipped: 2 } });
    expect(await dumpDatabase(d.db, now)).toBe(before);
    // 'replace' is not offered for a new record: it is added.
    expect(countChoices(p, { [p.items[0]!.key]: 'replace' })).toMatchObject({ add: 2, replace: 0 });
  });

  it('a record another tab added after the plan was made fails the whole write: nothing is overwritten', async () => {
    const d = device();
    const p = await plan(d, text('backup-v1.json'));
    await d.assessments.save({ ...envelope(), title: '別のタブで保存' });
    const before = await dumpDatabase(d.db, now);
    await expect(commitRestore(p, {}, new Set(), d.deps)).rejects.toThrow();
    expect(await dumpDatabase(d.db, now)).toBe(before);
  });
});

describe('backupDue', () => {
  it('reminds when there are records and no backup, or one older than 30 days', () => {
    expect(backupDue(undefined, false, now)).toBe(false);
    expect(backupDue(undefined, true, now)).toBe(true);
    expect(backupDue('2026-11-10T00:00:00.000Z', true, now)).toBe(false);
    expect(backupDue('2026-11-01T00:00:00.000Z', true, now)).toBe(true);
  });
});
