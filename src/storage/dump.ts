// A rescue copy of everything stored on this device, rows as they are (readable or not), for when the app itself
// cannot go on: nothing is validated or migrated on the way out, so nothing can be lost by it.

import { PLAIN, type RowCodec } from './codec';
import type { ShirubeDb } from './db';
import { classify } from './errors';

export const DUMP_FORMAT = 'shirube-rescue-dump';

/** In a locked library, `codec` opens the rows this tab can open; a row that does not open goes out as it is stored. */
async function opened(codec: RowCodec, rows: unknown[]): Promise<unknown[]> {
  return Promise.all(rows.map((row) => codec.decode(row).catch(() => row)));
}

export async function dumpDatabase(db: ShirubeDb, now: Date, codec: RowCodec = PLAIN): Promise<string> {
  try {
    const [rawAssessments, rawCases] = await Promise.all([db.assessments.toArray(), db.cases.toArray()]);
    const [assessments, cases] = await Promise.all([opened(codec, rawAssessments), opened(codec, rawCases)]);
    return `${JSON.stringify({ format: DUMP_FORMAT, version: 1, exportedAt: now.toISOString(), assessments, cases }, null, 2)}\n`;
  } catch (e) {
    throw classify(e);
  }
}
