// UI-side export actions that need no lazy code (JSON, calendar); the PDF writer is imported on demand.

import type { Outcome } from '../domain/types';
import type { Translate } from '../i18n';
import { buildIcs, deadlineEntries } from '../report/ics';
import { exportEnvelope, exportFileName } from '../report/json';
import { saveBytes } from '../report/save-file';
import type { Envelope } from '../storage/envelope';

/**
 * The technical detail shown under "the PDF could not be made" (PdfStatus gives the message). No character makes a PDF
 * fail any more: what the Japanese font lacks is drawn from a fallback font or the device's glyphs.
 */
export function pdfFailureText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function downloadEnvelopeJson(env: Envelope): void {
  saveBytes(exportEnvelope(env), exportFileName(env, 'json'), 'application/json');
}

/** The outcome's dated deadlines as an .ics file (`t` interpolates the title as typed: it becomes data); false when there is nothing dated to add. */
export function downloadDeadlinesIcs(env: Envelope, outcome: Outcome, t: Translate): boolean {
  const entries = deadlineEntries(env.id, outcome, (duty) => ({
    summary: t('screens:calendar.summary', {
      duty: t(`${env.flow}:duties.${duty}.title`),
      title: env.title || t(`${env.flow}:title`),
    }),
    description: t(`${env.flow}:duties.${duty}.explanation`),
  }));
  if (!entries.length) return false;
  saveBytes(buildIcs(entries, new Date()), exportFileName(env, 'ics'), 'text/calendar');
  return true;
}
