// Two tabs on one record (issue 13: "the last write silently wins"): two repositories, each on its own connection to
// one database, stand for two tabs. A save from a stale revision is refused with a ConflictError that carries the stored
// record, and nothing is written; { force: true } overwrites; a record deleted in one tab makes the other's save a conflict.

import { describe, expect, it } from 'vitest';
import { AssessmentRepository } from '../../src/storage/assessments';
import type { ShirubeDb } from '../../src/storage/db';
import type { Envelope } from '../../src/storage/envelope';
import { ConflictError } from '../../src/storage/errors';
import { summarize } from '../../src/storage/summary';
import { envelope, freshDb } from './helpers';

const v4 = () => envelope('envelope-v4.json');

/** One record saved, then opened in two tabs (each with its own connection and repository). */
async function twoTabs() {
  const { db, reopen } = freshDb();
  await new AssessmentRepository(db).save(v4());
  const dbA = reopen();
  const dbB = reopen();
  const a = new AssessmentRepository(dbA);
  const b = new AssessmentRepository(dbB);
  const inA = (await a.get(v4().id))!;
  const inB = (await b.get(v4().id))!;
  return { db, a, b, inA, inB };
}

/** The stored row and its summary, as they are now. */
const stored = async (db: ShirubeDb, id: string) => ({ row: await db.assessments.get(id), summary: await db.summaries.get(id) });

async function conflictOf(p: Promise<unknown>): Promise<ConflictError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ConflictError);
  return e as ConflictError;
}

describe('two tabs on one record', () => {
  it('both read it at the same revision', async () => {
    const { inA, inB } = await twoTabs();
    expect(inA).toEqual(inB);
    expect(inA.rev).toBe(v4().rev + 1);
  });

  it('the second save from the same revision is refused with the stored (newer) record, and nothing is written', async () => {
    const { db, a, b, inA, inB } = await twoTabs();
    const answerA: Envelope = { ...inA, facts: { ...inA.facts, persons: 300 }, updatedAt: '2026-12-05T00:00:00.000Z' };
    await a.save(answerA);
    const afterA = await stored(db, v4().id);

    const e = await conflictOf(b.save({ ...inB, facts: { ...inB.facts, persons: 1 }, title: 'B' }));
    expect(e).toMatchObject({ name: 'ConflictError', kind: 'conflict' });
    expect(e.current).toEqual({ ...answerA, rev: inA.rev + 1 });
    // Tab A's answer is still what is stored, and so is its summary.
    expect(await stored(db, v4().id)).toEqual(afterA);
    expect(afterA.summary).toEqual(summarize({ ...answerA, rev: inA.rev + 1 }));
  });

  it('every later save from the stale tab is refused too, until it reads the record again', async () => {
    const { a, b, inA, inB } = await twoTabs();
    await a.save({ ...inA, title: 'A' });
    await conflictOf(b.save({ ...inB, title: 'B1' }));
    await conflictOf(b.save({ ...inB, title: 'B2' }));
    // Taking the other tab's version: read it again, then go on from there.
    const fresh = (await b.get(v4().id))!;
    expect(fresh.title).toBe('A');
    await b.save({ ...fresh, title: 'B3' });
    expect((await a.get(v4().id))?.title).toBe('B3');
  });

  it('{ force: true } overwrites the newer version (the person chose this tab’s), one revision on', async () => {
    const { db, a, b, inA, inB } = await twoTabs();
    await a.save({ ...inA, title: 'A' });
    const mine = { ...inB, title: 'B' };
    await conflictOf(b.save(mine));
    await b.save(mine, { force: true });
    expect(await stored(db, v4().id)).toEqual({
      row: { ...mine, rev: inA.rev + 2 },
      summary: summarize({ ...mine, rev: inA.rev + 2 }),
    });
    // Now tab A is the stale one.
    await conflictOf(a.save({ ...inA, title: 'A again' }));
    // And tab B goes on saving without force.
    await b.save({ ...mine, title: 'B again' });
    expect((await db.assessments.get(v4().id))?.title).toBe('B again');
  });

  it('a record deleted in one tab makes the other’s save a conflict with nothing stored; force brings it back', async () => {
    const { db, a, b, inB } = await twoTabs();
    await a.remove(v4().id);
    const e = await conflictOf(b.save({ ...inB, title: 'B' }));
    expect(e.current).toBeUndefined();
    expect(await stored(db, v4().id)).toEqual({ row: undefined, summary: undefined });
    await b.save({ ...inB, title: 'B' }, { force: true });
    expect(await stored(db, v4().id)).toMatchObject({ row: { title: 'B', rev: inB.rev + 1 }, summary: { title: 'B' } });
  });

  it('a tab that never read the record cannot overwrite a newer one with an older copy', async () => {
    const { db, a, inA } = await twoTabs();
    await a.save({ ...inA, title: 'A' });
    // A third tab holding the record as it was exported before tab A's save.
    const c = new AssessmentRepository(db);
    const e = await conflictOf(c.save({ ...inA, title: 'C' }));
    expect(e.current?.title).toBe('A');
  });

  it('two tabs on different records do not conflict', async () => {
    const { a, b, inA, inB } = await twoTabs();
    await a.save({ ...inA, title: 'A' });
    await b.save({ ...inB, id: 'another', title: 'B' });
    await b.save({ ...inB, id: 'another', title: 'B2' });
    expect((await a.get('another'))?.title).toBe('B2');
  });

  it('quick saves in one tab never conflict with each other', async () => {
    const { a, inA } = await twoTabs();
    await Promise.all([1, 2, 3, 4].map((n) => a.save({ ...inA, title: `t${n}` })));
    expect(await a.get(v4().id)).toMatchObject({ title: 't4', rev: inA.rev + 4 });
  });
});
