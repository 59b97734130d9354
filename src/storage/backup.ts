// The backup file: every chosen record (assessments and cases) in one versioned, documented JSON file, and reading it
// back — each record validated and migrated like any envelope or case, before anything is written.

import { array, integer, is, literal, minValue, number, object, pipe, type GenericSchema } from 'valibot';
import { RULES_REVISION, RULESET } from '../domain/ruleset';
import { readEnvelope, type Envelope, type EnvelopeProblem, type ReadOptions } from './envelope';
import { CaseRecordSchema, caseRecordProblem, type CaseRecord } from './cases';
import { Instant, isJsonObject, NonEmptyString } from '../domain/schema-parts';

export const BACKUP_FORMAT = 'shirube-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When it was written, and by which rules (for the person reading the file; records carry their own). */
  exportedAt: string;
  ruleset: string;
  rulesRevision: string;
  cases: CaseRecord[];
  /** Every run of every case listed, and the stand-alone assessments chosen. */
  assessments: Envelope[];
}

export type BackupProblem =
  | { code: 'not-a-backup' }
  | { code: 'newer-version'; version: number }
  | { code: 'bad-version'; version: unknown }
  | { code: 'bad-field'; field: string }
  | { code: 'bad-case'; index: number; field: string }
  | { code: 'bad-assessment'; index: number; problem: EnvelopeProblem }
  | { code: 'duplicate-id'; id: string };

export type BackupResult = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem };

export function writeBackup(cases: readonly CaseRecord[], assessments: readonly Envelope[], now: Date): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    ruleset: RULESET,
    rulesRevision: RULES_REVISION,
    cases: [...cases],
    assessments: [...assessments],
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/**
 * The schema of a backup file, holding envelopes as `run` says (the published JSON Schema: envelopes of the current
 * version, what writeBackup writes). readBackup checks the same fields where it reads them, and reads older envelopes.
 */
export function backupSchema(run: GenericSchema) {
  return object({
    format: literal(BACKUP_FORMAT),
    version: literal(BACKUP_VERSION),
    exportedAt: Instant,
    ruleset: NonEmptyString,
    rulesRevision: NonEmptyString,
    cases: array(CaseRecordSchema),
    assessments: array(run),
  });
}

const Claim = object({ format: literal(BACKUP_FORMAT) });
const Version = pipe(number(), integer(), minValue(1));

export function isBackupLike(raw: unknown): boolean {
  return is(Claim, raw);
}

/** Validate a backup and every record in it (envelopes migrated); the first problem is the one reported. */
export function readBackup(raw: unknown, opts: ReadOptions = {}): BackupResult {
  if (!is(Claim, raw)) return { ok: false, problem: { code: 'not-a-backup' } };
  const doc = raw as Record<string, unknown>;
  if (!is(Version, doc.version)) return { ok: false, problem: { code: 'bad-version', version: doc.version } };
  if (doc.version > BACKUP_VERSION) return { ok: false, problem: { code: 'newer-version', version: doc.version } };
  if (!Array.isArray(doc.cases)) return { ok: false, problem: { code: 'bad-field', field: 'cases' } };
  if (!Array.isArray(doc.assessments)) return { ok: false, problem: { code: 'bad-field', field: 'assessments' } };
  const ids = new Set<string>();
  const cases: CaseRecord[] = [];
  for (const [index, c] of doc.cases.entries()) {
    const bad = caseRecordProblem(c);
    if (bad) return { ok: false, problem: { code: 'bad-case', index, field: bad } };
    const rec = c as CaseRecord;
    if (ids.has(rec.id)) return { ok: false, problem: { code: 'duplicate-id', id: rec.id } };
    ids.add(rec.id);
    cases.push({ id: rec.id, title: rec.title, createdAt: rec.createdAt, updatedAt: rec.updatedAt, archived: rec.archived });
  }
  const assessments: Envelope[] = [];
  for (const [index, a] of doc.assessments.entries()) {
    const r = isJsonObject(a) ? readEnvelope(a, opts) : ({ ok: false, problem: { code: 'not-an-assessment' } } as const);
    if (!r.ok) return { ok: false, problem: { code: 'bad-assessment', index, problem: r.problem } };
    if (ids.has(r.envelope.id)) return { ok: false, problem: { code: 'duplicate-id', id: r.envelope.id } };
    ids.add(r.envelope.id);
    assessments.push(r.envelope);
  }
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: typeof doc.exportedAt === 'string' ? doc.exportedAt : '',
      ruleset: typeof doc.ruleset === 'string' ? doc.ruleset : '',
      rulesRevision: typeof doc.rulesRevision === 'string' ? doc.rulesRevision : '',
      cases,
      assessments,
    },
  };
}
