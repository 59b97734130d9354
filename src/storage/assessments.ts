// The assessment repository: save (autosave, refused when another tab saved a newer version first), load, list the
// library's summaries, delete — rows written through the library's codec (sealed when it is locked); every failure
// surfaces as a StorageError.

import { refreshStale } from './summary-refresh';
import { CLEAR, decodeRows, PLAIN, type RowCodec } from './codec';
import type { ShirubeDb } from './db';
import type { Envelope } from './envelope';
import { classify, ConflictError, StorageError } from './errors';
import { assertCodec } from './lock';
import { loadRecordLogic } from './record-logic';
import type { RecordSummary } from './summary';

export interface SaveOptions {
  /** Overwrite whatever is stored (the person chose this tab's version in a conflict). */
  force?: boolean;
}

/** What a save or a delete tells other tabs, so one with the record open learns of it before it saves over it. */
export interface RecordChange {
  id: string;
  rev: number | null;
}

/** Thrown inside a save's transaction, and handled outside it (where the crypto that rows may need can run). */
class Stale {
  constructor(readonly stored: unknown) {}
}
class Reencode {
  constructor(readonly rev: number) {}
}

/** The record in a stored row, or undefined when it does not open or read (a conflict then offers no version to keep). */
async function readable(codec: RowCodec, raw: unknown): Promise<Envelope | undefined> {
  if (raw === undefined) return undefined;
  let row: unknown;
  try {
    row = await codec.decode(raw);
  } catch {
    return undefined;
  }
  const r = (await loadRecordLogic()).readEnvelope(row);
  return r.ok ? r.envelope : undefined;
}

export class AssessmentRepository {
  /** Saves are chained so two quick answers can never be written out of order. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The revision of each record as this tab last read or wrote it: a save from any other revision is stale. */
  private readonly known = new Map<string, number>();

  constructor(
    private readonly db: ShirubeDb,
    /** Told of every write (storage/channel.ts passes it to the other tabs). */
    private readonly changed: (c: RecordChange) => void = () => undefined,
    /** How rows are stored: as they are, or sealed in a locked library. Set again when this tab locks or unlocks it. */
    public codec: RowCodec = PLAIN,
  ) {}

  /**
   * Save a record and its summary together. Refused with a ConflictError when the stored record is not at the
   * revision this tab last saw (another tab saved since): nothing is written then.
   */
  save(env: Envelope, opts: SaveOptions = {}): Promise<void> {
    const run = this.queue.then(async () => {
      const { summarize } = await loadRecordLogic();
      const codec = this.codec;
      const expected = this.known.get(env.id) ?? env.rev;
      // Rows are encoded before the transaction (Web Crypto would end it), so the new revision is planned first: the
      // stored revision is the expected one unless another tab saved, and only a forced save can then go on.
      let rev = expected + 1;
      for (let attempt = 0; ; attempt++) {
        const row = { ...structuredClone(env), rev };
        const [sealedRow, sealedSummary] = await Promise.all([
          codec.encode(row, CLEAR.assessments),
          codec.encode(summarize(row), CLEAR.summaries),
        ]);
        try {
          await this.db.transaction('rw', this.db.assessments, this.db.summaries, this.db.settings, async () => {
            await assertCodec(this.db, codec);
            // Only the clear fields are read here (the revision is kept readable in a sealed row).
            const stored = (await this.db.assessments.get(env.id)) as { rev?: unknown } | undefined;
            const r = stored?.rev;
            // A stored row without a usable revision (an unreadable one) is at no revision this tab can have seen.
            const storedRev = typeof r === 'number' && Number.isSafeInteger(r) && r >= 0 ? r : null;
            // Stale: another tab saved a newer version, or deleted a record this tab had read.
            const stale = stored ? storedRev !== expected : this.known.has(env.id);
            if (stale && !opts.force) throw new Stale(stored);
            const next = (storedRev ?? expected) + 1;
            if (next !== rev) throw new Reencode(next);
            await this.db.assessments.put(sealedRow as Envelope);
            await this.db.summaries.put(sealedSummary as RecordSummary);
          });
          break;
        } catch (e) {
          // A forced save over a revision other than the planned one: encode again with the revision it gets.
          if (e instanceof Reencode && attempt < 3) {
            rev = e.rev;
            continue;
          }
          if (e instanceof Stale) throw new ConflictError(await readable(codec, e.stored));
          if (e instanceof Reencode) throw new StorageError('conflict');
          throw classify(e);
        }
      }
      this.known.set(env.id, rev);
      this.changed({ id: env.id, rev });
    });
    // A failed save must not block the next one; the caller still sees this one's error.
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** This tab now holds the stored version of a record (it chose it over its own): later saves build on its revision. */
  adopt(env: Envelope): void {
    this.known.set(env.id, env.rev);
  }

  /** Resolves when every save queued so far has finished (successfully or not). */
  async flush(): Promise<void> {
    await this.queue;
  }

  async get(id: string): Promise<Envelope | undefined> {
    let raw: unknown;
    try {
      raw = await this.db.assessments.get(id);
    } catch (e) {
      throw classify(e);
    }
    if (raw === undefined) return undefined;
    const { readEnvelope } = await loadRecordLogic();
    const r = readEnvelope(await this.codec.decode(raw));
    if (!r.ok) throw new StorageError('corrupt', new Error(JSON.stringify(r.problem)));
    this.known.set(id, r.envelope.rev);
    return r.envelope;
  }

  /** Every readable record (a backup of everything), and how many stored rows could not be read. */
  async all(): Promise<{ records: Envelope[]; unreadable: number }> {
    let raw: unknown[];
    try {
      raw = await this.db.assessments.toArray();
    } catch (e) {
      throw classify(e);
    }
    const { rows } = await decodeRows(this.codec, raw);
    const { readEnvelope } = await loadRecordLogic();
    const records: Envelope[] = [];
    for (const row of rows) {
      const r = readEnvelope(row);
      if (r.ok) records.push(r.envelope);
    }
    return { records, unreadable: raw.length - records.length };
  }

  /** Every record's summary (the library's list), and how many stored rows could not be read. */
  async list(): Promise<{ items: RecordSummary[]; unreadable: number }> {
    let raw: unknown[];
    let count: number;
    try {
      [raw, count] = await Promise.all([this.db.summaries.orderBy('updatedAt').reverse().toArray(), this.db.assessments.count()]);
    } catch (e) {
      throw classify(e);
    }
    // Decoding keeps the order (most recent first); a summary that does not open counts as an unreadable record.
    const decoded = (await decodeRows(this.codec, raw)).rows as RecordSummary[];
    const items = await this.guardRefresh(decoded);
    return { items, unreadable: Math.max(0, count - items.length) };
  }

  private async guardRefresh(items: RecordSummary[]): Promise<RecordSummary[]> {
    try {
      return await refreshStale(this.db, this.codec, items);
    } catch (e) {
      throw classify(e);
    }
  }

  async exists(id: string): Promise<boolean> {
    try {
      return (await this.db.assessments.where('id').equals(id).count()) > 0;
    } catch (e) {
      throw classify(e);
    }
  }

  async remove(id: string): Promise<void> {
    const codec = this.codec;
    try {
      await this.db.transaction('rw', this.db.assessments, this.db.summaries, this.db.settings, async () => {
        await assertCodec(this.db, codec);
        await this.db.assessments.delete(id);
        await this.db.summaries.delete(id);
      });
    } catch (e) {
      throw classify(e);
    }
    this.known.delete(id);
    this.changed({ id, rev: null });
  }
}

/** Ask the browser to keep our data under storage pressure; the answer is informational only. */
export async function requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean | null> {
  if (!storage?.persist) return null;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    // Denial is not a storage failure: data is still saved, just evictable. The UI shows the returned state.
    return null;
  }
}
