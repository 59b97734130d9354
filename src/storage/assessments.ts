// The assessment repository: save (autosave, refused when another tab saved a newer version first), load, list the
// library's summaries, delete — every failure surfaces as a StorageError.

import type { ShirubeDb } from './db';
import { readEnvelope, type Envelope } from './envelope';
import { classify, ConflictError, StorageError } from './errors';
import { summarize, type RecordSummary } from './summary';

export interface SaveOptions {
  /** Overwrite whatever is stored (the person chose this tab's version in a conflict). */
  force?: boolean;
}

/** What a save or a delete tells other tabs, so one with the record open learns of it before it saves over it. */
export interface RecordChange {
  id: string;
  rev: number | null;
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
  ) {}

  /**
   * Save a record and its summary together. Refused with a ConflictError when the stored record is not at the
   * revision this tab last saw (another tab saved since): nothing is written then.
   */
  save(env: Envelope, opts: SaveOptions = {}): Promise<void> {
    const run = this.queue.then(async () => {
      let rev = 0;
      try {
        await this.db.transaction('rw', this.db.assessments, this.db.summaries, async () => {
          const stored = (await this.db.assessments.get(env.id)) as Envelope | undefined;
          // A stored row without a usable revision (an unreadable one) is at no revision this tab can have seen.
          const storedRev = stored && Number.isSafeInteger(stored.rev) && stored.rev >= 0 ? stored.rev : null;
          const expected = this.known.get(env.id) ?? env.rev;
          // Stale: another tab saved a newer version, or deleted a record this tab had read.
          const stale = stored ? storedRev !== expected : this.known.has(env.id);
          if (stale && !opts.force) {
            const r = stored ? readEnvelope(stored) : null;
            throw new ConflictError(r?.ok ? r.envelope : undefined);
          }
          rev = (storedRev ?? expected) + 1;
          const row = { ...structuredClone(env), rev };
          await this.db.assessments.put(row);
          await this.db.summaries.put(summarize(row));
        });
      } catch (e) {
        throw classify(e);
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
    const r = readEnvelope(raw);
    if (!r.ok) throw new StorageError('corrupt', new Error(JSON.stringify(r.problem)));
    this.known.set(id, r.envelope.rev);
    return r.envelope;
  }

  /** Every readable record (a backup of everything), and how many stored rows could not be read. */
  async all(): Promise<{ records: Envelope[]; unreadable: number }> {
    let rows: unknown[];
    try {
      rows = await this.db.assessments.toArray();
    } catch (e) {
      throw classify(e);
    }
    const records: Envelope[] = [];
    for (const raw of rows) {
      const r = readEnvelope(raw);
      if (r.ok) records.push(r.envelope);
    }
    return { records, unreadable: rows.length - records.length };
  }

  /** Every record's summary (the library's list), and how many stored rows could not be read. */
  async list(): Promise<{ items: RecordSummary[]; unreadable: number }> {
    try {
      const [items, rows] = await Promise.all([this.db.summaries.orderBy('updatedAt').reverse().toArray(), this.db.assessments.count()]);
      return { items, unreadable: Math.max(0, rows - items.length) };
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
    try {
      await this.db.transaction('rw', this.db.assessments, this.db.summaries, async () => {
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
