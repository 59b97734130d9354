// Restoring a backup, and importing any file the app exports (an assessment, a case, a PDF): first a plan listing every
// record in the file — new here, identical to what is here, or different — with a choice for each (add, keep both,
// replace, skip) and safe defaults; then one write of what was chosen, all or nothing.

import { todayInJapan } from '../domain/dates';
import type { FlowId } from '../domain/types';
import { fileSizeProblem, importFile, type ImportProblem } from '../report/json';
import { rekeyBundle, type CaseRecord } from '../storage/cases';
import { recheck, type Envelope } from '../storage/envelope';
import type { RestoreWrite, StoredVersions } from '../storage/restore';

/** What the device holds of a record in the file. */
export type RecordState = 'new' | 'identical' | 'different';

/**
 * `add`: a new record as it is. `keep-both`: a copy with new ids and a title saying so, beside the one here.
 * `replace`: the file's version over the one here. `skip`: nothing.
 */
export type RestoreChoice = 'add' | 'keep-both' | 'replace' | 'skip';

export interface PlanItem {
  /** Unique in the plan: `c:<id>` or `a:<id>` (the id in the file). */
  key: string;
  kind: 'case' | 'assessment';
  id: string;
  title: string;
  /** The assessment's flow; for a case, its runs' flows in order. */
  flows: FlowId[];
  /** The case record (kind 'case'). */
  case: CaseRecord | null;
  /** The assessment, or the case's runs in the file. */
  runs: Envelope[];
  state: RecordState;
  /** The choices that make sense for this state; the first is the default. */
  choices: RestoreChoice[];
  /** Replacing it would overwrite a record signed off on this device: only done when the person confirms it. */
  replacesSignedOff: boolean;
  /** Runs whose saved verdict is not what the current rules give for their answers (kept as evidence). */
  outcomesDiffer: number;
  /** An assessment of a case that is neither on this device nor in the file: added as a stand-alone record. */
  detached: boolean;
}

export interface RestorePlan {
  /** What the file was. */
  source: 'backup' | 'case' | 'assessment';
  items: PlanItem[];
}

export type RestorePlanResult = { ok: true; plan: RestorePlan } | { ok: false; problem: ImportProblem };

/** What this device holds, asked before anything is written (storage/restore.ts readStoredVersions). */
export type RestoreProbe = (ids: { assessments: string[]; cases: string[] }) => Promise<StoredVersions>;

/** A file as the browser gives it: its size is checked before its bytes are read. */
export interface FileLike {
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const sameAssessment = (env: Envelope, stored: StoredVersions['assessments']): RecordState => {
  const s = stored.get(env.id);
  if (!s) return 'new';
  // Every save bumps rev and updatedAt: both equal means the same saved version.
  return s.rev === env.rev && s.updatedAt === env.updatedAt && s.caseId === env.caseId ? 'identical' : 'different';
};

const choicesFor = (state: RecordState): RestoreChoice[] =>
  state === 'new' ? ['add', 'skip'] : state === 'identical' ? ['skip', 'keep-both', 'replace'] : ['keep-both', 'replace', 'skip'];

const differing = (runs: readonly Envelope[]) => runs.filter((r) => recheck(r).differs).length;

/** Reads the file and says, record by record, what restoring it would do. Nothing is written. */
export async function planRestore(file: FileLike, probe: RestoreProbe, now: Date = new Date()): Promise<RestorePlanResult> {
  const tooLarge = fileSizeProblem(file.size);
  if (tooLarge) return { ok: false, problem: tooLarge };
  const r = importFile(new Uint8Array(await file.arrayBuffer()), { today: todayInJapan(now) });
  if (!r.ok) return r;
  const { source, cases, assessments } =
    r.kind === 'backup'
      ? { source: 'backup' as const, cases: r.backup.cases, assessments: r.backup.assessments }
      : r.kind === 'case'
        ? { source: 'case' as const, cases: [r.bundle.case], assessments: r.bundle.runs }
        : { source: 'assessment' as const, cases: [], assessments: [r.envelope] };

  const inFile = new Set(cases.map((c) => c.id));
  // The file's cases, and the cases its other assessments belong to (on this device, or nowhere).
  const outside = new Set(assessments.flatMap((a) => (a.caseId !== null && !inFile.has(a.caseId) ? [a.caseId] : [])));
  const stored = await probe({ assessments: assessments.map((a) => a.id), cases: [...inFile, ...outside] });

  const runsOf = new Map<string, Envelope[]>();
  const items: PlanItem[] = [];
  for (const a of assessments) {
    if (a.caseId !== null && inFile.has(a.caseId)) {
      runsOf.set(a.caseId, [...(runsOf.get(a.caseId) ?? []), a]);
      continue;
    }
    // A run whose case is nowhere (exported alone from a case on another device) would be listed nowhere: stand-alone.
    const detached = a.caseId !== null && !stored.cases.has(a.caseId);
    const env = detached ? { ...a, caseId: null, chainedFrom: null } : a;
    const state = sameAssessment(a, stored.assessments);
    items.push({
      key: `a:${a.id}`,
      kind: 'assessment',
      id: a.id,
      title: a.title,
      flows: [a.flow],
      case: null,
      runs: [env],
      state,
      choices: choicesFor(state),
      replacesSignedOff: stored.assessments.get(a.id)?.signedOff ?? false,
      outcomesDiffer: differing([env]),
      detached,
    });
  }
  const caseItems = cases.map((c): PlanItem => {
    const runs = (runsOf.get(c.id) ?? []).sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id));
    const here = stored.cases.get(c.id);
    const runStates = runs.map((x) => sameAssessment(x, stored.assessments));
    const state: RecordState =
      !here && runStates.every((s) => s === 'new')
        ? 'new'
        : here &&
            here.title === c.title &&
            here.updatedAt === c.updatedAt &&
            here.archived === c.archived &&
            runStates.every((s) => s === 'identical')
          ? 'identical'
          : 'different';
    return {
      key: `c:${c.id}`,
      kind: 'case',
      id: c.id,
      title: c.title,
      flows: runs.map((x) => x.flow),
      case: c,
      runs,
      state,
      choices: choicesFor(state),
      replacesSignedOff: runs.some((x) => stored.assessments.get(x.id)?.signedOff ?? false),
      outcomesDiffer: differing(runs),
      detached: false,
    };
  });
  return { ok: true, plan: { source, items: [...caseItems, ...items] } };
}

/** The choice of each item (by key); an item not listed gets its default. */
export type RestoreChoices = Readonly<Record<string, RestoreChoice>>;

export interface RestoreOutcome {
  /** What was written, as it is now stored (a kept copy under its new id and title). */
  added: { kind: 'case' | 'assessment'; id: string; title: string }[];
  replaced: { kind: 'case' | 'assessment'; id: string; title: string }[];
  skipped: number;
}

export const choiceOf = (item: PlanItem, choices: RestoreChoices): RestoreChoice => {
  const c = choices[item.key];
  return c && item.choices.includes(c) ? c : item.choices[0]!;
};

/** Items the person chose to replace although they are signed off here, and has not confirmed. */
export const unconfirmedReplacements = (plan: RestorePlan, choices: RestoreChoices, confirmed: ReadonlySet<string>): PlanItem[] =>
  plan.items.filter((i) => i.replacesSignedOff && choiceOf(i, choices) === 'replace' && !confirmed.has(i.key));

export type RestoreBuild = { ok: true; write: RestoreWrite; outcome: RestoreOutcome } | { ok: false; unconfirmed: PlanItem[] };

/**
 * The write the choices make. A replaced record is stored one revision past both versions, so a tab with it open is
 * told its copy is stale instead of saving over the restored one.
 */
export function buildRestore(
  plan: RestorePlan,
  choices: RestoreChoices,
  ctx: {
    stored: StoredVersions;
    confirmed: ReadonlySet<string>;
    newId: () => string;
    copyTitle: (title: string) => string;
  },
): RestoreBuild {
  const unconfirmed = unconfirmedReplacements(plan, choices, ctx.confirmed);
  if (unconfirmed.length) return { ok: false, unconfirmed };
  const write: RestoreWrite = { add: { cases: [], assessments: [] }, put: { cases: [], assessments: [] } };
  const outcome: RestoreOutcome = { added: [], replaced: [], skipped: 0 };
  const bump = (e: Envelope): Envelope => {
    const here = ctx.stored.assessments.get(e.id);
    return here ? { ...e, rev: Math.max(here.rev ?? 0, e.rev) + 1 } : e;
  };
  for (const item of plan.items) {
    const choice = choiceOf(item, choices);
    if (choice === 'skip') {
      outcome.skipped++;
      continue;
    }
    if (item.kind === 'case' && item.case) {
      const bundle = { format: 'shirube-case' as const, schemaVersion: 4 as const, case: item.case, runs: item.runs };
      if (choice === 'replace') {
        write.put.cases.push(item.case);
        write.put.assessments.push(...item.runs.map(bump));
        outcome.replaced.push({ kind: 'case', id: item.case.id, title: item.case.title });
      } else {
        const b = choice === 'keep-both' ? rekeyBundle(bundle, ctx.newId, ctx.copyTitle(item.case.title)) : bundle;
        write.add.cases.push(b.case);
        write.add.assessments.push(...b.runs);
        outcome.added.push({ kind: 'case', id: b.case.id, title: b.case.title });
      }
      continue;
    }
    const env = item.runs[0]!;
    if (choice === 'replace') {
      write.put.assessments.push(bump(env));
      outcome.replaced.push({ kind: 'assessment', id: env.id, title: env.title });
    } else {
      // A kept copy is a record of its own: its link to a source run is kept only when added as it is.
      const e = choice === 'keep-both' ? { ...env, id: ctx.newId(), title: ctx.copyTitle(env.title) } : env;
      write.add.assessments.push(e);
      outcome.added.push({ kind: 'assessment', id: e.id, title: e.title });
    }
  }
  return { ok: true, write, outcome };
}

export interface RestoreDeps {
  probe: RestoreProbe;
  write: (w: RestoreWrite) => Promise<void>;
  newId: () => string;
  copyTitle: (title: string) => string;
  /** Told of every record written over one that was here (other tabs with it open learn it changed). */
  announce?: (change: { id: string; rev: number }) => void;
}

/**
 * Writes what the choices make of the plan, in one transaction. The device is asked again first: a record another
 * tab added since the plan was made fails the whole write rather than being overwritten.
 */
export async function commitRestore(
  plan: RestorePlan,
  choices: RestoreChoices,
  confirmed: ReadonlySet<string>,
  deps: RestoreDeps,
): Promise<RestoreBuild> {
  const ids = plan.items.flatMap((i) => i.runs.map((r) => r.id));
  const stored = await deps.probe({ assessments: ids, cases: plan.items.flatMap((i) => (i.case ? [i.case.id] : [])) });
  const built = buildRestore(plan, choices, { stored, confirmed, newId: deps.newId, copyTitle: deps.copyTitle });
  if (!built.ok) return built;
  await deps.write(built.write);
  for (const e of built.write.put.assessments) deps.announce?.({ id: e.id, rev: e.rev });
  return built;
}

/** How many items each choice gives (the preview's counts). */
export function countChoices(plan: RestorePlan, choices: RestoreChoices): Record<RestoreChoice, number> {
  const n: Record<RestoreChoice, number> = { add: 0, 'keep-both': 0, replace: 0, skip: 0 };
  for (const i of plan.items) n[choiceOf(i, choices)]++;
  return n;
}
