// Building blocks of the schemas at every boundary (envelope, case bundle, scenario pack), and reading their issues.

import {
  array,
  check,
  custom,
  metadata,
  nonEmpty,
  null_,
  number,
  pipe,
  rawCheck,
  record,
  string,
  union,
  type BaseIssue,
  type GenericSchema,
} from 'valibot';
import { questionOf, type FlowDefinition } from './engine';
import { checkValue } from './validate';

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

/**
 * An instant as the app writes it (`Date.toISOString()`). Reading accepts whatever `Date.parse` does, as every
 * earlier build did; the JSON Schema states the format writers use.
 */
export const Instant = pipe(
  string(),
  check((s) => !Number.isNaN(Date.parse(s))),
  metadata({ format: 'date-time' }),
);

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

/**
 * Facts of one flow: every fact id must be one of its questions and every value valid for it. One issue per bad
 * fact, in the document's order, at `facts.<id>`; the message says which of the two it is.
 */
export function flowFacts(def: FlowDefinition<string>) {
  return pipe(
    JsonObject,
    // Walks the object as given (valibot's record skips keys such as "constructor", which are unknown facts here).
    rawCheck<Record<string, unknown>>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const facts = dataset.value;
      for (const [key, value] of Object.entries(facts)) {
        const q = questionOf(def, key);
        const problem = q ? checkValue(q, value) : null;
        if (q && !problem) continue;
        const message = q ? `bad value ${JSON.stringify(value)} (${problem})` : `unknown fact for flow ${def.id}`;
        addIssue({ message, path: [{ type: 'object', origin: 'value', input: facts, key, value }] });
      }
    }),
  );
}

/** The object keys leading to an issue (`facts.persons`); a problem inside a list is the list's problem. */
export function issueKeys(issue: BaseIssue<unknown>): string[] {
  const keys: string[] = [];
  for (const item of issue.path ?? []) {
    if (item.type === 'array') break;
    keys.push(String(item.key));
  }
  return keys;
}
