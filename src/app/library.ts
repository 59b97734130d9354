// The library's list: records and cases as listed rows, their search text, filters and sorts (pure). What the library
// does to records is library-actions.ts.

import { todayInJapan } from '../domain/dates';
import type { FactValue, FlowId } from '../domain/types';
import type { CaseRecord } from '../storage/cases';
import type { RecordStatus, RecordSummary } from '../storage/summary';

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

/** A record id for a URL: null when it could not be written into one (a lone surrogate), so one bad row cannot throw. */
export function idForUrl(id: string): string | null {
  try {
    return encodeURIComponent(id);
  } catch {
    return null;
  }
}
