// Property-based tests (fast-check) of export and import: any valid version-4 record survives its JSON export and a
// backup unchanged, and junk — random JSON, random values, a valid record with one field replaced — is always refused
// with a problem (never an exception), naming the field that was broken.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAME_MAX, NOTE_MAX, TITLE_MAX } from '../../src/domain/schema-parts';
import { readBackup, writeBackup } from '../../src/storage/backup';
import { readCaseBundle } from '../../src/storage/cases';
import { readEnvelope, type Envelope, type HistoryEntry } from '../../src/storage/envelope';
import { exportEnvelope } from '../../src/report/json';
import { caseBundle, envelope } from './helpers';

/** One run of each flow, with answers and the verdict the current rules give them. */
const BASES: Envelope[] = [envelope('envelope-v4.json'), ...caseBundle().runs];

const instant = fc
  .date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const recordId = fc.stringMatching(/^[\x21-\x7e]{1,128}$/);
const factId = fc.stringMatching(/^[a-zA-Z]{1,30}$/);
/** Any text (any code point) of at most `max` UTF-16 units. */
const text = (max: number) => fc.string({ unit: 'binary', maxLength: max }).filter((s) => s.length <= max);
const historyValue = fc.oneof(text(NOTE_MAX), fc.nat({ max: 1_000_000 }), fc.array(factId, { maxLength: 10 }), fc.constant(null));
const historyEntry: fc.Arbitrary<HistoryEntry> = fc.oneof(
  fc.record({ at: instant, kind: fc.constantFrom('answer' as const, 'note' as const), factId, from: historyValue, to: historyValue }),
  fc.record({
    at: instant,
    kind: fc.constantFrom('title' as const, 'assessor' as const, 'reviewer' as const),
    from: text(TITLE_MAX),
    to: text(TITLE_MAX),
  }),
  fc.record(
    { at: instant, kind: fc.constantFrom('signed-off' as const, 'new-version' as const), by: text(NAME_MAX), ref: recordId },
    { requiredKeys: ['at', 'kind', 'by'] },
  ),
  fc.record({ at: instant, kind: fc.constant('rules' as const), from: fc.constantFrom('2025-10', '2026-12'), to: fc.constant('2026-12') }),
);

/** A valid version-4 record: a run of some flow, with any id, title, dates, people, reasons, history and revision. */
const record: fc.Arbitrary<Envelope> = fc
  .constantFrom(...BASES)
  .chain((base) =>
    fc.record({
      base: fc.constant(base),
      id: recordId,
      title: text(TITLE_MAX),
      createdAt: instant,
      updatedAt: instant,
      notes: fc.subarray(Object.keys(base.facts)).chain((ids) => fc.tuple(...ids.map((id) => fc.tuple(fc.constant(id), text(NOTE_MAX))))),
      assessor: text(NAME_MAX),
      reviewer: text(NAME_MAX),
      signedOffAt: fc.option(instant, { nil: null }),
      archived: fc.boolean(),
      previousVersion: fc.option(recordId, { nil: null }),
      history: fc.array(historyEntry, { maxLength: 12 }),
      rev: fc.maxSafeNat(),
    }),
  )
  .map(({ base, notes, ...over }) => ({ ...base, ...over, answerNotes: Object.fromEntries(notes) }));

describe('any valid record survives export and import unchanged', () => {
  it('its JSON export reads back as the same record', () => {
    fc.assert(
      fc.property(record, (env) => {
        expect(readEnvelope(JSON.parse(exportEnvelope(env)))).toEqual({ ok: true, envelope: env });
      }),
      { numRuns: 150 },
    );
  });

  it('a backup of any records reads back as the same records', () => {
    fc.assert(
      fc.property(fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 5 }), instant, (envs, at) => {
        const r = readBackup(JSON.parse(writeBackup([], envs, new Date(at))));
        expect(r).toEqual({ ok: true, backup: expect.objectContaining({ assessments: envs, exportedAt: at }) });
      }),
      { numRuns: 60 },
    );
  });
});

const ENVELOPE_CODES = [
  'not-json',
  'not-an-assessment',
  'newer-version',
  'bad-version',
  'bad-field',
  'unknown-flow',
  'unknown-fact',
  'bad-fact',
];

describe('junk is always refused with a problem, never an exception', () => {
  it('random values (JSON or not) are refused by every reader', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (junk) => {
        const e = readEnvelope(junk);
        expect(e.ok).toBe(false);
        if (!e.ok) expect(ENVELOPE_CODES).toContain(e.problem.code);
        expect(readCaseBundle(junk)).toMatchObject({ ok: false, problem: { code: expect.any(String) } });
        expect(readBackup(junk)).toMatchObject({ ok: false, problem: { code: expect.any(String) } });
      }),
      { numRuns: 300 },
    );
  });

  it('random JSON claiming to be an envelope, a case or a backup is refused with a problem', () => {
    const claim = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 });
    fc.assert(
      fc.property(claim, fc.integer({ min: -1, max: 6 }), (doc, version) => {
        const e = readEnvelope({ ...doc, format: 'shirube-assessment', schemaVersion: version });
        expect(e.ok).toBe(false);
        if (!e.ok) expect(ENVELOPE_CODES).toContain(e.problem.code);
        expect(readCaseBundle({ ...doc, format: 'shirube-case', schemaVersion: version }).ok).toBe(false);
        const b = readBackup({ ...doc, format: 'shirube-backup', version });
        // Only an empty backup of version 1 is valid with no records at all.
        if (b.ok) expect(b.backup).toMatchObject({ cases: [], assessments: [] });
      }),
      { numRuns: 300 },
    );
  });

  // Fields whose problem is reported at the field itself (facts and flow are checked against each other, and the
  // format and version decide how the rest is read).
  const FIELDS = [
    'id',
    'ruleset',
    'title',
    'createdAt',
    'updatedAt',
    'caseId',
    'chainedFrom',
    'prefilled',
    'outcome',
    'rulesRevision',
    'priorOutcomes',
    'position',
    'answerNotes',
    'assessor',
    'reviewer',
    'signedOffAt',
    'archived',
    'previousVersion',
    'history',
    'rev',
  ] as const;

  it('a valid record with one field replaced by junk is read (the junk was valid there) or refused naming that field', () => {
    fc.assert(
      fc.property(record, fc.constantFrom(...FIELDS), fc.jsonValue({ maxDepth: 3 }), (env, field, junk) => {
        const doc = JSON.parse(JSON.stringify({ ...env, [field]: junk })) as Record<string, unknown>;
        const r = readEnvelope(doc);
        if (!r.ok) expect(r.problem).toEqual({ code: 'bad-field', field });
      }),
      { numRuns: 400 },
    );
  });

  it('a valid record with its field removed is refused naming that field', () => {
    fc.assert(
      fc.property(record, fc.constantFrom(...FIELDS), (env, field) => {
        const { [field]: _gone, ...rest } = env;
        expect(readEnvelope(rest)).toEqual({ ok: false, problem: { code: 'bad-field', field } });
      }),
      { numRuns: 200 },
    );
  });
});
