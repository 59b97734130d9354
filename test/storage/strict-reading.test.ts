// Strict reading (envelope version 4): what the probe of issue 13 found accepted is refused with the problem code and
// field readEnvelope gives, unknown content is dropped rather than stored, and a verdict must belong to its record.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTE_MAX, TITLE_MAX } from '../../src/domain/schema-parts';
import { readCaseBundle } from '../../src/storage/cases';
import { readEnvelope, type Envelope } from '../../src/storage/envelope';

type Doc = Record<string, unknown>;
const v4 = () => JSON.parse(readFileSync(join(__dirname, '../fixtures/envelope-v4.json'), 'utf8')) as Doc;
const caseV4 = () => JSON.parse(readFileSync(join(__dirname, '../fixtures/case-v4.json'), 'utf8')) as Doc;
const facts = (over: Doc, drop: string[] = []) => {
  const f: Doc = { ...(v4().facts as Doc), ...over };
  for (const d of drop) delete f[d];
  return f;
};
const outcome = (over: Doc) => ({ ...(v4().outcome as Doc), ...over });
/** The fixture stopped on the review page (no verdict yet), so a fact can change without the verdict being wrong. */
const unfinished = (over: Doc) => ({ ...v4(), facts: facts(over), outcome: null, position: { screen: 'review' } });
const read = (raw: unknown): Envelope => {
  const r = readEnvelope(raw);
  if (!r.ok) throw new Error(`unreadable: ${JSON.stringify(r.problem)}`);
  return r.envelope;
};
/** An object nested `depth` levels deep (built in a loop: no recursion limit to hit while making it). */
const nested = (depth: number) => {
  const root: Doc = {};
  let cur = root;
  for (let i = 0; i < depth; i++) cur = cur.a = {};
  return root;
};
const FIVE_MB = 'x'.repeat(5_000_000);

describe('strict reading refuses what the app never writes', () => {
  it.each([
    // Ids: printable ASCII, 1–128 characters (an id with a lone surrogate once hid every record from the home list).
    ['an id with a lone surrogate', { ...v4(), id: 'qa-\udc00-id' }, 'id'],
    ['an id with a space', { ...v4(), id: 'qa id' }, 'id'],
    ['an id of 200 characters', { ...v4(), id: 'a'.repeat(200) }, 'id'],
    ['a case id with a lone surrogate', { ...v4(), caseId: '\ud800' }, 'caseId'],
    ['a chainedFrom with a space', { ...v4(), chainedFrom: 'run 1' }, 'chainedFrom'],
    // Texts: as long as the forms allow.
    ['a title over 200 characters', { ...v4(), title: 'あ'.repeat(TITLE_MAX + 1) }, 'title'],
    ['a 5 MB title', { ...v4(), title: FIVE_MB }, 'title'],
    ['a note over 2000 characters', { ...v4(), answerNotes: { wrongful: 'x'.repeat(NOTE_MAX + 1) } }, 'answerNotes'],
    // Instants: real calendar instants as Date.toISOString() writes them, 2000–2099.
    ['an impossible date (2026-02-30)', { ...v4(), createdAt: '2026-02-30T00:00:00.000Z' }, 'createdAt'],
    ['a bare number as a timestamp ("1")', { ...v4(), updatedAt: '1' }, 'updatedAt'],
    ['a far future (9999-12-31), which would sort first forever', { ...v4(), updatedAt: '9999-12-31T00:00:00.000Z' }, 'updatedAt'],
    ['a timestamp with an offset', { ...v4(), updatedAt: '2026-12-03T10:00:00+09:00' }, 'updatedAt'],
    ['an impossible sign-off date', { ...v4(), signedOffAt: '2026-02-30T00:00:00.000Z' }, 'signedOffAt'],
    ['an impossible date in the history', { ...v4(), history: [{ ...(v4().history as Doc[])[0], at: '1' }] }, 'history'],
    [
      'an impossible date in a kept verdict',
      { ...v4(), priorOutcomes: [{ ...(v4().priorOutcomes as Doc[])[0], savedAt: '9999-12-31T00:00:00.000Z' }] },
      'priorOutcomes',
    ],
    // A carried-over fact or a reason must belong to an answer of the run's own ("toString" is not an answer).
    ['prefilled ["toString"]', { ...v4(), prefilled: ['toString'] }, 'prefilled'],
    ['a note for a fact not answered', { ...v4(), answerNotes: { delegatedSector: 'because' } }, 'answerNotes'],
    ['a note keyed "toString"', { ...v4(), answerNotes: { toString: 'because' } }, 'answerNotes'],
  ])('refuses %s as a bad %s… field', (_name, raw, field) => {
    expect(readEnvelope(raw)).toEqual({ ok: false, problem: { code: 'bad-field', field } });
  });

  it('accepts the longest id, title and note the limits allow', () => {
    const env = read({
      ...v4(),
      id: `${'a'.repeat(127)}~`,
      title: 'あ'.repeat(TITLE_MAX),
      answerNotes: { wrongful: 'x'.repeat(NOTE_MAX) },
    });
    expect(env.id).toHaveLength(128);
  });

  it('accepts the earliest and latest instants of the range, and leap days that exist', () => {
    for (const at of ['2000-01-01T00:00:00.000Z', '2099-12-31T23:59:59.999Z', '2028-02-29T12:00:00.000Z', '2026-12-03T01:00:00Z'])
      expect(readEnvelope({ ...v4(), updatedAt: at }).ok, at).toBe(true);
    expect(readEnvelope({ ...v4(), updatedAt: '2027-02-29T12:00:00.000Z' }).ok).toBe(false);
  });
});

describe('an outcome is bounded, and belongs to its record', () => {
  it('refuses a verdict that is not one of the flow’s outcomes (another flow’s, or a made-up id)', () => {
    for (const o of ['permitted', 'common:verdict.reportable', ''])
      expect(readEnvelope({ ...v4(), outcome: outcome({ outcome: o }) }), o).toEqual({
        ok: false,
        problem: { code: 'bad-field', field: 'outcome' },
      });
    expect(readEnvelope({ ...v4(), outcome: outcome({ flow: 'provision' }) })).toEqual({
      ok: false,
      problem: { code: 'bad-field', field: 'outcome' },
    });
  });

  it('refuses a current-rules verdict on an unfinished run (one the app never made)', () => {
    const raw = { ...v4(), facts: facts({}, ['atContractor']) };
    expect(readEnvelope(raw)).toEqual({ ok: false, problem: { code: 'bad-field', field: 'outcome' } });
    // The same answers with no verdict yet are a run in progress; a verdict of earlier rules is evidence, kept as saved.
    expect(readEnvelope({ ...raw, outcome: null, position: { screen: 'question', question: 'atContractor' } }).ok).toBe(true);
    expect(readEnvelope({ ...raw, rulesRevision: '2025-10' }).ok).toBe(true);
  });

  it('refuses a 5 MB value in a field an outcome has: not stored', () => {
    for (const o of [
      outcome({ citations: [FIVE_MB] }),
      outcome({ outcome: FIVE_MB }),
      outcome({ notes: Array<string>(500_000).fill('n') }),
    ])
      expect(readEnvelope({ ...v4(), outcome: o })).toEqual({ ok: false, problem: { code: 'bad-field', field: 'outcome' } });
  });

  it('refuses a deeply nested value in a field an outcome has, and an outcome that is only nesting', () => {
    for (const o of [outcome({ deadlines: [nested(100_000)] }), outcome({ grounds: [nested(100_000)] }), nested(100_000)])
      expect(readEnvelope({ ...v4(), outcome: o })).toEqual({ ok: false, problem: { code: 'bad-field', field: 'outcome' } });
  });

  it('drops 5 MB of junk or deep nesting under a key an outcome does not have: read, and not kept', () => {
    for (const junk of [FIVE_MB, nested(100_000)]) {
      const env = read({ ...v4(), outcome: outcome({ junk }), priorOutcomes: [{ ...(v4().priorOutcomes as Doc[])[0], junk }] });
      expect(env).toEqual(v4());
      // What would be stored is the size of the record itself.
      expect(JSON.stringify(env).length).toBe(JSON.stringify(v4()).length);
    }
  });
});

describe('unknown fields are dropped, never kept', () => {
  it('drops unknown top-level fields from what readEnvelope returns', () => {
    const env = read({ ...v4(), junk: FIVE_MB, note: 'mine', signedBy: 'someone' });
    expect(env).toEqual(v4());
    expect(Object.keys(env)).not.toContain('junk');
  });

  it('drops unknown fields of a history entry and of a deadline', () => {
    const raw = v4();
    (raw.history as Doc[])[0]!.extra = 1;
    ((raw.outcome as Doc).deadlines as Doc[])[0]!.extra = 1;
    expect(read(raw)).toEqual(v4());
  });

  it('drops "__proto__" and "constructor" keys among the notes, and pollutes no prototype', () => {
    const text = JSON.stringify(v4()).replace('"answerNotes":{', '"answerNotes":{"__proto__":{"polluted":1},"constructor":"x",');
    const env = read(JSON.parse(text));
    expect(env.answerNotes).toEqual(v4().answerNotes);
    expect(Object.getPrototypeOf(env.answerNotes)).toBe(Object.prototype);
    expect(({} as Doc).polluted).toBeUndefined();
  });

  it('refuses "__proto__" and "constructor" among the facts as unknown facts', () => {
    for (const key of ['__proto__', 'constructor']) {
      const text = JSON.stringify(v4()).replace('"facts":{', `"facts":{"${key}":"x",`);
      expect(readEnvelope(JSON.parse(text))).toEqual({ ok: false, problem: { code: 'unknown-fact', field: `facts.${key}` } });
    }
  });
});

describe('an import (read with { today }) takes answers valid today, as the wizard does', () => {
  const today = '2026-12-03';

  it('refuses knownOn after today, and accepts it without { today } (a stored record is not lost for it)', () => {
    for (const knownOn of ['2026-12-04', '2099-01-01']) {
      const raw = unfinished({ knownOn });
      expect(readEnvelope(raw, { today }), knownOn).toEqual({ ok: false, problem: { code: 'bad-fact', field: 'facts.knownOn' } });
      expect(readEnvelope(raw).ok, knownOn).toBe(true);
    }
    expect(readEnvelope(unfinished({ knownOn: today }), { today }).ok).toBe(true);
  });

  it('refuses a count of 1e308 on import (no exact number is that large); a stored one still reads', () => {
    const raw = unfinished({ persons: 1e308 });
    expect(readEnvelope(raw, { today })).toEqual({ ok: false, problem: { code: 'bad-fact', field: 'facts.persons' } });
    expect(readEnvelope(raw).ok).toBe(true);
    expect(readEnvelope(unfinished({ persons: Number.MAX_SAFE_INTEGER }), { today }).ok).toBe(true);
  });

  it('refuses a count above the count it is part of (My Number persons above all persons)', () => {
    const raw = unfinished({ persons: 10, myNumberPersons: 11 });
    expect(readEnvelope(raw, { today })).toEqual({ ok: false, problem: { code: 'bad-fact', field: 'facts.myNumberPersons' } });
  });

  it('a case bundle read with { today } checks every run the same way, naming the run (and reads it without)', () => {
    const b = caseV4();
    const caseId = (b.case as Doc).id;
    const leak = { ...unfinished({ knownOn: '2099-01-01' }), id: 'leak-run', caseId };
    const withLeak = { ...b, runs: [...(b.runs as Doc[]), leak] };
    expect(readCaseBundle(b, { today }).ok).toBe(true);
    expect(readCaseBundle(withLeak, { today })).toEqual({
      ok: false,
      problem: { code: 'bad-run', index: 3, problem: { code: 'bad-fact', field: 'facts.knownOn' } },
    });
    expect(readCaseBundle(withLeak).ok).toBe(true);
  });
});
