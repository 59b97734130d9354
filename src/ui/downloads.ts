// UI-side export actions that need no lazy code (JSON, calendar); the PDF writer is imported on demand.

import type { Outcome } from '../domain/types';
import type { Translate } from '../i18n';
import { buildIcs, deadlineEntries } from '../report/ics';
import { exportEnvelope, exportFileName } from '../report/json';
import { saveBytes } from '../report/save-file';
import type { Envelope } from '../storage/envelope';

/** What to show when writing a PDF failed: a character the font cannot draw is named, so the user can change it. */
export function pdfFailureText(e: unknown, t: Translate): string {
  const missing = e instanceof Error && e.name === 'MissingGlyphsError' ? (e as Error & { characters: string[] }).characters : null;
  if (missing) return t('common:outcome.pdfMissingGlyphs', { characters: missing.join(' ') });
  return e instanceof Error ? e.message : String(e);
}

export function downloadEnvelopeJson(env: Envelope): void {
  saveBytes(exportEnvelope(env), exportFileName(env, 'json'), 'application/json');
}

/** The outcome's dated deadlines as an .ics file; false when there is nothing dated to add. */
export function downloadDeadlinesIcs(env: Envelope, outcome: Outcome, t: Translate): boolean {
  const entries = deadlineEntries(env.id, outcome, (duty) => ({
    summary: t('common:calendar.summary', {
      duty: t(`${env.flow}:duties.${duty}.title`),
      title: env.title || t(`${env.flow}:title`),
    }),
    description: t(`${env.flow}:duties.${duty}.explanation`),
  }));
  if (!entries.length) return false;
  saveBytes(buildIcs(entries, new Date()), exportFileName(env, 'ics'), 'text/calendar');
  return true;
}
