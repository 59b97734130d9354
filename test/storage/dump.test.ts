// The rescue dump (src/storage/dump.ts): every stored assessment and case row exactly as it is — readable or not,
// current or of an older version — so nothing is lost when the app itself cannot go on.

import { describe, expect, it } from 'vitest';
import { AssessmentRepository } from '../../src/storage/assessments';
import { CaseRepository, type CaseRecord } from '../../src/storage/cases';
import { openDb } from '../../src/storage/db';
import { DUMP_FORMAT, dumpDatabase } from '../../src/storage/dump';
import type { Envelope } from '../../src/storage/envelope';
import { caseBundle, envelope, fixture, freshDb, type Doc } from './helpers';

const now = new Date('2026-12-06T08:00:00.000Z');
const byId = (rows: Doc[]) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe('dumpDatabase', () => {
  it('holds every row, readable or not, exactly as stored', async () => {
    const { db } = freshDb();
    await new CaseRepository(db).importBundle(caseBundle());
    await new AssessmentRepository(db).save(envelope('envelope-v4.json'));
    const odd: Doc[] = [
      // A row of an older version nothing has migrated, half a row, an id that once hid the whole list, a huge title.
      { ...fixture('envelope-v1.json'), id: 'older' },
      { id: 'broken', note: 'half-written' },
      { ...fixture('envelope-v4.json'), id: 'qa-\udc00-id' },
      { ...fixture('envelope-v4.json'), id: 'huge', title: 'あ'.repeat(300_000) },
    ];
    await db.assessments.bulkPut(odd as unknown as Envelope[]);
    await db.cases.put({ id: 'bad-case', title: '' } as unknown as CaseRecord);

    const text = await dumpDatabase(db, now);
    const dump = JSON.parse(text) as { format: string; version: number; exportedAt: string; assessments: Doc[]; cases: Doc[] };
    expect([dump.format, dump.version, dump.exportedAt]).toEqual([DUMP_FORMAT, 1, now.toISOString()]);
    expect(byId(dump.assessments)).toEqual(byId((await db.assessments.toArray()) as unknown as Doc[]));
    expect(dump.assessments).toHaveLength(4 + 4);
    expect(byId(dump.cases)).toEqual(byId((await db.cases.toArray()) as unknown as Doc[]));
    expect(dump.cases.map((c) => c.id).sort()).toEqual([caseBundle().case.id, 'bad-case'].sort());
    // The lone surrogate survives as an escape, so the id reads back as it was stored.
    expect(text).toContain('"qa-\\udc00-id"');
    expect(dump.assessments.some((r) => r.id === 'qa-\udc00-id')).toBe(true);
    db.close();
  });

  it('an empty database dumps as empty lists', async () => {
    const { db } = freshDb();
    expect(JSON.parse(await dumpDatabase(db, now))).toEqual({
      format: DUMP_FORMAT,
      version: 1,
      exportedAt: now.toISOString(),
      assessments: [],
      cases: [],
    });
    db.close();
  });

  it('a database that cannot be opened is a classified StorageError, not a silent empty dump', async () => {
    const noDb = {
      open: () => {
        throw new DOMException('no', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    await expect(dumpDatabase(openDb('x', noDb), now)).rejects.toMatchObject({ name: 'StorageError', kind: 'unavailable' });
  });
});
