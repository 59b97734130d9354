// Data use cases (案件): a titled folder of flow runs. The case record, its exported bundle (the case with all its
// runs' envelopes), strict validation of both, and the repository that keeps a case and its runs consistent.

import {
  array,
  integer,
  is,
  literal,
  minValue,
  number,
  object,
  pipe,
  regex,
  safeParse,
  string,
  unknown,
  type GenericSchema,
} from 'valibot';
import { Instant, issueKeys, jsonObject, NonEmptyString } from '../domain/schema-parts';
import type { ShirubeDb } from './db';
import { readEnvelope, type Envelope, type EnvelopeProblem } from './envelope';
import { classify, StorageError } from './errors';

export const CASE_FORMAT = 'shirube-case';
/**
 * The bundle format follows the envelope schema version: version 2 introduced cases; version 3 bundles hold
 * version-3 runs (rules revision and kept verdicts). Version-2 bundles still read: their runs migrate like any envelope.
 */
export const CASE_SCHEMA_VERSION = 3;
const FIRST_CASE_SCHEMA_VERSION = 2;

export interface CaseRecord {
  id: string;
  title: string;
  /** ISO 8601 instants. */
  createdAt: string;
  updatedAt: string;
}

/** A case as exported to JSON and embedded in the combined PDF: the case and every run in it. */
export interface CaseBundle {
  format: typeof CASE_FORMAT;
  schemaVersion: typeof CASE_SCHEMA_VERSION;
  case: CaseRecord;
  runs: Envelope[];
}

export type CaseProblem =
  | { code: 'not-a-case' }
  | { code: 'newer-version'; version: number }
  | { code: 'bad-version'; version: unknown }
  | { code: 'bad-field'; field: string }
  | { code: 'bad-run'; index: number; problem: EnvelopeProblem };

/** A title must show something: blank titles (spaces, full-width spaces) are refused like empty ones. */
export const CaseRecordSchema = jsonObject(
  object({ id: NonEmptyString, title: pipe(string(), regex(/\S/)), createdAt: Instant, updatedAt: Instant }),
);

/** The schema of one bundle version, holding runs as `run` says (the published JSON Schema: envelopes of that version). */
export function caseBundleSchema(version: 2 | 3, run: GenericSchema) {
  return object({ format: literal(CASE_FORMAT), schemaVersion: literal(version), case: CaseRecordSchema, runs: array(run) });
}

/** What reading checks before the runs, which readEnvelope reads (and migrates) one by one. */
const BundleBody = object({ case: CaseRecordSchema, runs: array(unknown()) });
const Claim = object({ format: literal(CASE_FORMAT) });
const BundleVersion = pipe(number(), integer(), minValue(FIRST_CASE_SCHEMA_VERSION));

export function newCase(id: string, title: string, now: Date): CaseRecord {
  const at = now.toISOString();
  return { id, title, createdAt: at, updatedAt: at };
}

/** Checks a case record's fields; returns the name of the first bad field, or null. */
export function caseRecordProblem(raw: unknown): string | null {
  const r = safeParse(CaseRecordSchema, raw, { abortEarly: true });
  return r.success ? null : ['case', ...issueKeys(r.issues[0])].join('.');
}

export function isCaseBundleLike(raw: unknown): boolean {
  return is(Claim, raw);
}

export type CaseBundleResult = { ok: true; bundle: CaseBundle } | { ok: false; problem: CaseProblem };

/** Validate a case bundle and every run in it (migrating runs like any envelope). */
export function readCaseBundle(raw: unknown): CaseBundleResult {
  if (!is(Claim, raw)) return { ok: false, problem: { code: 'not-a-case' } };
  const v = (raw as Record<string, unknown>).schemaVersion;
  if (!is(BundleVersion, v)) return { ok: false, problem: { code: 'bad-version', version: v } };
  if (v > CASE_SCHEMA_VERSION) return { ok: false, problem: { code: 'newer-version', version: v } };
  const body = safeParse(BundleBody, raw, { abortEarly: true });
  if (!body.success) return { ok: false, problem: { code: 'bad-field', field: issueKeys(body.issues[0]).join('.') } };
  const rec = body.output.case;
  const runs: Envelope[] = [];
  const ids = new Set<string>();
  for (const [index, r] of body.output.runs.entries()) {
    const e = readEnvelope(r);
    if (!e.ok) return { ok: false, problem: { code: 'bad-run', index, problem: e.problem } };
    if (e.envelope.caseId !== rec.id)
      return { ok: false, problem: { code: 'bad-run', index, problem: { code: 'bad-field', field: 'caseId' } } };
    if (ids.has(e.envelope.id)) return { ok: false, problem: { code: 'bad-run', index, problem: { code: 'bad-field', field: 'id' } } };
    ids.add(e.envelope.id);
    runs.push(e.envelope);
  }
  return {
    ok: true,
    bundle: {
      format: CASE_FORMAT,
      schemaVersion: CASE_SCHEMA_VERSION,
      case: { id: rec.id, title: rec.title, createdAt: rec.createdAt, updatedAt: rec.updatedAt },
      runs,
    },
  };
}

/**
 * Give a bundle fresh ids throughout (the case, each run, and the links between runs), so importing a case that
 * is already on this device adds a copy instead of overwriting anything.
 */
export function rekeyBundle(bundle: CaseBundle, newId: () => string, title: string): CaseBundle {
  const caseId = newId();
  const map = new Map(bundle.runs.map((r) => [r.id, newId()]));
  return {
    ...bundle,
    case: { ...bundle.case, id: caseId, title },
    runs: bundle.runs.map((r) => ({
      ...r,
      id: map.get(r.id)!,
      caseId,
      // A link to a run outside the bundle cannot be kept: the carried-over facts stay, their source is gone.
      chainedFrom: r.chainedFrom ? (map.get(r.chainedFrom) ?? null) : null,
    })),
  };
}

export interface CaseSummary extends CaseRecord {
  runs: number;
  finished: number;
}

export class CaseRepository {
  constructor(private readonly db: ShirubeDb) {}

  private async guard<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      throw classify(e);
    }
  }

  save(rec: CaseRecord): Promise<void> {
    return this.guard(async () => {
      await this.db.cases.put(structuredClone(rec));
    });
  }

  async get(id: string): Promise<CaseRecord | undefined> {
    const raw: unknown = await this.guard(() => this.db.cases.get(id));
    if (raw === undefined) return undefined;
    const bad = caseRecordProblem(raw);
    if (bad) throw new StorageError('corrupt', new Error(`case: ${bad}`));
    return raw as CaseRecord;
  }

  /** The case's runs, oldest first (the order they were started in); unreadable rows are counted, not hidden. */
  async runs(caseId: string): Promise<{ runs: Envelope[]; unreadable: number }> {
    const rows: unknown[] = await this.guard(() => this.db.assessments.where('caseId').equals(caseId).toArray());
    const runs: Envelope[] = [];
    let unreadable = 0;
    for (const raw of rows) {
      const r = readEnvelope(raw);
      if (r.ok) runs.push(r.envelope);
      else unreadable++;
    }
    runs.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return { runs, unreadable };
  }

  /** Cases, most recently worked on first: a case counts as updated whenever one of its runs is. */
  async list(): Promise<CaseSummary[]> {
    return this.guard(async () => {
      const cases = await this.db.cases.toArray();
      const out: CaseSummary[] = [];
      for (const c of cases) {
        if (caseRecordProblem(c)) continue;
        // Only readable runs count (and date the case); unreadable ones are reported on the case's page.
        const rows = (await this.db.assessments.where('caseId').equals(c.id).toArray()).flatMap((raw: unknown) => {
          const r = readEnvelope(raw);
          return r.ok ? [r.envelope] : [];
        });
        const updatedAt = [c.updatedAt, ...rows.map((r) => r.updatedAt)].sort().at(-1) ?? c.updatedAt;
        out.push({ ...c, updatedAt, runs: rows.length, finished: rows.filter((r) => r.outcome !== null).length });
      }
      return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    });
  }

  /** Delete a case and all its runs together: either everything goes or nothing does. */
  async remove(id: string): Promise<void> {
    await this.guard(() =>
      this.db.transaction('rw', this.db.cases, this.db.assessments, async () => {
        await this.db.assessments.where('caseId').equals(id).delete();
        await this.db.cases.delete(id);
      }),
    );
  }

  /** Whether the case id, or any of the given run ids, is already on this device (an import then becomes a copy). */
  async clashes(bundle: CaseBundle): Promise<boolean> {
    return this.guard(async () => {
      if ((await this.db.cases.where('id').equals(bundle.case.id).count()) > 0) return true;
      const ids = bundle.runs.map((r) => r.id);
      return ids.length > 0 && (await this.db.assessments.where('id').anyOf(ids).count()) > 0;
    });
  }

  /** Write an imported bundle in one transaction, so a failure leaves no half-imported case behind. */
  async importBundle(bundle: CaseBundle): Promise<void> {
    await this.guard(() =>
      this.db.transaction('rw', this.db.cases, this.db.assessments, async () => {
        await this.db.cases.add(structuredClone(bundle.case));
        await this.db.assessments.bulkAdd(structuredClone(bundle.runs));
      }),
    );
  }

  async bundle(id: string): Promise<CaseBundle | undefined> {
    const rec = await this.get(id);
    if (!rec) return undefined;
    const { runs } = await this.runs(id);
    const updatedAt = [rec.updatedAt, ...runs.map((r) => r.updatedAt)].sort().at(-1) ?? rec.updatedAt;
    return { format: CASE_FORMAT, schemaVersion: CASE_SCHEMA_VERSION, case: { ...rec, updatedAt }, runs };
  }
}
