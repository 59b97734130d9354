// What one can do with library entries — select for a backup, duplicate, archive, delete and undo, re-assess under the
// current rules: apart from the list itself (library.ts), so the home page's recent list does not load record steps.

import { compareOutcomes, type OutcomeChange } from '../domain/compare';
import { evaluate } from '../domain/evaluate';
import type { Outcome } from '../domain/types';
import type { AssessmentRepository } from '../storage/assessments';
import { CASE_FORMAT, CASE_SCHEMA_VERSION, type CaseBundle, type CaseRepository } from '../storage/cases';
import type { Envelope } from '../storage/envelope';
import { acceptCurrentRules, duplicate, setArchived, type RecordRefusal } from '../storage/record';
import type { Selection } from './backup';
import type { LibraryEntry } from './library';

/** The selected rows as a backup selection (a case brings all its runs). */
export function selectionOf(keys: Iterable<string>): Selection {
  const assessments: string[] = [];
  const cases: string[] = [];
  for (const k of keys) {
    if (k.startsWith('a:')) assessments.push(k.slice(2));
    else if (k.startsWith('c:')) cases.push(k.slice(2));
  }
  return { assessments, cases };
}

export interface LibraryRepos {
  assessments: AssessmentRepository;
  cases: CaseRepository;
}

/** The record was deleted meanwhile (in another tab, or on another screen since the list was read). */
export class MissingRecordError extends Error {
  constructor(
    readonly what: 'assessment' | 'case',
    readonly id: string,
  ) {
    super(`${what} ${id} is no longer stored`);
    this.name = 'MissingRecordError';
  }
}

const missing = (what: 'assessment' | 'case', id: string) => new MissingRecordError(what, id);

/** "Same incident, new facts": a copy of an assessment with its own id and no history or sign-off, saved. */
export async function duplicateRecord(repos: LibraryRepos, id: string, newId: string, title: string, now: Date): Promise<Envelope> {
  const env = await repos.assessments.get(id);
  if (!env) throw missing('assessment', id);
  const copy = duplicate(env, newId, title, now);
  await repos.assessments.save(copy);
  return copy;
}

/** Out of (or back into) the everyday view; nothing else about the record changes. */
export async function setEntryArchived(repos: LibraryRepos, e: Pick<LibraryEntry, 'kind' | 'id'>, archived: boolean): Promise<void> {
  if (e.kind === 'case') {
    const rec = await repos.cases.get(e.id);
    if (!rec) throw missing('case', e.id);
    await repos.cases.save({ ...rec, archived });
    return;
  }
  const env = await repos.assessments.get(e.id);
  if (!env) throw missing('assessment', e.id);
  await repos.assessments.save(setArchived(env, archived));
}

/** What a delete took away, so an undo can put exactly that back. */
export type Removed = { kind: 'assessment'; envelope: Envelope } | { kind: 'case'; bundle: CaseBundle };

/**
 * Delete a row: an assessment, or a case with all its runs (one transaction: all or nothing). Everything is read
 * before anything is deleted, and returned for `restoreRemoved`.
 */
export async function removeEntry(repos: LibraryRepos, e: Pick<LibraryEntry, 'kind' | 'id'>): Promise<Removed> {
  if (e.kind === 'case') {
    const rec = await repos.cases.get(e.id);
    if (!rec) throw missing('case', e.id);
    const { runs } = await repos.cases.runs(e.id);
    await repos.cases.remove(e.id);
    return { kind: 'case', bundle: { format: CASE_FORMAT, schemaVersion: CASE_SCHEMA_VERSION, case: rec, runs } };
  }
  const envelope = await repos.assessments.get(e.id);
  if (!envelope) throw missing('assessment', e.id);
  await repos.assessments.remove(e.id);
  return { kind: 'assessment', envelope };
}

/**
 * Undo a delete: the case with every run as they were (one transaction), or the assessment as it was (its stored
 * revision counter moves on by one, as with any save).
 */
export async function restoreRemoved(repos: LibraryRepos, r: Removed): Promise<void> {
  if (r.kind === 'case') await repos.cases.importBundle(r.bundle);
  else await repos.assessments.save(r.envelope);
}

/** What the current rules make of a record assessed under older ones. */
export type Reassessment =
  /** Signed off: read-only, so assessing it again needs a new version. */
  | { kind: 'signed-off'; envelope: Envelope }
  /** The current rules ask questions this record has no answer to: answer them in the wizard. */
  | { kind: 'needs-answers'; envelope: Envelope }
  /** The current rules' result, and what changed from the saved one, for the person to accept. */
  | { kind: 'ready'; envelope: Envelope; before: Outcome | null; after: Outcome; change: OutcomeChange | null };

export function reassess(env: Envelope): Reassessment {
  if (env.signedOffAt) return { kind: 'signed-off', envelope: env };
  const r = evaluate(env.flow, env.facts);
  if (!r.ok) return { kind: 'needs-answers', envelope: env };
  return {
    kind: 'ready',
    envelope: env,
    before: env.outcome,
    after: r.outcome,
    change: env.outcome ? compareOutcomes(env.outcome, r.outcome) : null,
  };
}

/** Read the records to assess again (an assessment, or a case's runs made under older rules). */
export async function loadReassessments(repos: LibraryRepos, e: Pick<LibraryEntry, 'kind' | 'id' | 'outdated'>): Promise<Reassessment[]> {
  const out: Reassessment[] = [];
  for (const s of e.outdated) {
    const env = await repos.assessments.get(s.id);
    if (env) out.push(reassess(env));
  }
  return out;
}

/**
 * Accept the current rules' result for a record: saved with its earlier verdict kept in priorOutcomes and the change in
 * its history (storage/record.ts acceptCurrentRules). A refusal (signed off, more answers needed) writes nothing.
 */
export async function acceptReassessment(repos: LibraryRepos, env: Envelope, now: Date): Promise<RecordRefusal | null> {
  const step = acceptCurrentRules(env, now);
  if (!step.ok) return step.refusal;
  await repos.assessments.save(step.envelope);
  return null;
}
