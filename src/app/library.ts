// The library's application layer: records and cases as listed rows, their search text, filters and sorts (pure), and
// what the library does to records — duplicate, archive, delete with undo, re-assess under the current rules, export.

import { compareOutcomes, type OutcomeChange } from '../domain/compare';
import { todayInJapan } from '../domain/dates';
import { evaluate } from '../domain/evaluate';
import type { FactValue, FlowId, Outcome } from '../domain/types';
import type { AssessmentRepository } from '../storage/assessments';
import { CASE_FORMAT, CASE_SCHEMA_VERSION, type CaseBundle, type CaseRecord, type CaseRepository } from '../storage/cases';
import type { Envelope } from '../storage/envelope';
import { acceptCurrentRules, duplicate, setArchived, type RecordRefusal } from '../storage/record';
import type { RecordStatus, RecordSummary } from '../storage/summary';
import type { Selection } from './backup';

/** One row of the library: a stand-alone assessment, or a case with its runs. */
export interface LibraryEntry {
  /** Unique across kinds: `a:<id>` or `c:<id>`. */
  key: string;
  kind: 'assessment' | 'case';
  id: string;
  title: string;
  /** The assessment's flow, or the flows of the case's runs (each once, in the order they were started). */
  flows: FlowId[];
  /** The assessment itself, or the case's runs, oldest first. */
  runs: RecordSummary[];
  status: RecordStatus;
  archived: boolean;
  createdAt: string;
  /** For a case, when it or any of its runs was last updated. */
  updatedAt: string;
  /** `updatedAt` as a day in Japan (YYYY-MM-DD), for the date-range filter. */
  updatedDay: string;
  /** Runs whose saved verdict was made under older rules (the library offers to assess them again). */
  outdated: RecordSummary[];
  /** Signed off (for a case: any of its runs is): deleting asks first. */
  signedOff: boolean;
}

export const entryKey = (kind: LibraryEntry['kind'], id: string): string => `${kind === 'case' ? 'c' : 'a'}:${id}`;

const byCreated = (a: RecordSummary, b: RecordSummary) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** A run's verdict as the library shows it: the current rules' verdict of a finished run, else none. */
export const shownVerdict = (s: RecordSummary): string | null => (s.status !== 'in-progress' ? s.verdict : null);

function caseStatus(runs: readonly RecordSummary[]): RecordStatus {
  if (runs.length === 0 || runs.some((r) => r.status === 'in-progress')) return 'in-progress';
  return runs.every((r) => r.status === 'signed-off') ? 'signed-off' : 'done';
}

/**
 * The library's rows: every case on the device with its runs, and every assessment that is not in one of them (a run
 * whose case is not on this device is listed on its own rather than hidden). A row that cannot be built is counted in
 * `skipped`, never allowed to hide the others.
 */
export function libraryEntries(
  summaries: readonly RecordSummary[],
  cases: readonly CaseRecord[],
): { entries: LibraryEntry[]; skipped: number } {
  const caseIds = new Set(cases.map((c) => c.id));
  const byCase = new Map<string, RecordSummary[]>();
  const entries: LibraryEntry[] = [];
  let skipped = 0;
  for (const s of summaries) {
    try {
      if (s.caseId !== null && caseIds.has(s.caseId)) {
        const list = byCase.get(s.caseId);
        if (list) list.push(s);
        else byCase.set(s.caseId, [s]);
        continue;
      }
      entries.push({
        key: entryKey('assessment', s.id),
        kind: 'assessment',
        id: s.id,
        title: s.title,
        flows: [s.flow],
        runs: [s],
        status: s.status,
        archived: s.archived,
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
        updatedDay: todayInJapan(new Date(s.updatedAt)),
        outdated: s.outdated ? [s] : [],
        signedOff: s.status === 'signed-off',
      });
    } catch {
      skipped++;
    }
  }
  for (const c of cases) {
    try {
      const runs = (byCase.get(c.id) ?? []).sort(byCreated);
      const updatedAt = runs.reduce((latest, r) => (r.updatedAt > latest ? r.updatedAt : latest), c.updatedAt);
      entries.push({
        key: entryKey('case', c.id),
        kind: 'case',
        id: c.id,
        title: c.title,
        flows: [...new Set(runs.map((r) => r.flow))],
        runs,
        status: caseStatus(runs),
        archived: c.archived,
        createdAt: c.createdAt,
        updatedAt,
        updatedDay: todayInJapan(new Date(updatedAt)),
        outdated: runs.filter((r) => r.outdated),
        signedOff: runs.some((r) => r.status === 'signed-off'),
      });
    } catch {
      skipped++;
    }
  }
  return { entries, skipped };
}

// --- Search ---------------------------------------------------------------------------------------------------------

/** Case- and width-insensitive text for matching: full-width letters and digits, half-width kana and the like fold (NFKC). */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The words of a query; a record matches when its text holds every one. */
export function queryTerms(query: string): string[] {
  return normalize(query)
    .split(/\s+/u)
    .filter((w) => w.length > 0);
}

/** An answer as the person reads it in the current language (an option's label, はい, "10人", a date). */
export type AnswerLabel = (flow: FlowId, factId: string, value: FactValue) => string;

/**
 * The search text of each record — its title, the reasons beside its answers and its answers as read — built once per
 * language and kept while the record is unchanged, so typing a query only compares strings.
 */
export class SearchIndex {
  private readonly labels = new Map<string, string>();
  private readonly runs = new Map<string, { stamp: string; text: string }>();

  constructor(private readonly label: AnswerLabel) {}

  /** Labels repeat across records (はい, 個人データ…): each distinct answer is read once. */
  private answer(flow: FlowId, factId: string, value: FactValue): string {
    const k = `${flow}\u0000${factId}\u0000${JSON.stringify(value)}`;
    let text = this.labels.get(k);
    if (text === undefined) {
      let shown = '';
      try {
        shown = this.label(flow, factId, value);
      } catch {
        // A label that cannot be read leaves the value itself searchable.
      }
      // Counts are also found as plain digits ("1000" as well as "1,000人"), dates as written (2026-03-02).
      const raw = typeof value === 'number' || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) ? String(value) : '';
      text = normalize([shown, raw].filter(Boolean).join(' '));
      this.labels.set(k, text);
    }
    return text;
  }

  /** One run's text (cached while its title, answers and reasons are unchanged). */
  runText(s: RecordSummary): string {
    const stamp = `${s.updatedAt}\u0000${s.title}`;
    const cached = this.runs.get(s.id);
    if (cached && cached.stamp === stamp) return cached.text;
    const parts = [normalize(s.title), ...s.notes.map(normalize)];
    for (const [id, v] of Object.entries(s.facts)) parts.push(this.answer(s.flow, id, v));
    const text = parts.join('\n');
    this.runs.set(s.id, { stamp, text });
    return text;
  }

  /** A row's text: for a case, its title and the text of every run in it. */
  entryText(e: LibraryEntry): string {
    if (e.kind === 'assessment' && e.runs[0]) return this.runText(e.runs[0]);
    return [normalize(e.title), ...e.runs.map((r) => this.runText(r))].join('\n');
  }
}

// --- Filters and sorts ----------------------------------------------------------------------------------------------

export type ArchivedFilter = 'active' | 'archived' | 'all';

export interface LibraryFilter {
  query: string;
  flow: FlowId | null;
  /** A verdict of one flow (verdict ids are per flow). */
  verdict: { flow: FlowId; outcome: string } | null;
  status: RecordStatus | null;
  /** Archived rows are hidden unless asked for. */
  archived: ArchivedFilter;
  /** Last updated on or after / on or before these days in Japan (YYYY-MM-DD), inclusive. */
  from: string | null;
  to: string | null;
}

export const NO_FILTER: LibraryFilter = { query: '', flow: null, verdict: null, status: null, archived: 'active', from: null, to: null };

export type LibrarySort = 'updated' | 'created' | 'title';
export const LIBRARY_SORTS: readonly LibrarySort[] = ['updated', 'created', 'title'];

/**
 * The rows that pass every filter, in their given order (sort first, once, then filter as the person types). `text`
 * gives a row's search text, built beforehand (SearchIndex), so a keystroke only compares strings.
 */
export function filterEntries(entries: readonly LibraryEntry[], text: (e: LibraryEntry) => string, f: LibraryFilter): LibraryEntry[] {
  const terms = queryTerms(f.query);
  const out: LibraryEntry[] = [];
  for (const e of entries) {
    if (f.archived === 'active' ? e.archived : f.archived === 'archived' ? !e.archived : false) continue;
    if (f.status && e.status !== f.status) continue;
    if (f.flow && !e.flows.includes(f.flow)) continue;
    const v = f.verdict;
    if (v && !e.runs.some((r) => r.flow === v.flow && shownVerdict(r) === v.outcome)) continue;
    if (f.from && e.updatedDay < f.from) continue;
    if (f.to && e.updatedDay > f.to) continue;
    if (terms.length) {
      const t = text(e);
      if (!terms.every((w) => t.includes(w))) continue;
    }
    out.push(e);
  }
  return out;
}

/** Newest first by update or creation, or by title in the language's order; ties keep a stable order by key. */
export function sortEntries(
  entries: readonly LibraryEntry[],
  sort: LibrarySort,
  collator: Intl.Collator = new Intl.Collator(),
): LibraryEntry[] {
  const tie = (a: LibraryEntry, b: LibraryEntry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const sorted = [...entries];
  if (sort === 'title') sorted.sort((a, b) => collator.compare(a.title, b.title) || tie(a, b));
  else {
    const field = sort === 'created' ? 'createdAt' : 'updatedAt';
    sorted.sort((a, b) => (a[field] < b[field] ? 1 : a[field] > b[field] ? -1 : tie(a, b)));
  }
  return sorted;
}

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

/** A record id for a URL: null when it could not be written into one (a lone surrogate), so one bad row cannot throw. */
export function idForUrl(id: string): string | null {
  try {
    return encodeURIComponent(id);
  } catch {
    return null;
  }
}

// --- Working with records -------------------------------------------------------------------------------------------

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
