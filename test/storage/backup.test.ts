// The backup file (src/storage/backup.ts): what writeBackup writes, readBackup gives back identically; every refusal
// of readBackup, with its problem; and export → wipe → import through the repositories gives identical records and
// outcomes.

import { describe, expect, it } from 'vitest';
import { RULES_REVISION, RULESET } from '../../src/domain/ruleset';
import { AssessmentRepository } from '../../src/storage/assessments';
import { BACKUP_FORMAT, BACKUP_VERSION, isBackupLike, readBackup, writeBackup, type Backup } from '../../src/storage/backup';
import { CaseRepository, type CaseRecord } from '../../src/storage/cases';
import { recheck, type Envelope } from '../../src/storage/envelope';
import { caseBundle, envelope, fixture, freshDb, type Doc } from './helpers';

const now = new Date('2026-12-06T08:00:00.000Z');
const cases = (): CaseRecord[] => [caseBundle().case];
const assessments = (): Envelope[] => [...caseBundle().runs, envelope('envelope-v4.json')];
const written = () => JSON.parse(writeBackup(cases(), assessments(), now)) as Doc;
const read = (raw: unknown): Backup => {
  const r = readBackup(raw);
  if (!r.ok) throw new Error(`unreadable: ${JSON.stringify(r.problem)}`);
  return r.backup;
};

describe('writeBackup → readBackup', () => {
  it('writes the format, version, date and rules, then every case and assessment as given', () => {
    const doc = written();
    expect(doc).toEqual({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      ruleset: RULESET,
      rulesRevision: RULES_REVISION,
      cases: cases(),
      assessments: assessments(),
    });
    expect([BACKUP_FORMAT, BACKUP_VERSION]).toEqual(['shirube-backup', 1]);
    expect(isBackupLike(doc)).toBe(true);
  });

  it('reads back identical records', () => {
    const text = writeBackup(cases(), assessments(), now);
    expect(text.endsWith('}\n')).toBe(true);
    expect(read(JSON.parse(text))).toEqual(written());
  });

  it('an empty backup reads as empty', () => {
    expect(read(JSON.parse(writeBackup([], [], now)))).toMatchObject({ cases: [], assessments: [] });
  });

  it('reads the backup-v1 fixture: the case-v4 case and runs and the envelope-v4 record', () => {
    expect(read(fixture('backup-v1.json'))).toEqual({
      ...fixture('backup-v1.json'),
      cases: [caseBundle().case],
      assessments: assessments(),
    });
  });

  it('migrates older envelopes in a backup like any envelope', () => {
    const doc = { ...written(), assessments: [fixture('envelope-v1.json'), fixture('envelope-v3.json')] };
    expect(read(doc).assessments).toEqual([envelope('envelope-v1.json'), envelope('envelope-v3.json')]);
  });

  it('keeps only the fields a case record has, and those of an envelope', () => {
    const doc = written();
    (doc.cases as Doc[])[0]!.colour = 'red';
    (doc.assessments as Doc[])[0]!.junk = 'x'.repeat(100_000);
    doc.extra = 1;
    expect(read(doc)).toEqual(written());
  });
});

describe('readBackup refuses', () => {
  const withCase = (over: Doc) => ({ ...written(), cases: [{ ...(written().cases as Doc[])[0], ...over }] });
  const withAssessment = (index: number, over: Doc | string) => {
    const doc = written();
    const list = doc.assessments as unknown[];
    list[index] = typeof over === 'string' ? over : { ...(list[index] as Doc), ...over };
    return doc;
  };
  const { archived: _a, ...unarchived } = caseBundle().case;

  it.each([
    ['not an object', 'x', { code: 'not-a-backup' }],
    ['null', null, { code: 'not-a-backup' }],
    ['a case bundle', fixture('case-v4.json'), { code: 'not-a-backup' }],
    ['an assessment', fixture('envelope-v4.json'), { code: 'not-a-backup' }],
    ['another format', { ...written(), format: 'shirube-backup-2' }, { code: 'not-a-backup' }],
    ['a version that is not a number', { ...written(), version: '1' }, { code: 'bad-version', version: '1' }],
    ['version 0', { ...written(), version: 0 }, { code: 'bad-version', version: 0 }],
    ['a fractional version', { ...written(), version: 1.5 }, { code: 'bad-version', version: 1.5 }],
    ['no version', (({ version: _v, ...rest }) => rest)(written()), { code: 'bad-version', version: undefined }],
    ['a newer version', { ...written(), version: 2 }, { code: 'newer-version', version: 2 }],
    ['cases that are no list', { ...written(), cases: {} }, { code: 'bad-field', field: 'cases' }],
    ['no assessments', (({ assessments: _x, ...rest }) => rest)(written()), { code: 'bad-field', field: 'assessments' }],
    ['a case that is no object', { ...written(), cases: [[]] }, { code: 'bad-case', index: 0, field: 'case' }],
    ['a case without its archived flag', { ...written(), cases: [unarchived] }, { code: 'bad-case', index: 0, field: 'case.archived' }],
    ['a case id with a lone surrogate', withCase({ id: 'c-\udc00' }), { code: 'bad-case', index: 0, field: 'case.id' }],
    ['a blank case title', withCase({ title: ' \u3000' }), { code: 'bad-case', index: 0, field: 'case.title' }],
    ['a case title over 200 characters', withCase({ title: 'あ'.repeat(201) }), { code: 'bad-case', index: 0, field: 'case.title' }],
    [
      'an impossible case date',
      withCase({ updatedAt: '2026-02-30T00:00:00.000Z' }),
      { code: 'bad-case', index: 0, field: 'case.updatedAt' },
    ],
    ['an assessment that is not one', withAssessment(1, 'x'), { code: 'bad-assessment', index: 1, problem: { code: 'not-an-assessment' } }],
    [
      'an assessment with an unknown fact',
      withAssessment(3, { facts: { ...(assessments()[3]!.facts as Doc), colour: 'red' } }),
      { code: 'bad-assessment', index: 3, problem: { code: 'unknown-fact', field: 'facts.colour' } },
    ],
    [
      'an assessment of a newer version',
      withAssessment(0, { schemaVersion: 5 }),
      { code: 'bad-assessment', index: 0, problem: { code: 'newer-version', version: 5 } },
    ],
    [
      'an assessment id with a space',
      withAssessment(2, { id: 'a b' }),
      { code: 'bad-assessment', index: 2, problem: { code: 'bad-field', field: 'id' } },
    ],
    ['two assessments with one id', withAssessment(3, { id: assessments()[0]!.id }), { code: 'duplicate-id', id: assessments()[0]!.id }],
    [
      'two cases with one id',
      { ...written(), cases: [caseBundle().case, caseBundle().case] },
      { code: 'duplicate-id', id: caseBundle().case.id },
    ],
    [
      'an assessment with the id of a case',
      withAssessment(3, { id: caseBundle().case.id }),
      { code: 'duplicate-id', id: caseBundle().case.id },
    ],
  ])('%s', (_name, raw, problem) => {
    expect(readBackup(raw)).toEqual({ ok: false, problem });
  });

  it('knownOn after today, when read with { today } (an import); without it the backup reads', () => {
    const doc = withAssessment(3, {
      facts: { ...(assessments()[3]!.facts as Doc), knownOn: '2099-01-01' },
      outcome: null,
      position: { screen: 'review' },
    });
    expect(readBackup(doc, { today: '2026-12-06' })).toEqual({
      ok: false,
      problem: { code: 'bad-assessment', index: 3, problem: { code: 'bad-fact', field: 'facts.knownOn' } },
    });
    expect(readBackup(doc).ok).toBe(true);
  });
});

describe('export → wipe → import through the repositories', () => {
  it('gives identical records, outcomes and library summaries', async () => {
    const { db, reopen } = freshDb();
    const caseRepo = new CaseRepository(db);
    const runRepo = new AssessmentRepository(db);
    // The device before: a case with its runs (imported), a stand-alone record (saved), and an unreadable row.
    await caseRepo.importBundle(caseBundle());
    await runRepo.save(envelope('envelope-v4.json'));
    await db.assessments.put({ id: 'broken' } as unknown as Envelope);
    const before = {
      cases: await caseRepo.records(),
      records: (await runRepo.all()).records,
      summaries: (await runRepo.list()).items,
      bundle: await caseRepo.bundle(caseBundle().case.id),
    };

    // Export everything readable.
    const text = writeBackup(before.cases, before.records, now);

    // Wipe: the database is deleted (a cleared browser profile).
    await db.delete();
    const empty = reopen();
    expect(await new AssessmentRepository(empty).list()).toEqual({ items: [], unreadable: 0 });

    // Import: read the file, then each case with its runs in one transaction, and each stand-alone record.
    const backup = read(JSON.parse(text));
    const cases2 = new CaseRepository(empty);
    const runs2 = new AssessmentRepository(empty);
    for (const c of backup.cases)
      await cases2.importBundle({
        format: 'shirube-case',
        schemaVersion: 4,
        case: c,
        runs: backup.assessments.filter((a) => a.caseId === c.id),
      });
    for (const a of backup.assessments.filter((x) => x.caseId === null)) await runs2.save(a);

    const after = (await runs2.all()).records;
    const byId = (xs: Envelope[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    // A stand-alone record restored with save() is stored one revision on (save always counts one); all else is identical.
    const expected = before.records.map((r) => (r.caseId === null ? { ...r, rev: r.rev + 1 } : r));
    expect(byId(after)).toEqual(byId(expected));
    expect(byId(after).map((r) => [r.outcome, r.priorOutcomes, recheck(r)])).toEqual(
      byId(before.records).map((r) => [r.outcome, r.priorOutcomes, recheck(r)]),
    );
    expect(await cases2.records()).toEqual(before.cases);
    expect(await cases2.bundle(caseBundle().case.id)).toEqual(before.bundle);
    // The library lists the same, and nothing unreadable came along.
    expect(await runs2.list()).toEqual({ items: before.summaries, unreadable: 0 });
    empty.close();
  });

  it('a backup of a database upgraded from version 3 restores the same migrated records', async () => {
    const { db } = freshDb();
    const repo = new AssessmentRepository(db);
    // Rows as the version-4 upgrade leaves them.
    await new CaseRepository(db).importBundle(caseBundle('case-v3.json'));
    await repo.save(envelope('envelope-v3.json'));
    const { records } = await repo.all();
    const back = read(JSON.parse(writeBackup(await new CaseRepository(db).records(), records, now)));
    expect(back.assessments).toEqual(records);
    expect(back.cases).toEqual([{ ...(fixture('case-v3.json').case as Doc), archived: false }]);
    expect(back.assessments.map((r) => [r.schemaVersion, r.rulesRevision])).toEqual([
      [4, '2025-10'],
      [4, '2025-10'],
      [4, '2026-12'],
      [4, '2026-12'],
    ]);
    db.close();
  });
});
