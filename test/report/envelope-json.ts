// For tests that read back a PDF the app wrote: the envelope JSON in it, or null (the app itself reads it with
// findEnvelope, which also says why there is none).

import { findEnvelope } from '../../src/report/pdf-envelope';

export function envelopeJsonOf(pdf: Uint8Array): string | null {
  const r = findEnvelope(pdf);
  return r.kind === 'found' ? r.json : null;
}
