// The schema of one flow's facts (every id one of its questions, every value valid for it): apart from the other schema
// parts, because it needs the flow engine, which the first load does not carry.

import { pipe, rawCheck } from 'valibot';
import { questionOf, type FlowDefinition } from './engine';
import { JsonObject } from './schema-parts';
import { checkValue } from './validate';

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
