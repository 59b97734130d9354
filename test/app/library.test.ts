// The library's application layer: rows from summaries and cases, search over titles, reasons and answers as read (in
// either language, case- and width-insensitive), filters, sorts, 10,000 records; and what it does to records over a real
// (in-memory) IndexedDB — duplicate, archive, delete and undo exactly, assess again under the current rules.

import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  filterEntries,
  idForUrl,
  libraryEntries,
  NO_FILTER,
  normalize,
  queryTerms,
  SearchIndex,
  sortEntries,
  type AnswerLabel,
  type LibraryEntry,
  type LibraryFilter,
} from '../../src/app/library';
import {
  acceptReassessment,
  duplicateRecord,
  loadReassessments,
  reassess,
  removeEntry,
  restoreRemoved,
  selectionOf,
  setEntryArchived,
} from '../../src/app/library-actions';
import { questionOf } from '../../src/domain/engine';
import { evaluate } from '../../src/domain/evaluate';
import { flowDefinition } from '../../src/domain/flows/registry';
import { RULES_REVISION } from '../../src/domain/ruleset';
import type { Facts, FlowId, Outcome } from '../../src/domain/types';
import { createI18n, fixedT, type Lang } from '../../src/i18n';
import { AssessmentRepository } from '../../src/storage/assessments';
import { CaseRepository, newCase, type CaseRecord } from '../../src/storage/cases';
import { openDb } from '../../src/storage/db';
import { newEnvelope, readEnvelope, type Envelope } from '../../src/storage/envelope';
import { signOff } from '../../src/storage/record';
import { summarize, type RecordSummary } from '../../src/storage/summary';
import { formatAnswer } from '../../src/view/outcome';
import { PI_PLAIN } from '../fixtures/flow-facts';
import { leakFacts } from '../fixtures/leak-facts';

const REPORTABLE: Facts = leakFacts({ sensitive: 'yes', persons: 1, knownOn: '2025-12-05' }, ['ransomware']);

function env(id: string, over: Partial<Envelope> & { flow?: FlowId } = {}, at = '2026-03-01T00:00:00.000Z'): Envelope {
  const base = newEnvelope(over.flow ?? 'leak', id, over.title ?? `記録 ${id}`, new Date(at));
  const facts = over.facts ?? (base.flow === 'leak' ? REPORTABLE : PI_PLAIN);
  const r = evaluate(base.flow, facts);
  return { ...base, facts, outcome: r.ok ? r.outcome : null, position: { screen: 'outcome' }, ...over };
}

const summary = (id: string, over: Partial<Envelope> & { flow?: FlowId } = {}, at?: string): RecordSummary => summarize(env(id, over, at));

const fixture = (name: string): Envelope => {
  const r = readEnvelope(JSON.parse(readFileSync(join(__dirname, '../fixtures', name), 'utf8')));
  if (!r.ok) throw new Error(`${name} unreadable`);
  return r.envelope;
};

async function labelFor(lang: Lang): Promise<AnswerLabel> {
  const t = fixedT(await createI18n(lang), lang);
  return (flow, id, value) => {
    const q = questionOf(flowDefinition(flow), id);
    return q ? formatAnswer(flow, q, value, t) : '';
  };
}

/** Keys of the rows that match, in order. */
const keysOf = (es: readonly LibraryEntry[]) => es.map((e) => e.key);

function search(entries: readonly LibraryEntry[], index: SearchIndex, over: Partial<LibraryFilter>) {
  return keysOf(filterEntries(entries, (e) => index.entryText(e), { ...NO_FILTER, archived: 'all', ...over }));
}

function repos() {
  const db = openDb(`lib-${Math.random()}`, new IDBFactory());
  return { db, assessments: new AssessmentRepository(db), cases: new CaseRepository(db) };
}

describe('libraryEntries', () => {
  it('lists stand-alone assessments and cases with their runs; a run whose case is not here is listed on its own', () => {
    const c: CaseRecord = { ...newCase('case-1', '会員データの広告利用', new Date('2026-01-01T00:00:00Z')) };
    const pi = summary('r-pi', { flow: 'personal-info', caseId: 'case-1' }, '2026-01-02T00:00:00.000Z');
    const leak = summary('r-leak', { caseId: 'case-1', facts: leakFacts({}, ['persons']), outcome: null }, '2026-01-05T00:00:00.000Z');
    const alone = summary('alone', {}, '2026-02-01T00:00:00.000Z');
    const orphan = summary('orphan', { caseId: 'gone' }, '2026-02-02T00:00:00.000Z');
    const { entries, skipped } = libraryEntries([alone, leak, orphan, pi], [c]);
    expect(skipped).toBe(0);
    expect(keysOf(entries)).toEqual(['a:alone', 'a:orphan', 'c:case-1']);
    const kase = entries.find((e) => e.kind === 'case');
    // Runs oldest first; flows each once; dated by its latest run.
    expect(kase?.runs.map((r) => r.id)).toEqual(['r-pi', 'r-leak']);
    expect(kase?.flows).toEqual(['personal-info', 'leak']);
    expect(kase?.updatedAt).toBe('2026-01-05T00:00:00.000Z');
    expect(kase?.updatedDay).toBe('2026-01-05');
    expect(kase?.status).toBe('in-progress');
  });

  it('a case is done when every run is, signed off when every run is, and flags signed-off and outdated runs', () => {
    const c = newCase('k', '案件', new Date('2026-01-01T00:00:00Z'));
    const done = summary('d', { caseId: 'k' });
    const signed = summarize(env('s', { caseId: 'k', signedOffAt: '2026-03-02T00:00:00.000Z' }));
    const old = summarize({ ...env('o', { caseId: 'k' }), rulesRevision: '2025-10' });
    expect(libraryEntries([done], [c]).entries[0]?.status).toBe('done');
    expect(libraryEntries([signed], [c]).entries[0]?.status).toBe('signed-off');
    const mixed = libraryEntries([done, signed, old], [c]).entries[0];
    expect(mixed?.status).toBe('done');
    expect(mixed?.signedOff).toBe(true);
    expect(mixed?.outdated.map((r) => r.id)).toEqual(['o']);
    expect(libraryEntries([], [c]).entries[0]?.status).toBe('in-progress');
  });

  it('a row that cannot be built is counted, never allowed to hide the others', () => {
    const bad = { ...summary('bad'), updatedAt: 'not a date' };
    const { entries, skipped } = libraryEntries([summary('good'), bad], []);
    expect(keysOf(entries)).toEqual(['a:good']);
    expect(skipped).toBe(1);
  });
});

describe('search', () => {
  it('normalizes case and width (NFKC): full-width letters and digits, half-width katakana', () => {
    expect(normalize('ＡＢＣ１２３')).toBe('abc123');
    expect(normalize('ｺｷｬｸ')).toBe('コキャク');
    expect(queryTerms('  顧客　ＤＢ  ')).toEqual(['顧客', 'db']);
  });

  it('finds records by title, by the reason beside an answer, and by answers as the Japanese labels read', async () => {
    const index = new SearchIndex(await labelFor('ja'));
    const { entries } = libraryEntries(
      [
        summary('title', { title: 'Customer DB 誤送信' }),
        summary('note', { answerNotes: { wrongful: '委託先の調査報告（4月3日）で不正の目的は否定された' } }),
        summary('other', { facts: leakFacts({ dataKind: 'other' }), title: '統計データの紛失' }),
        summary('kana', { title: 'ｶﾀｶﾅの記録' }),
      ],
      [],
    );
    expect(search(entries, index, { query: 'customer db' })).toEqual(['a:title']);
    expect(search(entries, index, { query: 'ＣＵＳＴＯＭＥＲ' })).toEqual(['a:title']);
    expect(search(entries, index, { query: 'カタカナ' })).toEqual(['a:kana']);
    expect(search(entries, index, { query: '調査報告' })).toEqual(['a:note']);
    // 「個人データ」 is the label of dataKind personal-data (and part of 「個人データ以外の情報」).
    expect(search(entries, index, { query: '個人データ以外' })).toEqual(['a:other']);
    expect(search(entries, index, { query: '個人データ' })).toHaveLength(4);
    // Counts and dates as shown, and as typed.
    expect(search(entries, index, { query: '10人' })).toEqual(['a:other']);
    expect(search(entries, index, { query: '2025年12月5日' })).toEqual(['a:title', 'a:note', 'a:kana']);
    expect(search(entries, index, { query: '2026-03-02' })).toEqual(['a:other']);
    // Every word must be found.
    expect(search(entries, index, { query: '統計 紛失' })).toEqual(['a:other']);
    expect(search(entries, index, { query: '統計 誤送信' })).toEqual([]);
    expect(search(entries, index, { query: '' })).toHaveLength(4);
  });

  it('reads answers in the language of the index (English labels for an English screen)', async () => {
    const { entries } = libraryEntries([summary('a'), summary('b', { facts: leakFacts({ dataKind: 'other' }) })], []);
    const en = new SearchIndex(await labelFor('en'));
    expect(search(entries, en, { query: 'not personal DATA' })).toEqual(['a:b']);
    const ja = new SearchIndex(await labelFor('ja'));
    expect(search(entries, ja, { query: 'not personal data' })).toEqual([]);
  });

  it('a case is found by its title and by anything in its runs', async () => {
    const index = new SearchIndex(await labelFor('ja'));
    const c = newCase('k', '広告配信の案件', new Date('2026-01-01T00:00:00Z'));
    const { entries } = libraryEntries([summary('run', { caseId: 'k', title: '漏えいの確認' }), summary('alone')], [c]);
    expect(search(entries, index, { query: '広告配信' })).toEqual(['c:k']);
    expect(search(entries, index, { query: '漏えいの確認' })).toEqual(['c:k']);
  });

  it('reads each distinct answer once, and a record’s text again only when the record changed', async () => {
    const real = await labelFor('ja');
    const label = vi.fn(real);
    const index = new SearchIndex(label);
    const a = summary('a');
    const b = summary('b');
    index.runText(a);
    const once = label.mock.calls.length;
    expect(once).toBe(Object.keys(a.facts).length);
    index.runText(b);
    index.runText(a);
    expect(label.mock.calls.length).toBe(once);
    const renamed = { ...a, title: '新しい名前', updatedAt: '2026-04-01T00:00:00.000Z' };
    expect(index.runText(renamed)).toContain('新しい名前');
    expect(index.runText(a)).not.toContain('新しい名前');
  });

  it('a label that throws leaves the rest of the record searchable', () => {
    const index = new SearchIndex(() => {
      throw new Error('missing text');
    });
    const { entries } = libraryEntries([summary('x', { title: '読める題名' })], []);
    expect(search(entries, index, { query: '読める' })).toEqual(['a:x']);
  });
});

describe('filters and sorts', () => {
  const c = newCase('k', '案件', new Date('2026-01-01T00:00:00Z'));
  const rows = [
    summary('leak-done', { title: 'b 漏えい' }, '2026-03-01T00:00:00.000Z'),
    summary('leak-open', { title: 'a 回答中', facts: leakFacts({}, ['knownOn', 'persons']), outcome: null }, '2026-03-05T00:00:00.000Z'),
    summary('pi', { flow: 'personal-info', title: 'c 個人情報', archived: true }, '2026-02-10T00:00:00.000Z'),
    summarize(env('signed', { title: 'd 承認済み', signedOffAt: '2026-03-03T00:00:00.000Z' }, '2026-02-01T00:00:00.000Z')),
    summary('in-case', { flow: 'personal-info', caseId: 'k' }, '2026-01-20T00:00:00.000Z'),
  ];
  const { entries } = libraryEntries(rows, [c]);
  const index = new SearchIndex(() => '');
  const f = (over: Partial<LibraryFilter>) => keysOf(filterEntries(entries, (e) => index.entryText(e), { ...NO_FILTER, ...over }));

  it('hides archived records unless asked, or shows only them', () => {
    expect(f({})).not.toContain('a:pi');
    expect(f({ archived: 'archived' })).toEqual(['a:pi']);
    expect(f({ archived: 'all' })).toHaveLength(5);
  });

  it('filters by flow (a case by its runs), verdict (the current rules’ verdict of a finished run), status and date', () => {
    expect(f({ flow: 'personal-info' })).toEqual(['c:k']);
    expect(f({ flow: 'personal-info', archived: 'all' })).toEqual(['a:pi', 'c:k']);
    expect(f({ verdict: { flow: 'leak', outcome: 'reportable' } })).toEqual(['a:leak-done', 'a:signed']);
    // The unfinished run's facts are incomplete: it has no verdict to match.
    expect(f({ verdict: { flow: 'leak', outcome: 'not-reportable' } })).toEqual([]);
    expect(f({ status: 'in-progress' })).toEqual(['a:leak-open']);
    expect(f({ status: 'signed-off' })).toEqual(['a:signed']);
    expect(f({ status: 'done' })).toEqual(['a:leak-done', 'c:k']);
    expect(f({ from: '2026-03-01', to: '2026-03-04' })).toEqual(['a:leak-done']);
    expect(f({ to: '2026-01-31' })).toEqual(['c:k']);
  });

  it('dates are days in Japan: 2026-02-28T16:00Z is 1 March there', () => {
    const late = libraryEntries([summary('late', {}, '2026-02-28T16:00:00.000Z')], []).entries;
    const only = (from: string) => keysOf(filterEntries(late, () => '', { ...NO_FILTER, from, to: from }));
    expect(only('2026-03-01')).toEqual(['a:late']);
    expect(only('2026-02-28')).toEqual([]);
  });

  it('sorts by last update or creation (newest first), or by title in the language’s order', () => {
    const all = entries.filter((e) => e.kind === 'assessment');
    expect(keysOf(sortEntries(all, 'updated'))).toEqual(['a:leak-open', 'a:leak-done', 'a:pi', 'a:signed']);
    expect(keysOf(sortEntries(all, 'title', new Intl.Collator('ja')))).toEqual(['a:leak-open', 'a:leak-done', 'a:pi', 'a:signed']);
    const created = sortEntries(
      libraryEntries([summary('old', {}, '2025-01-01T00:00:00.000Z'), summary('new', {}, '2026-01-01T00:00:00.000Z')], []).entries,
      'created',
    );
    expect(keysOf(created)).toEqual(['a:new', 'a:old']);
    const numbered = libraryEntries([summary('x', { title: '記録10' }), summary('y', { title: '記録9' })], []).entries;
    expect(keysOf(sortEntries(numbered, 'title', new Intl.Collator('ja', { numeric: true })))).toEqual(['a:y', 'a:x']);
  });

  it('a selection names assessments and cases apart; an id that cannot go into a URL is refused, not thrown', () => {
    expect(selectionOf(['a:1', 'c:2', 'a:3'])).toEqual({ assessments: ['1', '3'], cases: ['2'] });
    expect(idForUrl('qa-\udc00-id')).toBeNull();
    expect(idForUrl('a b/c')).toBe('a%20b%2Fc');
  });
});

describe('10,000 records', () => {
  it('filters, searches and sorts ten thousand rows correctly', async () => {
    const label = await labelFor('ja');
    const templates = [summary('t0'), summary('t1', { facts: leakFacts({ dataKind: 'other' }) }), summary('t2', { flow: 'personal-info' })];
    const rows: RecordSummary[] = [];
    for (let i = 0; i < 10_000; i++) {
      const t = templates[i % 3]!;
      const day = String(1 + (i % 28)).padStart(2, '0');
      rows.push({
        ...t,
        id: `r${i}`,
        title: i % 7 === 0 ? `顧客名簿 ${i}` : `記録 ${i}`,
        archived: i % 5 === 0,
        updatedAt: `2026-02-${day}T03:00:00.000Z`,
        notes: i % 11 === 0 ? ['委託先の報告書による'] : [],
      });
    }
    const { entries } = libraryEntries(rows, []);
    expect(entries).toHaveLength(10_000);
    const index = new SearchIndex(label);
    const run = (over: Partial<LibraryFilter>) => filterEntries(entries, (e) => index.entryText(e), { ...NO_FILTER, ...over });
    const expected = (p: (i: number) => boolean) => Array.from({ length: 10_000 }, (_, i) => i).filter(p).length;

    expect(run({})).toHaveLength(expected((i) => i % 5 !== 0));
    expect(run({ query: '顧客名簿' })).toHaveLength(expected((i) => i % 7 === 0 && i % 5 !== 0));
    expect(run({ query: 'ｺｷｬｸ' })).toHaveLength(0);
    expect(run({ query: '報告書', archived: 'all' })).toHaveLength(expected((i) => i % 11 === 0));
    expect(run({ query: '個人データ以外', archived: 'all' })).toHaveLength(expected((i) => i % 3 === 1));
    expect(run({ flow: 'personal-info', archived: 'archived' })).toHaveLength(expected((i) => i % 3 === 2 && i % 5 === 0));
    expect(run({ from: '2026-02-10', to: '2026-02-12', archived: 'all' })).toHaveLength(expected((i) => [9, 10, 11].includes(i % 28)));
    expect(run({ query: '顧客名簿 個人データ以外', flow: 'leak', from: '2026-02-01' })).toHaveLength(
      expected((i) => i % 7 === 0 && i % 5 !== 0 && i % 3 === 1),
    );
    const sorted = sortEntries(entries, 'updated');
    expect(sorted.every((e, i) => i === 0 || sorted[i - 1]!.updatedAt >= e.updatedAt)).toBe(true);
    // How fast a keystroke's search is, over 10,000 records, is `npm run bench`'s figure, never asserted here.
  });
});

describe('working with records', () => {
  it('duplicates an assessment: a new id and title, answers and verdict kept, no sign-off, history or archive', async () => {
    const r = repos();
    const original = signOff({ ...env('orig'), archived: true, answerNotes: { wrongful: '理由' } }, new Date('2026-03-02T00:00:00Z'));
    if (!original.ok) throw new Error('sign-off refused');
    await r.assessments.save(original.envelope);
    const copy = await duplicateRecord(r, 'orig', 'copy-1', '記録 orig のコピー', new Date('2026-04-01T00:00:00Z'));
    const stored = await r.assessments.get('copy-1');
    expect(stored).toMatchObject({
      id: 'copy-1',
      title: '記録 orig のコピー',
      facts: original.envelope.facts,
      outcome: original.envelope.outcome,
      answerNotes: { wrongful: '理由' },
      signedOffAt: null,
      archived: false,
      history: [],
      createdAt: '2026-04-01T00:00:00.000Z',
    });
    expect(copy.id).toBe('copy-1');
    expect((await r.assessments.get('orig'))?.signedOffAt).toBe('2026-03-02T00:00:00.000Z');
  });

  it('archives and unarchives an assessment and a case, changing nothing else', async () => {
    const r = repos();
    await r.assessments.save(env('a'));
    const before = await r.assessments.get('a');
    await setEntryArchived(r, { kind: 'assessment', id: 'a' }, true);
    const after = await r.assessments.get('a');
    expect(after).toEqual({ ...before, archived: true, rev: (before?.rev ?? 0) + 1 });
    expect((await r.assessments.list()).items[0]?.archived).toBe(true);
    await setEntryArchived(r, { kind: 'assessment', id: 'a' }, false);
    expect((await r.assessments.get('a'))?.archived).toBe(false);

    const c = newCase('k', '案件', new Date('2026-01-01T00:00:00Z'));
    await r.cases.save(c);
    await setEntryArchived(r, { kind: 'case', id: 'k' }, true);
    expect(await r.cases.get('k')).toEqual({ ...c, archived: true });
  });

  it('deletes an assessment and undoes it: the same record comes back', async () => {
    const r = repos();
    await r.assessments.save(env('a', { answerNotes: { wrongful: '理由' } }));
    const before = await r.assessments.get('a');
    const removed = await removeEntry(r, { kind: 'assessment', id: 'a' });
    expect(await r.assessments.get('a')).toBeUndefined();
    expect((await r.assessments.list()).items).toEqual([]);
    await restoreRemoved(r, removed);
    // A restore is a save: only the revision counter moves on.
    expect(await r.assessments.get('a')).toEqual({ ...before, rev: (before?.rev ?? 0) + 1 });
    expect((await r.assessments.list()).items.map((s) => s.id)).toEqual(['a']);
  });

  it('deletes a case with all its runs in one go, and undoes it exactly', async () => {
    const r = repos();
    const c = newCase('k', '案件', new Date('2026-01-01T00:00:00Z'));
    await r.cases.save(c);
    await r.assessments.save(env('r1', { caseId: 'k' }));
    await r.assessments.save(env('r2', { caseId: 'k', flow: 'personal-info' }));
    await r.assessments.save(env('other'));
    const bundle = await r.cases.bundle('k');
    const runs = (await r.cases.runs('k')).runs;

    const removed = await removeEntry(r, { kind: 'case', id: 'k' });
    expect(await r.cases.get('k')).toBeUndefined();
    expect((await r.assessments.list()).items.map((s) => s.id)).toEqual(['other']);

    await restoreRemoved(r, removed);
    expect(await r.cases.get('k')).toEqual(c);
    expect((await r.cases.runs('k')).runs).toEqual(runs);
    expect(await r.cases.bundle('k')).toEqual(bundle);
    expect((await r.assessments.list()).items.map((s) => s.id).sort()).toEqual(['other', 'r1', 'r2']);
  });

  it('an undo that cannot be written leaves nothing half-restored', async () => {
    const r = repos();
    await r.cases.save(newCase('k', '案件', new Date('2026-01-01T00:00:00Z')));
    await r.assessments.save(env('r1', { caseId: 'k' }));
    await r.assessments.save(env('r2', { caseId: 'k' }));
    const removed = await removeEntry(r, { kind: 'case', id: 'k' });
    // Something else (another tab) took one run's id in the meantime: the whole restore fails, and nothing of it is written.
    await new AssessmentRepository(r.db).save(env('r2', { title: '別の記録' }));
    await expect(restoreRemoved(r, removed)).rejects.toMatchObject({ name: 'StorageError' });
    expect(await r.cases.get('k')).toBeUndefined();
    expect(await r.assessments.get('r1')).toBeUndefined();
    expect((await r.assessments.get('r2'))?.title).toBe('別の記録');
  });

  it('deleting what is no longer there deletes nothing else', async () => {
    const r = repos();
    await r.assessments.save(env('keep'));
    await expect(removeEntry(r, { kind: 'case', id: 'nope' })).rejects.toThrow();
    await expect(removeEntry(r, { kind: 'assessment', id: 'nope' })).rejects.toThrow();
    expect((await r.assessments.list()).items.map((s) => s.id)).toEqual(['keep']);
  });
});

describe('assessing again under the current rules', () => {
  /** A finished record whose saved verdict was made under the first rules and differs from today's. */
  const outdated = (id = 'old'): Envelope => {
    const current = env(id);
    const saved: Outcome = { ...(current.outcome as Outcome), outcome: 'not-reportable', grounds: [], duties: [], deadlines: [] };
    return { ...current, rulesRevision: '2025-10', outcome: saved };
  };

  it('says what changed; a signed-off record needs a new version; missing answers go to the wizard', () => {
    const r = reassess(outdated());
    expect(r.kind).toBe('ready');
    if (r.kind !== 'ready') return;
    expect(r.before?.outcome).toBe('not-reportable');
    expect(r.after.outcome).toBe('reportable');
    expect(r.change).toEqual({ kind: 'changed', parts: expect.arrayContaining(['outcome', 'grounds', 'duties', 'deadlines']) });
    expect(reassess({ ...outdated(), signedOffAt: '2026-03-02T00:00:00.000Z' }).kind).toBe('signed-off');
    expect(reassess(fixture('envelope-v1.json')).kind).toBe('needs-answers');
  });

  it('accepting saves acceptCurrentRules’ result: the old verdict kept in priorOutcomes and the history', async () => {
    const r = repos();
    await r.assessments.save(outdated());
    const { entries } = libraryEntries((await r.assessments.list()).items, []);
    const entry = entries[0]!;
    expect(entry.outdated).toHaveLength(1);
    const [item] = await loadReassessments(r, entry);
    if (item?.kind !== 'ready') throw new Error('not ready');
    const now = new Date('2026-12-10T00:00:00Z');
    expect(await acceptReassessment(r, item.envelope, now)).toBeNull();
    const stored = await r.assessments.get('old');
    expect(stored?.rulesRevision).toBe(RULES_REVISION);
    expect(stored?.outcome?.outcome).toBe('reportable');
    expect(stored?.priorOutcomes).toEqual([
      { outcome: item.envelope.outcome, rulesRevision: '2025-10', savedAt: item.envelope.updatedAt, replacedAt: now.toISOString() },
    ]);
    expect(stored?.history.at(-1)).toEqual({ at: now.toISOString(), kind: 'rules', from: '2025-10', to: RULES_REVISION });
    expect((await r.assessments.list()).items[0]?.outdated).toBe(false);
  });

  it('a refusal writes nothing', async () => {
    const r = repos();
    const signed = { ...outdated(), signedOffAt: '2026-03-02T00:00:00.000Z' };
    await r.assessments.save(signed);
    const before = await r.assessments.get('old');
    expect(await acceptReassessment(r, before!, new Date())).toBe('signed-off');
    expect(await r.assessments.get('old')).toEqual(before);
  });
});
