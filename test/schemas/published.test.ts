// The published JSON Schemas (docs/schema/): what the generator makes of the valibot schemas now, every fixture and
// public pack valid against its version's schema, and bad documents refused by the app and the JSON Schema alike.
// @vitest-environment node

import Ajv, { type ValidateFunction } from 'ajv';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeParse, type GenericSchema } from 'valibot';
import { describe, expect, it } from 'vitest';
import { PUBLISHED, SCHEMA_DIR } from '../../scripts/gen-schemas';
import { checkPackShape, checkScenario, PackSchema } from '../../src/domain/scenario-pack';
import { readBackup } from '../../src/storage/backup';
import { readCaseBundle } from '../../src/storage/cases';
import { readEnvelope } from '../../src/storage/envelope';
import {
  BackupV1Schema,
  CaseBundleV2Schema,
  CaseBundleV3Schema,
  CaseBundleV4Schema,
  EnvelopeV1Schema,
  EnvelopeV2Schema,
  EnvelopeV3Schema,
  EnvelopeV4Schema,
} from '../../src/storage/schemas';

type Doc = Record<string, unknown>;
const ROOT = join(__dirname, '../..');
const FIXTURES = join(__dirname, '../fixtures');
const PACKS = join(__dirname, '../../../shared/cases');
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Doc;
const jsonFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json'));

// Instants as the app writes them (RFC 3339); Ajv ships no formats of its own.
const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i);
const validators = new Map<string, ValidateFunction>();
const jsonSchema = (file: string) => {
  let v = validators.get(file);
  if (!v) validators.set(file, (v = ajv.compile(json(join(SCHEMA_DIR, file)))));
  return v;
};

/** Each published file with the valibot schema it is generated from. */
const VALIBOT: Record<string, GenericSchema> = {
  'envelope-v1.schema.json': EnvelopeV1Schema,
  'envelope-v2.schema.json': EnvelopeV2Schema,
  'envelope-v3.schema.json': EnvelopeV3Schema,
  'envelope-v4.schema.json': EnvelopeV4Schema,
  'case-v2.schema.json': CaseBundleV2Schema,
  'case-v3.schema.json': CaseBundleV3Schema,
  'case-v4.schema.json': CaseBundleV4Schema,
  'backup-v1.schema.json': BackupV1Schema,
  'scenario-pack.schema.json': PackSchema,
};

/** The app's reader of each kind of fixture: every fixture is one the app reads. */
const READER: Record<string, (doc: unknown) => boolean> = {
  envelope: (doc) => readEnvelope(doc).ok,
  case: (doc) => readCaseBundle(doc).ok,
  backup: (doc) => readBackup(doc).ok,
};

describe('docs/schema', () => {
  it('holds exactly what `npm run schemas` generates from the valibot schemas now', () => {
    // As a user runs it: prettier formats the files, with the repository's configuration.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-schemas.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout.trim().split('\n')).toEqual(['docs/schema is current']);
    expect(run.status).toBe(0);
  }, 60_000);

  it('publishes every boundary with a title and a description', () => {
    expect(PUBLISHED.map((p) => p.file).sort()).toEqual(Object.keys(VALIBOT).sort());
    for (const p of PUBLISHED) expect(p.schema, p.file).toBe(VALIBOT[p.file]);
    for (const file of Object.keys(VALIBOT)) expect(json(join(SCHEMA_DIR, file)), file).toMatchObject({ title: expect.any(String) });
  });
});

describe('fixtures and public packs against the published schemas', () => {
  const fixtures = jsonFiles(FIXTURES);
  it('there is a fixture for every envelope, case-bundle and backup version', () => {
    expect(fixtures.sort()).toEqual([
      'backup-v1.json',
      'case-v2.json',
      'case-v3.json',
      'case-v4.json',
      'envelope-v1.json',
      'envelope-v2.json',
      'envelope-v3.json',
      'envelope-v4.json',
    ]);
  });

  it.each(fixtures)('test/fixtures/%s is valid against its version’s JSON Schema and valibot schema, and the app reads it', (name) => {
    const file = name.replace(/\.json$/, '.schema.json');
    const doc = json(join(FIXTURES, name));
    const validate = jsonSchema(file);
    expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
    expect(safeParse(VALIBOT[file]!, doc).issues).toBeUndefined();
    expect(READER[name.replace(/-v\d+\.json$/, '')]!(doc)).toBe(true);
  });

  it.each([
    ['envelope-v4.schema.json', 'envelope-v3.json'],
    ['case-v4.schema.json', 'case-v3.json'],
    ['envelope-v3.schema.json', 'envelope-v4.json'],
  ])('%s refuses %s (each schema is of one version)', (file, name) => {
    expect(jsonSchema(file)(json(join(FIXTURES, name)))).toBe(false);
  });

  const packs = jsonFiles(PACKS);
  it('the public packs are there (one per flow)', () => {
    expect(packs.length).toBeGreaterThanOrEqual(4);
  });

  it.each(packs)('../shared/cases/%s is valid against the scenario-pack JSON Schema and valibot schema', (name) => {
    const pack = json(join(PACKS, name));
    const validate = jsonSchema('scenario-pack.schema.json');
    expect(validate(pack), ajv.errorsText(validate.errors)).toBe(true);
    expect(safeParse(PackSchema, pack).issues).toBeUndefined();
  });
});

// --- Bad documents: refused by the JSON Schema, the valibot schema it comes from, and the app's reader ---------------

const envelope = (version: number) => json(join(FIXTURES, `envelope-v${version}.json`));
const bundle = (version: number) => json(join(FIXTURES, `case-v${version}.json`));
const firstRun = (b: Doc) => (b.runs as Doc[])[0]!;
const withRun = (b: Doc, over: Doc) => ({ ...b, runs: [{ ...firstRun(b), ...over }, ...(b.runs as Doc[]).slice(1)] });
const packOf = (scenario: Doc) => ({ format: 'appi-scenario-pack', version: 1, scenarios: [scenario] });
const scenario = (over: Doc = {}) => ({
  id: 's1',
  flow: 'leak',
  facts: { actor: 'business', events: ['leak'], certainty: 'confirmed', recoveredUnseen: 'yes' },
  expect: { outcome: 'no-incident' },
  ...over,
});

const readsAssessment = (doc: unknown) => readEnvelope(doc).ok;
const readsCase = (doc: unknown) => readCaseBundle(doc).ok;
const readsBackup = (doc: unknown) => readBackup(doc).ok;
const backup = () => json(join(FIXTURES, 'backup-v1.json'));
const withEntry = (over: Doc) => ({ ...envelope(4), history: [{ ...(envelope(4).history as Doc[])[0], ...over }] });
const runsPack = (doc: unknown) =>
  checkPackShape(doc).length === 0 && ((doc as Doc).scenarios as unknown[]).every((s, i) => checkScenario(s, i).problems.length === 0);

const BAD: [string, string, Doc, (doc: unknown) => boolean][] = [
  ['an envelope timestamp that is no date', 'envelope-v1.schema.json', { ...envelope(1), updatedAt: 'yesterday' }, readsAssessment],
  ['an envelope without an id', 'envelope-v1.schema.json', { ...envelope(1), id: '' }, readsAssessment],
  ['an envelope of an unknown flow', 'envelope-v2.schema.json', { ...envelope(2), flow: 'marketing' }, readsAssessment],
  ['facts that are a list', 'envelope-v2.schema.json', { ...envelope(2), facts: [] }, readsAssessment],
  ['an empty case id', 'envelope-v2.schema.json', { ...envelope(2), caseId: '' }, readsAssessment],
  ['a position nowhere', 'envelope-v3.schema.json', { ...envelope(3), position: { screen: 'somewhere' } }, readsAssessment],
  ['an outcome without its verdict', 'envelope-v3.schema.json', { ...envelope(3), outcome: { grounds: [] } }, readsAssessment],
  [
    'a version-3 envelope without its rules revision',
    'envelope-v3.schema.json',
    { ...envelope(3), rulesRevision: undefined },
    readsAssessment,
  ],
  ['a v4 id with a space', 'envelope-v4.schema.json', { ...envelope(4), id: 'a b' }, readsAssessment],
  ['a v4 id of 200 characters', 'envelope-v4.schema.json', { ...envelope(4), id: 'a'.repeat(200) }, readsAssessment],
  ['a v4 title over 200 characters', 'envelope-v4.schema.json', { ...envelope(4), title: 'あ'.repeat(201) }, readsAssessment],
  [
    'a v4 note over 2000 characters',
    'envelope-v4.schema.json',
    { ...envelope(4), answerNotes: { wrongful: 'x'.repeat(2001) } },
    readsAssessment,
  ],
  ['a v4 assessor over 100 characters', 'envelope-v4.schema.json', { ...envelope(4), assessor: 'x'.repeat(101) }, readsAssessment],
  ['a v4 negative revision', 'envelope-v4.schema.json', { ...envelope(4), rev: -1 }, readsAssessment],
  ['a v4 envelope without its history', 'envelope-v4.schema.json', { ...envelope(4), history: undefined }, readsAssessment],
  ['a v4 history entry of an unknown kind', 'envelope-v4.schema.json', withEntry({ kind: 'deleted' }), readsAssessment],
  ['a v4 history entry without its time', 'envelope-v4.schema.json', withEntry({ at: undefined }), readsAssessment],
  [
    'a v4 outcome with only its verdict',
    'envelope-v4.schema.json',
    { ...envelope(4), outcome: { outcome: 'reportable' } },
    readsAssessment,
  ],
  [
    'a v4 outcome citation of 5 MB',
    'envelope-v4.schema.json',
    { ...envelope(4), outcome: { ...(envelope(4).outcome as Doc), citations: ['x'.repeat(5_000_000)] } },
    readsAssessment,
  ],
  ['a v4 archived flag that is a string', 'envelope-v4.schema.json', { ...envelope(4), archived: 'false' }, readsAssessment],
  ['a case titled with blanks', 'case-v3.schema.json', { ...bundle(3), case: { ...(bundle(3).case as Doc), title: ' \u3000' } }, readsCase],
  [
    'a v4 case without its archived flag',
    'case-v4.schema.json',
    { ...bundle(4), case: { ...(bundle(4).case as Doc), archived: undefined } },
    readsCase,
  ],
  ['a v4 case id with a space', 'case-v4.schema.json', { ...bundle(4), case: { ...(bundle(4).case as Doc), id: 'c 1' } }, readsCase],
  ['a v4 case run with an id of 200 characters', 'case-v4.schema.json', withRun(bundle(4), { id: 'r'.repeat(200) }), readsCase],
  ['a backup of another version', 'backup-v1.schema.json', { ...backup(), version: 2 }, readsBackup],
  ['a backup whose cases are no list', 'backup-v1.schema.json', { ...backup(), cases: {} }, readsBackup],
  ['a backup without assessments', 'backup-v1.schema.json', { ...backup(), assessments: undefined }, readsBackup],
  [
    'a backup case without its archived flag',
    'backup-v1.schema.json',
    { ...backup(), cases: [{ ...(backup().cases as Doc[])[0], archived: undefined }] },
    readsBackup,
  ],
  [
    'a backup assessment of an unknown flow',
    'backup-v1.schema.json',
    { ...backup(), assessments: [{ ...(backup().assessments as Doc[])[0], flow: 'marketing' }] },
    readsBackup,
  ],
  ['a case whose runs are no list', 'case-v3.schema.json', { ...bundle(3), runs: {} }, readsCase],
  ['a case run with an empty case id', 'case-v2.schema.json', withRun(bundle(2), { caseId: '' }), readsCase],
  ['a pack of another version', 'scenario-pack.schema.json', { ...packOf(scenario()), version: 2 }, runsPack],
  ['a scenario without facts', 'scenario-pack.schema.json', packOf(scenario({ facts: undefined })), runsPack],
  ['an unknown expectation key', 'scenario-pack.schema.json', packOf(scenario({ expect: { verdict: 'x' } })), runsPack],
  ['an unknown key in a deadline', 'scenario-pack.schema.json', packOf(scenario({ expect: { deadlines: { d: { when: 1 } } } })), runsPack],
  ['grounds that are no list', 'scenario-pack.schema.json', packOf(scenario({ expect: { grounds: 'rules-7-i' } })), runsPack],
];

describe('bad documents', () => {
  it.each(BAD)('%s: refused by the JSON Schema, the valibot schema and the app', (_name, file, raw, reads) => {
    const doc = JSON.parse(JSON.stringify(raw)) as Doc;
    expect(jsonSchema(file)(doc)).toBe(false);
    expect(safeParse(VALIBOT[file]!, doc).success).toBe(false);
    expect(reads(doc)).toBe(false);
  });

  // What the JSON Schema cannot say: fact ids and values are the flows' business, checked in code (docs/schema/README.md).
  it.each([
    [
      'an unknown fact',
      { ...envelope(3), facts: { ...(envelope(3).facts as Doc), colour: 'red' } },
      { code: 'unknown-fact', field: 'facts.colour' },
    ],
    [
      'a value outside its question',
      { ...envelope(3), facts: { ...(envelope(3).facts as Doc), persons: -2 } },
      { code: 'bad-fact', field: 'facts.persons' },
    ],
  ])('%s passes the JSON Schema, and the app refuses it', (_name, doc, problem) => {
    expect(jsonSchema('envelope-v3.schema.json')(doc)).toBe(true);
    expect(readEnvelope(doc)).toEqual({ ok: false, problem });
  });

  it.each([
    ['a v4 note for a fact not answered', { ...envelope(4), answerNotes: { delegatedSector: 'because' } }, 'answerNotes'],
    ['a v4 carried-over fact without an answer', { ...envelope(4), prefilled: ['toString'] }, 'prefilled'],
    ['a v4 impossible date', { ...envelope(4), createdAt: '2026-02-30T00:00:00.000Z' }, 'createdAt'],
    ['a v4 date in 9999', { ...envelope(4), updatedAt: '9999-12-31T00:00:00.000Z' }, 'updatedAt'],
  ])('%s passes the JSON Schema; valibot and the app refuse it', (_name, doc, field) => {
    expect(jsonSchema('envelope-v4.schema.json')(doc)).toBe(true);
    expect(safeParse(EnvelopeV4Schema, doc).success).toBe(false);
    expect(readEnvelope(doc)).toEqual({ ok: false, problem: { code: 'bad-field', field } });
  });

  it('a v4 verdict that is not one of the flow’s outcomes passes both schemas; the app refuses it', () => {
    const doc = { ...envelope(4), outcome: { ...(envelope(4).outcome as Doc), outcome: 'permitted' } };
    expect(jsonSchema('envelope-v4.schema.json')(doc)).toBe(true);
    expect(safeParse(EnvelopeV4Schema, doc).success).toBe(true);
    expect(readEnvelope(doc)).toEqual({ ok: false, problem: { code: 'bad-field', field: 'outcome' } });
  });

  it('unknown fields pass both schemas, and the app drops them', () => {
    const doc = { ...envelope(4), colour: 'red' };
    expect(jsonSchema('envelope-v4.schema.json')(doc)).toBe(true);
    expect(readEnvelope(doc)).toEqual({ ok: true, envelope: envelope(4) });
  });

  it('a backup holding two records with one id passes the JSON Schema; the app refuses it', () => {
    const b = backup();
    const doc = { ...b, assessments: [...(b.assessments as Doc[]), (b.assessments as Doc[])[0]] };
    expect(jsonSchema('backup-v1.schema.json')(doc)).toBe(true);
    expect(readBackup(doc)).toEqual({ ok: false, problem: { code: 'duplicate-id', id: (b.assessments as Doc[])[0]!.id } });
  });

  it('a carried-over fact without an answer passes the JSON Schema; valibot and the app refuse it', () => {
    const doc = { ...envelope(2), prefilled: ['includesSensitive'] };
    expect(jsonSchema('envelope-v2.schema.json')(doc)).toBe(true);
    expect(safeParse(EnvelopeV2Schema, doc).success).toBe(false);
    expect(readEnvelope(doc)).toEqual({ ok: false, problem: { code: 'bad-field', field: 'prefilled' } });
  });
});
