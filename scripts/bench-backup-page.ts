// The bench's page script for backup and restore: compiled by scripts/bench-backup.ts (Vite's build API, an IIFE outside
// dist/) and injected into the app's page, it seeds records with the library bench's seed, writes the backup of
// everything, and restores it into an empty database with the app's own plan and one-transaction write — timed there.

import { commitRestore, planRestore, type RestoreDeps } from '../src/app/restore';
import { AssessmentRepository } from '../src/storage/assessments';
import { writeBackup } from '../src/storage/backup';
import { CaseRepository } from '../src/storage/cases';
import { openDb } from '../src/storage/db';
import { readStoredVersions, writeRestore } from '../src/storage/restore';
import { seed, type SeedScenario } from './bench-library-seed';

export interface BackupFigures {
  assessments: number;
  cases: number;
  fileMb: number;
  /** Reading every record and writing the file's text. */
  exportMs: number;
  /** Reading, validating and migrating the file, and asking the (empty) database what it holds. */
  planMs: number;
  /** The one transaction writing every record and summary. */
  commitMs: number;
  /** The same file planned again over the restored records (all identical). */
  planAgainMs: number;
  restored: number;
}

export async function run(total: number, scenarios: readonly SeedScenario[]): Promise<BackupFigures> {
  await seed(total, scenarios);
  const source = openDb();
  const t0 = performance.now();
  const [cases, all] = await Promise.all([new CaseRepository(source).records(), new AssessmentRepository(source).all()]);
  const text = writeBackup(cases, all.records, new Date());
  const exportMs = performance.now() - t0;
  source.close();

  // Restored into an empty database of the same origin (the app's own stays open in the page).
  const name = `shirube-bench-restore-${Date.now()}`;
  const target = openDb(name);
  let n = 0;
  const deps: RestoreDeps = {
    probe: (ids) => readStoredVersions(target, ids),
    write: (w) => writeRestore(target, w),
    newId: () => `bench-copy-${++n}`,
    copyTitle: (t) => `${t} (copy)`,
  };
  const file = new Blob([text], { type: 'application/json' });
  // The packs' scenarios carry dates after today (an import refuses those, as the wizard does): read as of a later day.
  const later = new Date(Date.UTC(2099, 0, 1));
  try {
    const t1 = performance.now();
    const planned = await planRestore(file, deps.probe, later);
    const planMs = performance.now() - t1;
    if (!planned.ok) throw new Error(`the backup was refused: ${JSON.stringify(planned.problem)}`);
    const t2 = performance.now();
    const done = await commitRestore(planned.plan, {}, new Set(), deps);
    const commitMs = performance.now() - t2;
    if (!done.ok) throw new Error('the restore needed confirmations');
    const t3 = performance.now();
    const again = await planRestore(file, deps.probe, later);
    const planAgainMs = performance.now() - t3;
    if (!again.ok || again.plan.items.some((i) => i.state !== 'identical')) throw new Error('the restored records differ from the file');
    return {
      assessments: all.records.length,
      cases: cases.length,
      fileMb: file.size / 1e6,
      exportMs,
      planMs,
      commitMs,
      planAgainMs,
      restored: await target.assessments.count(),
    };
  } finally {
    await target.delete();
  }
}
