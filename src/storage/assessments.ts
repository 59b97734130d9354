// The assessment repository: save (autosave), load, list, delete — every failure surfaces as a StorageError.

import type { ShirubeDb } from './db';
import { readEnvelope, type Envelope } from './envelope';
import { classify, StorageError } from './errors';

export interface AssessmentSummary {
  id: string;
  flow: Envelope['flow'];
  caseId: string | null;
  title: string;
  outcome: string | null;
  provisional: boolean;
  updatedAt: string;
}

export class AssessmentRepository {
  /** Saves are chained so two quick answers can never be written out of order. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: ShirubeDb) {}

  save(env: Envelope): Promise<void> {
    const run = this.queue.then(async () => {
      try {
        await this.db.assessments.put(structuredClone(env));
      } catch (e) {
        throw classify(e);
      }
    });
    // A failed save must not block the next one; the caller still sees this one's error.
    this.queue = run.catch(() => undefined);
    return run;
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
    return r.envelope;
  }

  async list(): Promise<{ items: AssessmentSummary[]; unreadable: number }> {
    let rows: unknown[];
    try {
      rows = await this.db.assessments.orderBy('updatedAt').reverse().toArray();
    } catch (e) {
      throw classify(e);
    }
    const items: AssessmentSummary[] = [];
    let unreadable = 0;
    for (const raw of rows) {
      const r = readEnvelope(raw);
      if (!r.ok) {
        unreadable++;
        continue;
      }
      const e = r.envelope;
      items.push({
        id: e.id,
        flow: e.flow,
        caseId: e.caseId,
        title: e.title,
        outcome: e.outcome?.outcome ?? null,
        provisional: e.outcome?.provisional ?? false,
        updatedAt: e.updatedAt,
      });
    }
    return { items, unreadable };
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
      await this.db.assessments.delete(id);
    } catch (e) {
      throw classify(e);
    }
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
