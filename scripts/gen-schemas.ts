// The published JSON Schemas (docs/schema/), generated from the valibot schemas at the boundaries: `npm run schemas`
// writes them; `npm run schemas -- --check` only says whether they are current (exit 1 if not).

import { toJsonSchema } from '@valibot/to-json-schema';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { GenericSchema } from 'valibot';
import { PackSchema, ScenarioSchema } from '../src/domain/scenario-pack';
import { FactValue } from '../src/domain/schema-parts';
import { CaseRecordSchema, CaseRecordV2Schema } from '../src/storage/cases';
import { FullOutcomeSchema, HistoryEntrySchema, OutcomeSchema } from '../src/storage/envelope';
import {
  BackupV1Schema,
  CaseBundleV2Schema,
  CaseBundleV3Schema,
  CaseBundleV4Schema,
  EnvelopeV1Schema,
  EnvelopeV2Schema,
  EnvelopeV3Schema,
  EnvelopeV4Schema,
} from '../src/storage/schemas';

export const SCHEMA_DIR = fileURLToPath(new URL('../docs/schema/', import.meta.url));

interface Published {
  /** Named after the fixture it describes: test/fixtures/envelope-v1.json → envelope-v1.schema.json. */
  file: string;
  title: string;
  description: string;
  schema: GenericSchema;
  /** Parts shown once under $defs and referred to where they recur. */
  defs: Record<string, GenericSchema>;
}

const CODE_ONLY =
  'Fact ids and values are checked against the flow definitions in the app, which this schema cannot express (see README.md).';
const envelope = (version: number, what: string) =>
  `One assessment (a run of one decision flow) as Shirube stores it in IndexedDB, exports it as JSON and embeds it in ` +
  `its PDFs, schema version ${version}: ${what} Older versions are migrated when read. ${CODE_ONLY}`;
const bundle = (version: number, runs: string) =>
  `A data use case (案件) exported by Shirube as JSON or embedded in its combined PDF, bundle schema version ${version}: ` +
  `the case record and every run in it (${runs}), each belonging to the case, no two with the same id. ${CODE_ONLY}`;

export const PUBLISHED: readonly Published[] = [
  {
    file: 'envelope-v1.schema.json',
    title: 'Shirube assessment envelope, schema version 1',
    description: envelope(1, 'a stand-alone run.'),
    schema: EnvelopeV1Schema,
    defs: { Outcome: OutcomeSchema, FactValue },
  },
  {
    file: 'envelope-v2.schema.json',
    title: 'Shirube assessment envelope, schema version 2',
    description: envelope(2, 'a run may belong to a case and carry facts over from another run.'),
    schema: EnvelopeV2Schema,
    defs: { Outcome: OutcomeSchema, FactValue },
  },
  {
    file: 'envelope-v3.schema.json',
    title: 'Shirube assessment envelope, schema version 3',
    description: envelope(3, 'with the rules revision and the verdicts of earlier rules it keeps.'),
    schema: EnvelopeV3Schema,
    defs: { Outcome: OutcomeSchema, FactValue },
  },
  {
    file: 'envelope-v4.schema.json',
    title: 'Shirube assessment envelope, schema version 4',
    description: envelope(
      4,
      'the current version, with the reason beside each answer, assessor, reviewer and sign-off, archiving, the ' +
        'signed-off record it is a new version of, every change with its time, and the revision number that refuses a ' +
        'save from a stale copy; every field bounded.',
    ),
    schema: EnvelopeV4Schema,
    defs: { Outcome: FullOutcomeSchema, HistoryEntry: HistoryEntrySchema, FactValue },
  },
  {
    file: 'case-v2.schema.json',
    title: 'Shirube case bundle, schema version 2',
    description: bundle(2, 'assessment envelopes of schema version 2'),
    schema: CaseBundleV2Schema,
    defs: { CaseRecord: CaseRecordV2Schema, Envelope: EnvelopeV2Schema, Outcome: OutcomeSchema, FactValue },
  },
  {
    file: 'case-v3.schema.json',
    title: 'Shirube case bundle, schema version 3',
    description: bundle(3, 'assessment envelopes of schema version 3'),
    schema: CaseBundleV3Schema,
    defs: { CaseRecord: CaseRecordV2Schema, Envelope: EnvelopeV3Schema, Outcome: OutcomeSchema, FactValue },
  },
  {
    file: 'case-v4.schema.json',
    title: 'Shirube case bundle, schema version 4',
    description: bundle(4, 'assessment envelopes of schema version 4; the case record has its archived flag'),
    schema: CaseBundleV4Schema,
    defs: {
      CaseRecord: CaseRecordSchema,
      Envelope: EnvelopeV4Schema,
      Outcome: FullOutcomeSchema,
      HistoryEntry: HistoryEntrySchema,
      FactValue,
    },
  },
  {
    file: 'backup-v1.schema.json',
    title: 'Shirube backup, version 1',
    description:
      'A backup written by Shirube (`format: "shirube-backup"`): the chosen case records and assessments (a case comes ' +
      'with every run in it), the assessments as envelopes of schema version 4, no two records with the same id. Older ' +
      'envelope versions are migrated when read. ' +
      CODE_ONLY,
    schema: BackupV1Schema,
    defs: {
      CaseRecord: CaseRecordSchema,
      Envelope: EnvelopeV4Schema,
      Outcome: FullOutcomeSchema,
      HistoryEntry: HistoryEntrySchema,
      FactValue,
    },
  },
  {
    file: 'scenario-pack.schema.json',
    title: 'APPI scenario pack, version 1',
    description:
      'Worked cases in the canonical facts of flows.md, with the outcome each should get (spec/scenario-pack.md); ' +
      'run by `npm run scenarios`. Each expectation key is optional, and only what is given is checked. ' +
      CODE_ONLY,
    schema: PackSchema,
    defs: { Scenario: ScenarioSchema, FactValue },
  },
];

/** One published schema as a JSON value: metadata first, then what valibot says. */
export function jsonSchemaOf(p: Published): Record<string, unknown> {
  const { $schema, ...rest } = toJsonSchema(p.schema, {
    // The JSON Schema shows what a JSON object holds; the array check before it exists only for valibot.
    typeMode: 'output',
    // Checks only code can make (a date Date.parse reads, a carried-over fact that is answered, facts against their
    // flow): the README lists them.
    ignoreActions: ['check', 'raw_check', 'partial_check'],
    definitions: p.defs,
  });
  return { $schema, title: p.title, description: p.description, ...rest };
}

/** Every published file's text, formatted as the repository formats JSON. */
export async function renderSchemas(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of PUBLISHED) {
    const path = join(SCHEMA_DIR, p.file);
    const options = (await resolveConfig(path)) ?? {};
    out.set(p.file, await format(JSON.stringify(jsonSchemaOf(p), null, 2), { ...options, filepath: path }));
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rendered = await renderSchemas();
  if (process.argv.includes('--check')) {
    const present = existsSync(SCHEMA_DIR) ? readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json')) : [];
    const stale = [
      ...[...rendered]
        .filter(([file, text]) => !present.includes(file) || readFileSync(join(SCHEMA_DIR, file), 'utf8') !== text)
        .map(([f]) => f),
      ...present.filter((f) => !rendered.has(f)),
    ];
    for (const file of stale) console.log(`STALE docs/schema/${file}`);
    console.log(stale.length ? 'docs/schema is not current: run `npm run schemas`' : 'docs/schema is current');
    process.exitCode = stale.length ? 1 : 0;
  } else {
    mkdirSync(SCHEMA_DIR, { recursive: true });
    for (const [file, text] of rendered) {
      writeFileSync(join(SCHEMA_DIR, file), text);
      console.log(`wrote docs/schema/${file}`);
    }
  }
}
