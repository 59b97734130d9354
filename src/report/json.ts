// JSON export and import of assessments: the same versioned envelope as IndexedDB; PDFs carry it too.

import { readEnvelope, type Envelope, type EnvelopeProblem, type EnvelopeResult } from '../storage/envelope';
import { extractEnvelopeJson } from './pdf-envelope';

export function exportEnvelope(env: Envelope): string {
  return `${JSON.stringify(env, null, 2)}\n`;
}

export function exportFileName(env: Envelope, ext: 'json' | 'pdf' | 'ics'): string {
  const day = env.updatedAt.slice(0, 10);
  return `shirube-${env.flow}-${day}-${env.id.slice(0, 8)}.${ext}`;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // "%PDF"

/** Read an exported file (JSON or PDF bytes) back into a validated, migrated envelope. */
export function importAssessment(bytes: Uint8Array): EnvelopeResult {
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
    const problem: EnvelopeProblem = { code: 'not-json' };
    return { ok: false, problem };
  }
  return readEnvelope(raw);
}
