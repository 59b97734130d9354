// Writing a restore: every planned record with its summary in one transaction — a full disk on any row leaves the
// database exactly as it was — rows encoded before the transaction opens, and what the device holds read back for a plan.

import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { AssessmentRepository } from '../../src/storage/assessments';
import { CaseRepository } from '../../src/storage/cases';
import { PLAIN, type RowCodec } from '../../src/storage/codec';
import { dumpDatabase } from '../../src/storage/dump';
import type { Envelope } from '../../src/storage/envelope';
import { readStoredVersions, writeRestore, type RestoreWrite } from '../../src/storage/restore';
import { StorageError } from '../../src/storage/errors';
import { summarize } from '../../src/storage/summary';
import { caseBundle, envelope, freshDb } from './helpers';

const now = new Date('2026-12-06T00:00:00.000Z');
const empty = (): RestoreWrite => ({ add: { cases: [], assessments: [] }, put: { cases: [], assessments: [] } });
const many = (n: number): Envelope[] => Array.from({ length: n }, (_, i) => ({ ...envelope(), id: `r-${i}`, title: `記録 ${i}` }));

describe('writeRestore', () => {
  it('adds cases, runs and stand-alone records with their summaries, and replaces what is put', async () => {
    const { db } = freshDb();
    const existing = envelope();
    await new AssessmentRepository(db).save(existing);
    const bundle = caseBundle();
    const w = empty();
    w.add.cases.push(bundle.case);
    w.add.assessments.push(...bundle.runs);
    w.put.assessments.push({ ...existing, title: '置き換えた', rev: 9 });
    await writeRestore(db, w);

    expect(await new CaseRepository(db).bundle(bundle.case.id)).toEqual(bundle);
    expect(await new AssessmentRepository(db).get(existing.id)).toMatchObject({ title: '置き換えた', rev: 9 });
    const summaries = await db.summaries.toArray();
    expect(summaries).toHaveLength(4);
    expect(summaries.find((s) => s.id === existing.id)).toEqual(summarize({ ...existing, title: '置き換えた', rev: 9 }));
    db.close();
  });

  it('a record to add that is already here fails the whole write: nothing is written', async () => {
    const { db } = freshDb();
    await new AssessmentRepository(db).save(envelope());
    const before = await dumpDatabase(db, now);
    const w = empty();
    w.add.assessments.push(...many(5), envelope());
    await expect(writeRestore(db, w)).rejects.toBeInstanceOf(StorageError);
    expect(await dumpDatabase(db, now)).toBe(before);
    expect(await db.summaries.count()).toBe(1);
    db.close();
  });

  it('a full disk (QuotaExceededError) on the Nth row rolls everything back, and is reported as quota', async () => {
    for (const [table, nth] of [
      ['cases', 1],
      ['assessments', 37],
      ['summaries', 120],
    ] as const) {
      const { db } = freshDb();
      const repo = new AssessmentRepository(db);
      await repo.save(envelope());
      await new CaseRepository(db).importBundle(caseBundle());
      const before = { dump: await dumpDatabase(db, now), summaries: await db.summaries.toArray() };

      let count = 0;
      const fail = () => {
        if (++count === nth) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      db.table(table).hook('creating', fail);
      db.table(table).hook('updating', fail);
      const w = empty();
      w.add.cases.push({ ...caseBundle().case, id: 'new-case' });
      w.add.assessments.push(...many(150));
      w.put.assessments.push({ ...envelope(), title: '置き換え' });
      w.put.cases.push({ ...caseBundle().case, title: '置き換え' });

      const err = await writeRestore(db, w).catch((e: unknown) => e);
      expect(err, table).toBeInstanceOf(StorageError);
      expect((err as StorageError).kind, table).toBe('quota');
      expect(count, table).toBe(nth);
      db.table(table).hook('creating').unsubscribe(fail);
      db.table(table).hook('updating').unsubscribe(fail);
      expect(await dumpDatabase(db, now), table).toBe(before.dump);
      expect(await db.summaries.toArray(), table).toEqual(before.summaries);
      db.close();
    }
  });

  it('encodes every row before the transaction opens (async crypto cannot run inside one)', async () => {
    const { db } = freshDb();
    const seen: { table: string; inTransaction: boolean }[] = [];
    const codec: RowCodec = {
      ...PLAIN,
      async encode(row, clear) {
        // Like WebCrypto: a real wait on another task.
        await new Promise((r) => setTimeout(r, 1));
        seen.push({
          table: clear.includes('rev' as never) ? 'assessments' : clear.includes('caseId' as never) ? 'summaries' : 'cases',
          inTransaction: Dexie.currentTransaction !== null,
        });
        return { ...row, encoded: true };
      },
    };
    const bundle = caseBundle();
    const w = empty();
    w.add.cases.push(bundle.case);
    w.add.assessments.push(...bundle.runs);
    await writeRestore(db, w, codec);
    expect(seen.filter((s) => s.table === 'assessments')).toHaveLength(3);
    expect(seen.filter((s) => s.table === 'summaries')).toHaveLength(3);
    expect(seen.filter((s) => s.table === 'cases')).toHaveLength(1);
    expect(seen.every((s) => !s.inTransaction)).toBe(true);
    expect((await db.assessments.toArray()).every((r) => (r as unknown as { encoded: boolean }).encoded)).toBe(true);
    db.close();
  });
});

describe('readStoredVersions', () => {
  it('the revision, date, case and sign-off of each stored record asked for; unreadable rows still count as here', async () => {
    const { db } = freshDb();
    const signed = { ...envelope(), signedOffAt: '2026-12-01T00:00:00.000Z' };
    await new AssessmentRepository(db).save(signed);
    await new CaseRepository(db).importBundle(caseBundle());
    await db.assessments.put({ id: 'broken' } as unknown as Envelope);
    const v = await readStoredVersions(db, { assessments: [signed.id, 'broken', 'absent'], cases: [caseBundle().case.id, 'nope'] });
    expect(v.assessments.get(signed.id)).toEqual({ rev: signed.rev + 1, updatedAt: signed.updatedAt, caseId: null, signedOff: true });
    expect(v.assessments.get('broken')).toEqual({ rev: null, updatedAt: null, caseId: null, signedOff: false });
    expect(v.assessments.has('absent')).toBe(false);
    const c = caseBundle().case;
    expect(v.cases.get(c.id)).toEqual({ title: c.title, updatedAt: c.updatedAt, archived: c.archived });
    expect(v.cases.has('nope')).toBe(false);
    db.close();
  });
});
