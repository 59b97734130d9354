// UI-side export actions that need no lazy code (JSON); the PDF writer is imported on demand.

import { exportEnvelope, exportFileName } from '../report/json';
import { saveBytes } from '../report/save-file';
import type { Envelope } from '../storage/envelope';

export function downloadEnvelopeJson(env: Envelope): void {
  saveBytes(exportEnvelope(env), exportFileName(env, 'json'), 'application/json');
}
