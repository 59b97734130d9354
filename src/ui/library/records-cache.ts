// The records last read on this tab (by the home page or the library), per repository: returning to the library draws
// them at once while it reads them again, instead of a blank page for the second a read of thousands takes.

import type { AssessmentRepository } from '../../storage/assessments';
import type { CaseRecord } from '../../storage/cases';
import type { RecordSummary } from '../../storage/summary';

export interface RecordsSnapshot {
  summaries: RecordSummary[];
  cases: CaseRecord[];
  unreadable: number;
}

const last = new WeakMap<AssessmentRepository, RecordsSnapshot>();

export const lastRecords = (repo: AssessmentRepository): RecordsSnapshot | undefined => last.get(repo);

export function rememberRecords(repo: AssessmentRepository, snapshot: RecordsSnapshot): void {
  last.set(repo, snapshot);
}
