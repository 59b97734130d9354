// The record logic the home page does not need — reading, migrating and summarising records (envelope.ts, summary.ts
// and, through them, every flow definition) — loaded on first use, so the first load does not carry it.

import type * as EnvelopeModule from './envelope';
import type * as SummaryModule from './summary';

export interface RecordLogic {
  readEnvelope: typeof EnvelopeModule.readEnvelope;
  MIGRATIONS: typeof EnvelopeModule.MIGRATIONS;
  ENVELOPE_FORMAT: typeof EnvelopeModule.ENVELOPE_FORMAT;
  summarize: typeof SummaryModule.summarize;
}

let envelope: Pick<RecordLogic, 'readEnvelope' | 'MIGRATIONS' | 'ENVELOPE_FORMAT'> | undefined;
let summary: Pick<RecordLogic, 'summarize'> | undefined;

/** Called by envelope.ts as it loads: by loadRecordLogic, or by a screen's code that imports it directly. */
export function provideEnvelope(m: NonNullable<typeof envelope>): void {
  envelope = m;
}

/** Called by summary.ts as it loads. */
export function provideSummary(m: NonNullable<typeof summary>): void {
  summary = m;
}

/** The record logic, loading it first if nothing has yet (every storage method that reads or writes a record awaits this). */
export async function loadRecordLogic(): Promise<RecordLogic> {
  if (!envelope || !summary) await Promise.all([import('./envelope'), import('./summary')]);
  return recordLogic();
}

/**
 * The record logic where code cannot wait: a database upgrade (its transaction would end) and the synchronous import
 * checks, whose callers loaded it (their code imports envelope.ts). Using it before that is a bug, said plainly.
 */
export function recordLogic(): RecordLogic {
  return { ...envelopeLogic(), ...need(summary, 'summary') };
}

/** Reading and migrating only (what an import check needs). */
export function envelopeLogic(): NonNullable<typeof envelope> {
  return need(envelope, 'envelope');
}

function need<T>(part: T | undefined, name: string): T {
  if (!part) throw new Error(`storage: the record logic (${name}) was used before it was loaded (loadRecordLogic)`);
  return part;
}
