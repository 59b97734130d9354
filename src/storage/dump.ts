// A rescue copy of everything stored on this device, rows as they are (readable or not), for when the app itself
// cannot go on: nothing is validated or migrated on the way out, so nothing can be lost by it.

import type { ShirubeDb } from './db';
import { classify } from './errors';

export const DUMP_FORMAT = 'shirube-rescue-dump';

export async function dumpDatabase(db: ShirubeDb, now: Date): Promise<string> {
  try {
    const [assessments, cases] = await Promise.all([db.assessments.toArray(), db.cases.toArray()]);
    return `${JSON.stringify({ format: DUMP_FORMAT, version: 1, exportedAt: now.toISOString(), assessments, cases }, null, 2)}\n`;
  } catch (e) {
    throw classify(e);
  }
}
