// Building blocks of the schemas at every boundary (envelope, case bundle, scenario pack), and reading their issues.

import {
  array,
  check,
  custom,
  maxLength,
  metadata,
  nonEmpty,
  null_,
  number,
  pipe,
  record,
  regex,
  string,
  union,
  type BaseIssue,
  type GenericSchema,
} from 'valibot';

export const isJsonObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
export const JsonObject = custom<Record<string, unknown>>(isJsonObject);

/**
 * A JSON object holding what `schema` says. Valibot's object schemas also accept arrays, which JSON Schema's
 * `"type": "object"` and these formats never did: an array is refused first (the JSON Schema shows only `schema`).
 */
export function jsonObject<const S extends GenericSchema>(schema: S, message?: string) {
  return pipe(custom<unknown>(isJsonObject, message), schema);
}

export const NonEmptyString = pipe(string(), nonEmpty());

/** The longest title (a record's or a case's): what the forms allow, so an import cannot exceed it. */
export const TITLE_MAX = 200;
/** The longest reason beside an answer, and the longest name of an assessor or reviewer. */
export const NOTE_MAX = 2000;
export const NAME_MAX = 100;

/**
 * A record or case id: printable ASCII only, so it is safe in a URL, a file name and an IndexedDB key (an id with a
 * lone surrogate once made the home list throw and hid every record).
 */
export const RecordId = pipe(string(), regex(/^[\x21-\x7e]{1,128}$/), metadata({ pattern: '^[\\x21-\\x7e]{1,128}$' }));

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/;
/** A real calendar instant between 2000 and 2099, written as `Date.toISOString()` writes it. */
export function isInstant(s: string): boolean {
  const m = INSTANT.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && y <= 2099 && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/**
 * An instant as the app writes it (`Date.toISOString()`): impossible dates ("2026-02-30"), bare numbers and far
 * futures (9999-12-31, which would sort first forever) are refused.
 */
export const Instant = pipe(string(), check(isInstant), metadata({ format: 'date-time' }));

/** A title as the forms take it: any text up to TITLE_MAX characters. */
export const Title = pipe(string(), maxLength(TITLE_MAX));

/** What any fact value can be; which one a fact takes is its question's business (checked by `flowFacts`). */
export const FactValue = union([string(), number(), array(string()), null_()]);

/**
 * Facts of some flow, checked only as JSON: the JSON Schema's view, which cannot know the flows' questions. Marked
 * pure so the app's bundle, which reads facts only against their flow, leaves it out.
 */
export const AnyFacts = /* @__PURE__ */ jsonObject(
  pipe(
    record(string(), FactValue),
    metadata({
      description:
        'Answers by fact id (flows.md). Which ids a flow has and what each may hold (yes/no/unsure, an option, a list of ' +
        'options, a count or "unknown", a date or null) is checked by the app against its flow definitions.',
    }),
  ),
  'missing or not an object',
);

/** The object keys leading to an issue (`facts.persons`); a problem inside a list is the list's problem. */
export function issueKeys(issue: BaseIssue<unknown>): string[] {
  const keys: string[] = [];
  for (const item of issue.path ?? []) {
    if (item.type === 'array') break;
    keys.push(String(item.key));
  }
  return keys;
}
