// Importing an exported file (JSON or a PDF made by the app): first a plan of what would be added — as a copy when
// it clashes with something on this device, never overwriting — then, separately, writing it.

import { recheck, type Envelope, type EnvelopeProblem } from '../storage/envelope';
import { rekeyBundle, type CaseBundle, type CaseProblem } from '../storage/cases';
import { importFile } from '../report/json';

export type ImportPlan =
  | {
      kind: 'assessment';
      envelope: Envelope;
      /** The id was taken on this device: it is added as a copy with a new id and title. */
      asCopy: boolean;
      /** Its saved verdict is not what the current rules give for its answers (kept as evidence). */
      outcomeDiffers: boolean;
    }
  | { kind: 'case'; bundle: CaseBundle; asCopy: boolean; runsThatDiffer: number };

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; problem: EnvelopeProblem | CaseProblem };

/** What this device already holds, asked before anything is written. */
export interface ImportProbe {
  assessmentExists(id: string): Promise<boolean>;
  caseClashes(bundle: CaseBundle): Promise<boolean>;
}

export interface ImportWriter {
  saveAssessment(env: Envelope): Promise<void>;
  /** Writes a case with all its runs in one transaction, or nothing. */
  importCase(bundle: CaseBundle): Promise<void>;
}

/** Reads and validates the file, and says what importing it would add. Nothing is written. */
export async function planImport(
  bytes: Uint8Array,
  probe: ImportProbe,
  newId: () => string,
  copyTitle: (title: string) => string,
): Promise<PlanResult> {
  const r = importFile(bytes);
  if (!r.ok) return r;
  if (r.kind === 'case') {
    const clash = await probe.caseClashes(r.bundle);
    const bundle = clash ? rekeyBundle(r.bundle, newId, copyTitle(r.bundle.case.title)) : r.bundle;
    return {
      ok: true,
      plan: { kind: 'case', bundle, asCopy: clash, runsThatDiffer: bundle.runs.filter((x) => recheck(x).differs).length },
    };
  }
  const clash = await probe.assessmentExists(r.envelope.id);
  const envelope = clash ? { ...r.envelope, id: newId(), title: copyTitle(r.envelope.title) } : r.envelope;
  return { ok: true, plan: { kind: 'assessment', envelope, asCopy: clash, outcomeDiffers: recheck(envelope).differs } };
}

export async function commitImport(plan: ImportPlan, writer: ImportWriter): Promise<void> {
  if (plan.kind === 'case') await writer.importCase(plan.bundle);
  else await writer.saveAssessment(plan.envelope);
}
