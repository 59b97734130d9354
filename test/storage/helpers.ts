// Shared by the storage tests: the fixtures (as written, and as the app reads them) and a fresh in-memory database.

import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCaseBundle, type CaseBundle } from '../../src/storage/cases';
import { openDb } from '../../src/storage/db';
import { readEnvelope, type Envelope } from '../../src/storage/envelope';

export type Doc = Record<string, unknown>;

/**
 * What version 4 adds to every older record, written out here (not taken from the migration it checks): no reasons,
 * people, sign-off or history yet, not archived, revision 0.
 */
export const V4_FIELDS = {
  schemaVersion: 4,
  answerNotes: {},
  assessor: '',
  reviewer: '',
  signedOffAt: null,
  archived: false,
  previousVersion: null,
  history: [],
  rev: 0,
};

/** A fixture file as written (test/fixtures/<name>). */
export const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, `../fixtures/${name}`), 'utf8')) as Doc;

/** An envelope fixture as the app holds it (migrated to the current version). */
export function envelope(name = 'envelope-v4.json'): Envelope {
  const r = readEnvelope(fixture(name));
  if (!r.ok) throw new Error(`${name} unreadable: ${JSON.stringify(r.problem)}`);
  return r.envelope;
}

/** A case fixture as the app holds it (runs migrated to the current version). */
export function caseBundle(name = 'case-v4.json'): CaseBundle {
  const r = readCaseBundle(fixture(name));
  if (!r.ok) throw new Error(`${name} unreadable: ${JSON.stringify(r.problem)}`);
  return r.bundle;
}

/** A database of its own, in an IndexedDB of its own; `factory` lets a second connection (another tab) open it. */
export function freshDb() {
  const factory = new IDBFactory();
  const name = `t-${Math.random()}`;
  return { db: openDb(name, factory), reopen: () => openDb(name, factory) };
}
