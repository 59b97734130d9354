// summarize(): the library's view of a record. Its verdict is what the current rules give for the answers — never the
// stored outcome, which a file can tamper with — and it says whether the record is in progress, done or signed off,
// whether it was made under older rules, and whether its saved verdict differs from the current one.

import { describe, expect, it, vi } from 'vitest';
import { AssessmentRepository } from '../../src/storage/assessments';
import { CaseRepository } from '../../src/storage/cases';
import { PLAIN, type RowCodec } from '../../src/storage/codec';
import { evaluate } from '../../src/domain/evaluate';
import { RULES_REVISION } from '../../src/domain/ruleset';
import { readEnvelope, type Envelope } from '../../src/storage/envelope';
import { summarize } from '../../src/storage/summary';
import { caseBundle, envelope, freshDb } from './helpers';

const v4 = () => envelope('envelope-v4.json');
const v1 = () => envelope('envelope-v1.json');

describe('summarize', () => {
  it('summarises the v4 fixture: its verdict, done, current rules, people, answers and reasons', () => {
    const env = v4();
    expect(summarize(env)).toEqual({
      id: env.id,
      flow: 'leak',
      caseId: null,
      title: env.title,
      verdict: 'reportable',
      provisional: false,
      status: 'done',
      archived: false,
      createdAt: env.createdAt,
      updatedAt: env.updatedAt,
      ruleset: 'appi-2025-10',
      rulesRevision: RULES_REVISION,
      outdated: false,
      savedDiffers: false,
      assessor: '佐藤 花子',
      reviewer: '鈴木 一郎',
      signedOffAt: null,
      facts: env.facts,
      notes: Object.values(env.answerNotes),
      computedWith: RULES_REVISION,
    });
  });

  it('takes the verdict from the current rules, not from a tampered stored outcome', () => {
    // A file that says "not reportable" where its answers make the incident reportable.
    const tampered = { ...v4(), outcome: { ...v4().outcome!, outcome: 'not-reportable', grounds: [], duties: [] } };
    expect(readEnvelope(tampered).ok).toBe(true);
    expect(summarize(tampered)).toMatchObject({ verdict: 'reportable', status: 'done', savedDiffers: true, outdated: false });
  });

  it('a record of earlier rules that the current rules need another answer for: no verdict, in progress, outdated', () => {
    // The version-1 fixture was saved before the revision added atContractor.
    expect(summarize(v1())).toMatchObject({ verdict: null, provisional: false, status: 'in-progress', outdated: true, savedDiffers: true });
  });

  it('a record of earlier rules whose verdict the current rules confirm: outdated, not differing', () => {
    expect(summarize({ ...v4(), rulesRevision: '2025-10' })).toMatchObject({ verdict: 'reportable', outdated: true, savedDiffers: false });
  });

  it('in progress while there is no saved verdict (answers incomplete, or not yet confirmed on the review page)', () => {
    const { atContractor: _a, ...incomplete } = v4().facts;
    expect(summarize({ ...v4(), facts: incomplete, outcome: null })).toMatchObject({
      verdict: null,
      status: 'in-progress',
      outdated: false,
      savedDiffers: false,
    });
    // Every answer given, verdict not yet shown: the current rules' verdict, still in progress.
    expect(summarize({ ...v4(), outcome: null })).toMatchObject({ verdict: 'reportable', status: 'in-progress', savedDiffers: false });
  });

  it('signed off wins over done, and the sign-off date is kept', () => {
    const at = '2026-12-04T00:00:00.000Z';
    expect(summarize({ ...v4(), signedOffAt: at })).toMatchObject({ status: 'signed-off', signedOffAt: at });
  });

  it('a provisional verdict (an unsure answer) is flagged as such', () => {
    const env = { ...v4(), facts: { ...v4().facts, myNumberSystem: 'unsure' } };
    const r = evaluate('leak', env.facts);
    expect(r.ok && r.outcome.provisional).toBe(true);
    expect(summarize({ ...env, outcome: r.ok ? r.outcome : null })).toMatchObject({ provisional: true, savedDiffers: false });
  });

  it('carries the case, the archived flag and the reasons for search', () => {
    const run = caseBundle().runs[2]!;
    expect(summarize({ ...run, archived: true })).toMatchObject({
      caseId: caseBundle().case.id,
      archived: true,
      notes: [run.answerNotes.improperUse],
      assessor: '田中 美咲',
    });
  });

  it('a verdict the current rules made reads back as the same verdict in every flow (savedDiffers is false)', () => {
    // Guards the comparison of a read outcome (valibot's copy) with a fresh one: same fields, same order.
    const runs: Envelope[] = [...caseBundle().runs, v4()];
    expect(new Set(runs.map((r) => r.flow)).size).toBe(4);
    for (const run of runs) {
      const r = evaluate(run.flow, run.facts);
      if (!r.ok) throw new Error(`${run.flow}: incomplete`);
      const made = { ...run, outcome: r.outcome, rulesRevision: RULES_REVISION };
      const read = readEnvelope(JSON.parse(JSON.stringify(made)));
      if (!read.ok) throw new Error(`${run.flow}: unreadable ${JSON.stringify(read.problem)}`);
      expect(summarize(read.envelope), run.flow).toMatchObject({ verdict: r.outcome.outcome, savedDiffers: false, status: 'done' });
    }
  });
});

describe('summaries computed under earlier rules', () => {
  it('are computed again when the list is read, shown right at once, and stored for next time', async () => {
    const { db } = freshDb();
    const assessments = new AssessmentRepository(db);
    const cases = new CaseRepository(db);
    const env = v4();
    await assessments.save(env);
    // As an app update leaves it: a summary computed by an earlier build, whose rules gave another verdict.
    const stored = (await db.summaries.get(env.id))!;
    await db.summaries.put({ ...stored, verdict: 'not-reportable', computedWith: 'rules-of-an-earlier-build' });

    const { items } = await assessments.list();
    expect(items.find((s) => s.id === env.id)).toMatchObject({ verdict: 'reportable', computedWith: RULES_REVISION });
    await vi.waitFor(async () => expect((await db.summaries.get(env.id))?.computedWith).toBe(RULES_REVISION));
    expect(await db.summaries.get(env.id)).toEqual(summarize((await assessments.get(env.id))!));
    // The case list reads the same summaries: a stale one there is computed again too.
    await cases.importBundle(caseBundle());
    const run = caseBundle().runs[0]!;
    const runSummary = (await db.summaries.get(run.id))!;
    await db.summaries.put({ ...runSummary, verdict: null, status: 'in-progress', computedWith: 'old' });
    await cases.list();
    await vi.waitFor(async () => expect((await db.summaries.get(run.id))?.computedWith).toBe(RULES_REVISION));
  });

  it('a newer save from another tab is never overwritten by a summary of the older record', async () => {
    const { db } = freshDb();
    // A codec that holds the write-back's encoding until released: another tab saves in between, deterministically.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let holding = false;
    const held: RowCodec = {
      ...PLAIN,
      encode: async (row, clear) => {
        if (holding && 'computedWith' in row) await gate;
        return PLAIN.encode(row, clear);
      },
    };
    const assessments = new AssessmentRepository(db, undefined, held);
    const env = v4();
    await assessments.save(env);
    const stored = (await db.summaries.get(env.id))!;
    await db.summaries.put({ ...stored, computedWith: 'old' });

    holding = true;
    await assessments.list();
    const other = new AssessmentRepository(db);
    await other.save({ ...(await other.get(env.id))!, title: '別のタブで変えた名前' });
    release();
    await new Promise((r) => setTimeout(r, 50));
    expect((await db.summaries.get(env.id))?.title).toBe('別のタブで変えた名前');
  });
});
