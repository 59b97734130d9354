// Data use cases (案件): a titled folder of flow runs. The case record, its exported bundle (the case with all its
// runs' envelopes), strict validation of both, and the repository that keeps a case and its runs consistent (rows
// written through the library's codec: sealed when it is locked).

import { refreshStale } from './summary-refresh';
import {
  array,
  boolean,
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
import { Instant, isJsonObject, issueKeys, jsonObject, NonEmptyString, RecordId, Title } from '../domain/schema-parts';
import { CLEAR, decodeRows, PLAIN, type RowCodec } from './codec';
import type { ShirubeDb } from './db';
import type { Envelope, EnvelopeProblem, ReadOptions } from './envelope';
import { classify, StorageError } from './errors';
import { assertCodec } from './lock';
import { envelopeLogic, loadRecordLogic } from './record-logic';
import type { RecordSummary } from './summary';

export const CASE_FORMAT = 'shirube-case';
/**
 * The bundle format follows the envelope schema version: version 2 introduced cases; version 3 bundles hold
 * version-3 runs (rules revision and kept verdicts); version 4 adds the case's archived flag and holds version-4 runs.
 * Older bundles still read: the case is not archived, and runs migrate like any envelope.
 */
export const CASE_SCHEMA_VERSION = 4;
const FIRST_CASE_SCHEMA_VERSION = 2;

export interface CaseRecord {
  id: string;
  title: string;
  /** ISO 8601 instants. */
  createdAt: string;
  updatedAt: string;
  /** Kept, but out of the library's everyday view (version 4). */
  archived: boolean;
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
const CaseTitle = pipe(string(), regex(/\S/));
/** The case record of bundle versions 2 and 3. */
export const CaseRecordV2Schema = jsonObject(object({ id: NonEmptyString, title: CaseTitle, createdAt: Instant, updatedAt: Instant }));
/** Version 4, what this build writes: ids URL- and key-safe, titles as long as the form allows, the archived flag. */
export const CaseRecordSchema = jsonObject(
  object({ id: RecordId, title: pipe(Title, regex(/\S/)), createdAt: Instant, updatedAt: Instant, archived: boolean() }),
);

/** The schema of one bundle version, holding runs as `run` says (the published JSON Schema: envelopes of that version). */
export function caseBundleSchema(version: 2 | 3 | 4, run: GenericSchema) {
  return object({
    format: literal(CASE_FORMAT),
    schemaVersion: literal(version),
    case: version === 4 ? CaseRecordSchema : CaseRecordV2Schema,
    runs: array(run),
  });
}

/** What reading checks before the runs, which readEnvelope reads (and migrates) one by one. */
const BundleBody = object({ case: CaseRecordSchema, runs: array(unknown()) });
const Claim = object({ format: literal(CASE_FORMAT) });
const BundleVersion = pipe(number(), integer(), minValue(FIRST_CASE_SCHEMA_VERSION));

export function newCase(id: string, title: string, now: Date): CaseRecord {
  const at = now.toISOString();
  return { id, title, createdAt: at, updatedAt: at, archived: false };
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

/**
 * Validate a case bundle and every run in it (migrating runs like any envelope; `opts` as for readEnvelope). Only the
 * import screens call it, whose code loads the record logic (storage/record-logic.ts) with them.
 */
export function readCaseBundle(raw: unknown, opts: ReadOptions = {}): CaseBundleResult {
  if (!is(Claim, raw)) return { ok: false, problem: { code: 'not-a-case' } };
  const v = (raw as Record<string, unknown>).schemaVersion;
  if (!is(BundleVersion, v)) return { ok: false, problem: { code: 'bad-version', version: v } };
  if (v > CASE_SCHEMA_VERSION) return { ok: false, problem: { code: 'newer-version', version: v } };
  // Before version 4 a case could not be archived.
  const c = (raw as Record<string, unknown>).case;
  const doc = v < 4 && isJsonObject(c) ? { ...raw, case: { ...c, archived: false } } : raw;
  const body = safeParse(BundleBody, doc, { abortEarly: true });
  if (!body.success) return { ok: false, problem: { code: 'bad-field', field: issueKeys(body.issues[0]).join('.') } };
  const rec = body.output.case;
  const runs: Envelope[] = [];
  const ids = new Set<string>();
  const { readEnvelope } = envelopeLogic();
  for (const [index, r] of body.output.runs.entries()) {
    const e = readEnvelope(r, opts);
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
      case: { id: rec.id, title: rec.title, createdAt: rec.createdAt, updatedAt: rec.updatedAt, archived: rec.archived },
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
  constructor(
    private readonly db: ShirubeDb,
    /** How rows are stored: as they are, or sealed in a locked library. Set again when this tab locks or unlocks it. */
    public codec: RowCodec = PLAIN,
  ) {}

  private async guard<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      throw classify(e);
    }
  }

  async save(rec: CaseRecord): Promise<void> {
    const codec = this.codec;
    // Encoded before the transaction: Web Crypto inside it would end it.
    const row = await codec.encode(structuredClone(rec), CLEAR.cases);
    await this.guard(() =>
      this.db.transaction('rw', this.db.cases, this.db.settings, async () => {
        await assertCodec(this.db, codec);
        await this.db.cases.put(row as CaseRecord);
      }),
    );
  }

  async get(id: string): Promise<CaseRecord | undefined> {
    const raw: unknown = await this.guard(() => this.db.cases.get(id));
    if (raw === undefined) return undefined;
    const row = await this.codec.decode(raw);
    const bad = caseRecordProblem(row);
    if (bad) throw new StorageError('corrupt', new Error(`case: ${bad}`));
    return row as CaseRecord;
  }

  /** Every readable case record. */
  async records(): Promise<CaseRecord[]> {
    const raw: unknown[] = await this.guard(() => this.db.cases.toArray());
    const { rows } = await decodeRows(this.codec, raw);
    return rows.filter((c): c is CaseRecord => caseRecordProblem(c) === null);
  }

  /** The case's runs, oldest first (the order they were started in); unreadable rows are counted, not hidden. */
  async runs(caseId: string): Promise<{ runs: Envelope[]; unreadable: number }> {
    const raw: unknown[] = await this.guard(() => this.db.assessments.where('caseId').equals(caseId).toArray());
    const decoded = await decodeRows(this.codec, raw);
    const { readEnvelope } = await loadRecordLogic();
    const runs: Envelope[] = [];
    let unreadable = decoded.unreadable;
    for (const row of decoded.rows) {
      const r = readEnvelope(row);
      if (r.ok) runs.push(r.envelope);
      else unreadable++;
    }
    runs.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return { runs, unreadable };
  }

  /** Cases, most recently worked on first: a case counts as updated whenever one of its runs is. */
  async list(): Promise<CaseSummary[]> {
    const [rawCases, rawSummaries] = await this.guard(() => Promise.all([this.db.cases.toArray(), this.db.summaries.toArray()]));
    const cases = (await decodeRows(this.codec, rawCases)).rows as CaseRecord[];
    const decoded = (await decodeRows(this.codec, rawSummaries)).rows as RecordSummary[];
    const summaries = await this.guard(() => refreshStale(this.db, this.codec, decoded));
    const byCase = new Map<string, RecordSummary[]>();
    for (const s of summaries) if (s.caseId) byCase.set(s.caseId, [...(byCase.get(s.caseId) ?? []), s]);
    const out: CaseSummary[] = [];
    for (const c of cases) {
      if (caseRecordProblem(c)) continue;
      // Only readable runs count (and date the case); unreadable ones are reported on the case's page.
      const rows = byCase.get(c.id) ?? [];
      const updatedAt = [c.updatedAt, ...rows.map((r) => r.updatedAt)].sort().at(-1) ?? c.updatedAt;
      out.push({
        ...c,
        updatedAt,
        runs: rows.length,
        finished: rows.filter((r) => r.verdict !== null && r.status !== 'in-progress').length,
      });
    }
    return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** Delete a case and all its runs together: either everything goes or nothing does. */
  async remove(id: string): Promise<void> {
    const codec = this.codec;
    await this.guard(() =>
      this.db.transaction('rw', [this.db.cases, this.db.assessments, this.db.summaries, this.db.settings], async () => {
        await assertCodec(this.db, codec);
        await this.db.assessments.where('caseId').equals(id).delete();
        await this.db.summaries.where('caseId').equals(id).delete();
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
    const { summarize } = await loadRecordLogic();
    const codec = this.codec;
    // Encoded before the transaction: Web Crypto inside it would end it.
    const [caseRow, runRows, summaryRows] = await Promise.all([
      codec.encode(structuredClone(bundle.case), CLEAR.cases),
      Promise.all(bundle.runs.map((r) => codec.encode(structuredClone(r), CLEAR.assessments))),
      Promise.all(bundle.runs.map((r) => codec.encode(summarize(r), CLEAR.summaries))),
    ]);
    await this.guard(() =>
      this.db.transaction('rw', [this.db.cases, this.db.assessments, this.db.summaries, this.db.settings], async () => {
        await assertCodec(this.db, codec);
        await this.db.cases.add(caseRow as CaseRecord);
        await this.db.assessments.bulkAdd(runRows as Envelope[]);
        await this.db.summaries.bulkAdd(summaryRows as RecordSummary[]);
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
