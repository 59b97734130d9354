// The library's view of a record, kept beside it in IndexedDB: small enough to list and search ten thousand records
// without reading them, and computed with the current rules — a list never shows a verdict the answers do not give.

import { evaluate } from '../domain/evaluate';
import { RULES_REVISION } from '../domain/ruleset';
import type { FactValue, FlowId } from '../domain/types';
import type { Envelope } from './envelope';
import { provideSummary } from './record-logic';

export type RecordStatus = 'in-progress' | 'done' | 'signed-off';

export interface RecordSummary {
  id: string;
  flow: FlowId;
  caseId: string | null;
  title: string;
  /** The verdict the current rules give for the answers; null while the run is not complete. */
  verdict: string | null;
  provisional: boolean;
  status: RecordStatus;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  ruleset: string;
  /** The rules revision the saved verdict was made under. */
  rulesRevision: string;
  /** Made under an older revision of the rules than this build's (the library offers to assess it again). */
  outdated: boolean;
  /** The saved verdict is not what the current rules give for its answers (kept as evidence until re-assessed). */
  savedDiffers: boolean;
  assessor: string;
  reviewer: string;
  signedOffAt: string | null;
  /** For search over answers and the reasons beside them. */
  facts: Record<string, FactValue>;
  notes: string[];
  /** The rules revision this summary was computed with: summaries are computed again when the rules change. */
  computedWith: string;
}

export function summarize(env: Envelope): RecordSummary {
  const r = evaluate(env.flow, env.facts);
  const current = r.ok ? r.outcome : null;
  return {
    id: env.id,
    flow: env.flow,
    caseId: env.caseId,
    title: env.title,
    verdict: current?.outcome ?? null,
    provisional: current?.provisional ?? false,
    status: env.signedOffAt ? 'signed-off' : current && env.outcome ? 'done' : 'in-progress',
    archived: env.archived,
    createdAt: env.createdAt,
    updatedAt: env.updatedAt,
    ruleset: env.ruleset,
    rulesRevision: env.rulesRevision,
    outdated: env.outcome !== null && env.rulesRevision !== RULES_REVISION,
    savedDiffers: env.outcome !== null && JSON.stringify(env.outcome) !== JSON.stringify(current),
    assessor: env.assessor,
    reviewer: env.reviewer,
    signedOffAt: env.signedOffAt,
    facts: env.facts,
    notes: Object.values(env.answerNotes),
    computedWith: RULES_REVISION,
  };
}

// Storage summarises records through this module without importing it (storage/record-logic.ts).
provideSummary({ summarize });
