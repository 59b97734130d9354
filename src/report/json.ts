// JSON export and import of assessments, data use cases and backups: the same versioned envelope as IndexedDB (a case
// bundles its runs' envelopes, a backup holds many); PDFs carry the same JSON. Reading refuses anything it cannot
// read whole, with a problem that says why, before a single record is looked at by the rest of the app.

import { isBackupLike, readBackup, type Backup, type BackupProblem } from '../storage/backup';
import { isCaseBundleLike, readCaseBundle, type CaseBundle, type CaseProblem } from '../storage/cases';
import { ENVELOPE_FORMAT, readEnvelope, type Envelope, type EnvelopeProblem, type ReadOptions } from '../storage/envelope';
import { findEnvelope } from './pdf-envelope';

export function exportEnvelope(env: Envelope): string {
  return `${JSON.stringify(env, null, 2)}\n`;
}

export function exportCase(bundle: CaseBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

export function exportFileName(env: Envelope, ext: 'json' | 'pdf' | 'ics'): string {
  const day = env.updatedAt.slice(0, 10);
  return `shirube-${env.flow}-${day}-${env.id.slice(0, 8)}.${ext}`;
}

export function caseFileName(bundle: CaseBundle, ext: 'json' | 'pdf'): string {
  const day = bundle.case.updatedAt.slice(0, 10);
  return `shirube-case-${day}-${bundle.case.id.slice(0, 8)}.${ext}`;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // "%PDF"

/**
 * The largest file read at all. A backup of 10,000 records is about 15 MB; anything larger is refused before its
 * bytes are read, so a wrong file (a video, a disk image) cannot exhaust the tab's memory.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Problems of the file itself, found before any record in it is read. */
export type FileProblem =
  /** Larger than MAX_FILE_BYTES; `size` in bytes. */
  | { code: 'file-too-large'; size: number }
  /** Text that is not UTF-8 (every file the app writes is): read on, it would store garbled titles and answers. */
  | { code: 'not-utf8' }
  /** Valid JSON, but none of the formats the app writes. */
  | { code: 'not-shirube' }
  /** A PDF holding no record: not made by this app, or re-saved by a tool that rewrote its metadata. */
  | { code: 'pdf-not-ours' }
  /** A PDF whose record cannot be read whole: cut short or damaged. */
  | { code: 'pdf-damaged' }
  /** A PDF with two different records, or one added after its end: which one the pages show is unclear. */
  | { code: 'pdf-ambiguous' };

export type ImportProblem = FileProblem | EnvelopeProblem | CaseProblem | BackupProblem;

export type ImportResult =
  | { ok: true; kind: 'assessment'; envelope: Envelope; migratedFrom?: number }
  | { ok: true; kind: 'case'; bundle: CaseBundle }
  | { ok: true; kind: 'backup'; backup: Backup }
  | { ok: false; problem: ImportProblem };

/** The file-size check, made on the file's size before reading it (and again on the bytes). */
export function fileSizeProblem(size: number): FileProblem | null {
  return size > MAX_FILE_BYTES ? { code: 'file-too-large', size } : null;
}

/** The JSON text of a file: a PDF's embedded record, or the file's own text (strict UTF-8, a leading BOM dropped). */
function fileText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: FileProblem } {
  if (PDF_MAGIC.every((b, i) => bytes[i] === b)) {
    const found = findEnvelope(bytes);
    // An envelope appended after the end (found.appended) is ignored: the one the pages were made from is taken.
    if (found.kind === 'found') return { ok: true, text: found.json };
    const code = found.kind === 'none' ? 'pdf-not-ours' : found.kind === 'damaged' ? 'pdf-damaged' : 'pdf-ambiguous';
    return { ok: false, problem: { code } };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { ok: false, problem: { code: 'not-utf8' } };
  }
}

/**
 * Read an exported file (JSON or PDF bytes) back into a validated, migrated assessment, case or backup. `opts` as
 * for readEnvelope: an import passes today, so an answer dated after it is refused like in the wizard.
 */
export function importFile(bytes: Uint8Array, opts: ReadOptions = {}): ImportResult {
  const tooLarge = fileSizeProblem(bytes.length);
  if (tooLarge) return { ok: false, problem: tooLarge };
  const t = fileText(bytes);
  if (!t.ok) return t;
  let raw: unknown;
  try {
    raw = JSON.parse(t.text);
  } catch {
    return { ok: false, problem: { code: 'not-json' } };
  }
  if (isBackupLike(raw)) {
    const b = readBackup(raw, opts);
    return b.ok ? { ok: true, kind: 'backup', backup: b.backup } : b;
  }
  if (isCaseBundleLike(raw)) {
    const c = readCaseBundle(raw, opts);
    return c.ok ? { ok: true, kind: 'case', bundle: c.bundle } : c;
  }
  // Not one of the app's formats at all: said as such, not as a broken assessment.
  const format = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as { format?: unknown }).format : undefined;
  if (format !== ENVELOPE_FORMAT) return { ok: false, problem: { code: 'not-shirube' } };
  const r = readEnvelope(raw, opts);
  if (!r.ok) return r;
  return { ok: true, kind: 'assessment', envelope: r.envelope, ...(r.migratedFrom ? { migratedFrom: r.migratedFrom } : {}) };
}
