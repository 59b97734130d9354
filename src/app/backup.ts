// Backups: one file holding the chosen records — one, a selection from the library, or everything on this device.

import type { AssessmentRepository } from '../storage/assessments';
import { writeBackup } from '../storage/backup';
import type { CaseRecord, CaseRepository } from '../storage/cases';
import type { Envelope } from '../storage/envelope';

export interface Selection {
  assessments: readonly string[];
  cases: readonly string[];
}

export interface BackupFile {
  text: string;
  fileName: string;
  /** How many of each went in (cases bring all their runs). */
  counts: { assessments: number; cases: number };
}

/** A backup of the selection (`'all'`: everything on this device). Runs of a chosen case go with it. */
export async function exportRecords(
  repos: { assessments: AssessmentRepository; cases: CaseRepository },
  selection: Selection | 'all',
  now: Date,
): Promise<BackupFile> {
  let cases: CaseRecord[];
  let assessments: Envelope[];
  if (selection === 'all') {
    cases = await repos.cases.records();
    assessments = (await repos.assessments.all()).records;
  } else {
    cases = (await Promise.all(selection.cases.map((id) => repos.cases.get(id)))).filter((c): c is CaseRecord => c !== undefined);
    const runs = (await Promise.all(cases.map((c) => repos.cases.runs(c.id)))).flatMap((r) => r.runs);
    const chosen = (await Promise.all(selection.assessments.map((id) => repos.assessments.get(id)))).filter(
      (e): e is Envelope => e !== undefined,
    );
    const byId = new Map([...runs, ...chosen].map((e) => [e.id, e]));
    assessments = [...byId.values()];
  }
  const day = now.toISOString().slice(0, 10);
  return {
    text: writeBackup(cases, assessments, now),
    fileName: selection === 'all' ? `shirube-backup-all-${day}.json` : `shirube-backup-${day}.json`,
    counts: { assessments: assessments.length, cases: cases.length },
  };
}
