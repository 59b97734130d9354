// The bench's seed for the library figures: compiled by scripts/bench.ts (Vite's build API, an IIFE outside dist/) and
// injected into the app's page, it writes records into the app's IndexedDB with the app's own storage code (openDb, the
// envelope, summaries) — nothing is added to the production bundles.

import { evaluate } from '../src/domain/evaluate';
import type { Facts, FlowId } from '../src/domain/types';
import { newCase, type CaseRecord } from '../src/storage/cases';
import { openDb } from '../src/storage/db';
import { newEnvelope, readEnvelope, type Envelope } from '../src/storage/envelope';
import { summarize } from '../src/storage/summary';

export interface SeedScenario {
  flow: FlowId;
  facts: Facts;
}

export interface SeedResult {
  assessments: number;
  cases: number;
  runsInCases: number;
  inProgress: number;
  archived: number;
  outdated: number;
  signedOff: number;
  ms: number;
}

const WORDS = [
  '顧客名簿',
  '会員データ',
  '従業員情報',
  '委託先',
  '社内メール',
  '診療記録',
  '採用応募者',
  'アクセスログ',
  'ポイント会員',
  '問い合わせ',
];
const EVENTS = ['の誤送信', 'の紛失', 'の提供', 'の利用目的確認', 'の第三者提供', 'の取得', 'の不正アクセス', 'の海外移転'];
const NOTES = ['委託先の調査報告書（4月3日）による', '本人からの申出で判明', '法務部確認済み', 'ＰＤＦ版の台帳で確認'];

/** Writes `total` records (about one in fifty of them runs of cases with three runs each) in one transaction. */
export async function seed(total: number, scenarios: readonly SeedScenario[]): Promise<SeedResult> {
  const t0 = performance.now();
  const base = Date.UTC(2025, 0, 1);
  const span = 700 * 86_400_000;
  const out: SeedResult = { assessments: 0, cases: 0, runsInCases: 0, inProgress: 0, archived: 0, outdated: 0, signedOff: 0, ms: 0 };
  const envelopes: Envelope[] = [];
  const cases: CaseRecord[] = [];
  let caseId: string | null = null;
  for (let i = 0; i < total; i++) {
    const s = scenarios[i % scenarios.length];
    if (!s) throw new Error('no scenarios to seed from');
    const created = new Date(base + Math.floor(((i * 7919) % total) * (span / total)));
    const updated = new Date(created.getTime() + (i % 30) * 3_600_000);
    // Every fiftieth record starts a case; the next two join it.
    if (i % 50 === 0) {
      caseId = `bench-case-${i}`;
      cases.push({ ...newCase(caseId, `${WORDS[i % WORDS.length]}の案件 ${i}`, created), archived: i % 500 === 0 });
    }
    const inCase = i % 50 < 3 ? caseId : null;
    const title = `${WORDS[i % WORDS.length]}${EVENTS[i % EVENTS.length]} ${i + 1}`;
    const env = newEnvelope(s.flow, `bench-${i}`, title, created, { caseId: inCase });
    const r = evaluate(s.flow, s.facts);
    let record: Envelope = { ...env, facts: { ...s.facts }, createdAt: created.toISOString(), updatedAt: updated.toISOString() };
    if (r.ok && i % 9 !== 0) {
      record = { ...record, outcome: r.outcome, position: { screen: 'outcome' } };
    } else {
      // Unfinished: the first answers only.
      const facts = Object.fromEntries(Object.entries(s.facts).slice(0, 3));
      record = { ...record, facts, position: { screen: 'question', question: '' } };
      out.inProgress++;
    }
    if (i % 13 === 0 && record.outcome) {
      record = { ...record, rulesRevision: '2025-10' };
      out.outdated++;
    }
    if (i % 31 === 0 && record.outcome) {
      record = { ...record, signedOffAt: updated.toISOString(), reviewer: '監査 花子' };
      out.signedOff++;
    }
    if (!inCase && i % 17 === 0) {
      record = { ...record, archived: true };
      out.archived++;
    }
    const first = Object.keys(record.facts)[0];
    if (i % 5 === 0 && first) record = { ...record, answerNotes: { [first]: NOTES[i % NOTES.length] ?? '' } };
    // Written only as the app would read it back.
    const checked = readEnvelope(record);
    if (!checked.ok) throw new Error(`seed record ${i} unreadable: ${JSON.stringify(checked.problem)}`);
    envelopes.push(checked.envelope);
    if (inCase) out.runsInCases++;
    else out.assessments++;
  }
  out.cases = cases.length;
  const db = openDb();
  try {
    await db.transaction('rw', db.assessments, db.summaries, db.cases, async () => {
      await db.cases.bulkPut(cases);
      await db.assessments.bulkPut(envelopes);
      await db.summaries.bulkPut(envelopes.map(summarize));
    });
  } finally {
    db.close();
  }
  out.ms = performance.now() - t0;
  return out;
}
