// Summaries computed under earlier rules: computed again from their records when read, and written back, so that the
// library never shows a verdict the current rules do not give (an app update changes the rules under stored rows).

import { RULES_REVISION } from '../domain/ruleset';
import { CLEAR, decodeRows, type RowCodec } from './codec';
import type { ShirubeDb } from './db';
import type { Envelope } from './envelope';
import { assertCodec } from './lock';
import { loadRecordLogic } from './record-logic';
import type { RecordSummary } from './summary';

/**
 * `items` with every summary computed under another rules revision replaced by a fresh one. The fresh ones are stored
 * too, each only if its record is still at the revision it was computed from (another tab's newer save wins), and
 * writing them is best effort: a full disk still shows the right verdicts now, and they are computed again next time.
 */
export async function refreshStale(db: ShirubeDb, codec: RowCodec, items: readonly RecordSummary[]): Promise<RecordSummary[]> {
  const stale = items.filter((s) => s.computedWith !== RULES_REVISION).map((s) => s.id);
  if (!stale.length) return [...items];
  const { readEnvelope, summarize } = await loadRecordLogic();
  const raw = (await db.assessments.bulkGet(stale)).filter((r) => r !== undefined);
  const records = (await decodeRows(codec, raw)).rows.flatMap((row) => {
    const r = readEnvelope(row);
    return r.ok ? [r.envelope] : [];
  });
  const fresh = new Map(records.map((e) => [e.id, summarize(e)]));
  void store(db, codec, records, fresh).catch(() => undefined);
  return items.map((s) => fresh.get(s.id) ?? s);
}

async function store(db: ShirubeDb, codec: RowCodec, records: readonly Envelope[], fresh: Map<string, RecordSummary>) {
  const rows = await Promise.all(
    records.map(async (e) => ({ id: e.id, rev: e.rev, row: await codec.encode(fresh.get(e.id)!, CLEAR.summaries) })),
  );
  await db.transaction('rw', db.assessments, db.summaries, db.settings, async () => {
    await assertCodec(db, codec);
    for (const { id, rev, row } of rows) {
      const now = (await db.assessments.get(id)) as { rev?: unknown } | undefined;
      if (now?.rev === rev) await db.summaries.put(row as RecordSummary);
    }
  });
}
