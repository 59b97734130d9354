// JSON export and import of assessments and data use cases: the same versioned envelope as IndexedDB (a case
// bundles its runs' envelopes); PDFs carry the same JSON.

import { isCaseBundleLike, readCaseBundle, type CaseBundle, type CaseProblem } from '../storage/cases';
import { readEnvelope, type Envelope, type EnvelopeProblem } from '../storage/envelope';
import { extractEnvelopeJson } from './pdf-envelope';

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

export type ImportResult =
  | { ok: true; kind: 'assessment'; envelope: Envelope; migratedFrom?: number }
  | { ok: true; kind: 'case'; bundle: CaseBundle }
  | { ok: false; problem: EnvelopeProblem | CaseProblem };

/** Read an exported file (JSON or PDF bytes) back into a validated, migrated assessment or case. */
export function importFile(bytes: Uint8Array): ImportResult {
  let text: string | null;
  if (PDF_MAGIC.every((b, i) => bytes[i] === b)) {
    text = extractEnvelopeJson(bytes);
    if (text === null) return { ok: false, problem: { code: 'not-an-assessment' } };
  } else {
    text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'not-json' } };
  }
  if (isCaseBundleLike(raw)) {
    const c = readCaseBundle(raw);
    return c.ok ? { ok: true, kind: 'case', bundle: c.bundle } : c;
  }
  const r = readEnvelope(raw);
  if (!r.ok) return r;
  return { ok: true, kind: 'assessment', envelope: r.envelope, ...(r.migratedFrom ? { migratedFrom: r.migratedFrom } : {}) };
}
