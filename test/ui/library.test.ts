// The library screen: the list (records and cases, the current rules' verdict, status, dates, rules), search and
// filters with the count announced, select-all and export of exactly the selection, archive, delete with undo (a case
// with its runs), duplicate, the flag of an older rules revision → what changed → accept, and the signed-off guards.

import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluate } from '../../src/domain/evaluate';
import type { Facts, FlowId, Outcome } from '../../src/domain/types';
import { newCase } from '../../src/storage/cases';
import { newEnvelope, type Envelope } from '../../src/storage/envelope';
import { acceptCurrentRules } from '../../src/storage/record';
import { summarize } from '../../src/storage/summary';
import Library from '../../src/ui/library/Library.svelte';
import jaPi from '../../locales/ja/personal-info.json';
import { PI_PLAIN } from '../fixtures/flow-facts';
import { leakFacts } from '../fixtures/leak-facts';
import { expectHeading, fixture, jaCommon, jaRecords, jaLeak, makeApp, REPORTABLE_FACTS, v1FixtureText, type TestApp } from './helpers';

const exportSpy = vi.hoisted(() => ({ calls: [] as unknown[][] }));
vi.mock('../../src/app/backup', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/app/backup')>();
  return {
    ...real,
    exportRecords: (...args: Parameters<typeof real.exportRecords>) => {
      exportSpy.calls.push(args);
      return real.exportRecords(...args);
    },
  };
});
vi.mock('../../src/report/save-file', () => ({ saveBytes: vi.fn() }));
const { saveBytes } = await import('../../src/report/save-file');

const L = jaRecords.library;
const fill = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));

afterEach(() => {
  exportSpy.calls = [];
  vi.mocked(saveBytes).mockClear();
  vi.useRealTimers();
  location.hash = '';
});

function env(id: string, over: Partial<Envelope> & { flow?: FlowId; facts?: Facts } = {}, at = '2026-03-01T00:00:00.000Z'): Envelope {
  const base = newEnvelope(over.flow ?? 'leak', id, over.title ?? `記録 ${id}`, new Date(at));
  const facts = over.facts ?? (base.flow === 'leak' ? REPORTABLE_FACTS : PI_PLAIN);
  const r = evaluate(base.flow, facts);
  return { ...base, facts, outcome: r.ok ? r.outcome : null, position: { screen: 'outcome' }, ...over };
}

/** Finished under the first rules, with a saved verdict the current rules do not give. */
function outdated(id: string, over: Partial<Envelope> = {}): Envelope {
  const current = env(id, over);
  const saved: Outcome = { ...(current.outcome as Outcome), outcome: 'not-reportable', grounds: [], duties: [], deadlines: [] };
  return { ...current, rulesRevision: '2025-10', outcome: saved, ...over };
}

async function renderLibrary(t: TestApp, props: { undoMs?: number } = {}) {
  render(Library, { props: { app: t.app, ...props } });
  await expectHeading(L.title);
  await waitFor(() => expect(screen.getByTestId('library-count')).not.toBeEmptyDOMElement());
}

const list = () => screen.getByRole('list', { name: L.listLabel });
const rowOf = async (title: string) => (await screen.findByRole('link', { name: title })).closest('li') as HTMLElement;
/** Titles listed, in order (none once nothing is saved, when the list gives way to a message). */
const titles = () => {
  const ul = screen.queryByRole('list', { name: L.listLabel });
  return ul
    ? within(ul)
        .queryAllByRole('link')
        .map((a) => a.textContent)
    : [];
};
const count = () => screen.getByTestId('library-count');

describe('the list', () => {
  it('shows each record and case: title, flow(s), the current rules’ verdict, status, dates, ruleset and revision', async () => {
    const t = await makeApp();
    await t.assessments.save(env('done', { title: '顧客名簿の誤送信' }, '2026-03-01T00:00:00.000Z'));
    await t.assessments.save(
      env('open', { title: '回答中の記録', facts: leakFacts({}, ['persons']), outcome: null }, '2026-03-02T00:00:00.000Z'),
    );
    await t.cases.save(newCase('k', '会員データを広告配信に使う', new Date('2026-01-01T00:00:00Z')));
    await t.assessments.save(env('run1', { flow: 'personal-info', caseId: 'k' }, '2026-02-01T00:00:00.000Z'));
    await t.assessments.save(env('run2', { caseId: 'k' }, '2026-02-02T00:00:00.000Z'));
    await renderLibrary(t);

    expect(count()).toHaveTextContent(fill(L.count, { n: 3 }));
    expect(count()).toHaveAttribute('role', 'status');
    // Most recently updated first.
    await waitFor(() => expect(titles()).toEqual(['回答中の記録', '顧客名簿の誤送信', '会員データを広告配信に使う']));

    const done = await rowOf('顧客名簿の誤送信');
    expect(within(done).getByRole('link', { name: '顧客名簿の誤送信' })).toHaveAttribute('href', '#/a/done');
    expect(done).toHaveTextContent(jaLeak.title);
    expect(done).toHaveTextContent(jaLeak.outcomes.reportable.title);
    expect(done).toHaveTextContent(L.statuses.done);
    expect(done).toHaveTextContent(L.created.replace('{{when}}', ''));
    expect(done).toHaveTextContent(L.updated.replace('{{when}}', ''));
    expect(done).toHaveTextContent(fill(L.rules, { ruleset: 'appi-2025-10', revision: jaCommon.rulesRevision['2026-12'] }));
    expect(done).toHaveAttribute('aria-posinset', '2');
    expect(done).toHaveAttribute('aria-setsize', '3');

    const open = await rowOf('回答中の記録');
    expect(open).toHaveTextContent(L.statuses['in-progress']);
    expect(open).not.toHaveTextContent(jaLeak.outcomes.reportable.title);

    const kase = await rowOf('会員データを広告配信に使う');
    expect(within(kase).getByRole('link')).toHaveAttribute('href', '#/c/k');
    expect(kase).toHaveTextContent(L.caseTag);
    expect(kase).toHaveTextContent(fill(L.caseRuns, { n: 2, flows: `${jaPi.title}、${jaLeak.title}` }));
    expect(kase).toHaveTextContent(L.statuses.done);
  });

  it('shows the verdict the current rules give, never a stored one they do not', async () => {
    const t = await makeApp();
    const current = env('tampered', { title: '改ざんされた記録' });
    await t.assessments.save({ ...current, outcome: { ...(current.outcome as Outcome), outcome: 'not-reportable' } });
    await renderLibrary(t);
    const row = await rowOf('改ざんされた記録');
    expect(row).toHaveTextContent(jaLeak.outcomes.reportable.title);
    expect(row).not.toHaveTextContent(jaLeak.outcomes['not-reportable'].title);
  });

  it('shows user text as text, isolated: markup stays text and a right-to-left override cannot leak', async () => {
    const t = await makeApp();
    const title = '\u202Eevil <b>x</b>';
    await t.assessments.save(env('rtl', { title }));
    await renderLibrary(t);
    const link = await within(list()).findByRole('link', { name: title });
    const span = link.querySelector('[dir="auto"]');
    expect(span?.textContent).toBe(title);
    expect(link.querySelector('b')).toBeNull();
  });

  it('a row whose id cannot go into a link is listed without one; the other rows are unaffected', async () => {
    const t = await makeApp();
    await t.assessments.save(env('good', { title: '普通の記録' }));
    // A summary row as a damaged database might hold it.
    await t.db.summaries.put({ ...summarize(env('x', { title: '壊れたID' })), id: 'qa-\udc00-id' });
    await renderLibrary(t);
    await rowOf('普通の記録');
    const bad = (await rowOf('普通の記録')).parentElement?.querySelector('[data-key="a:qa-\udc00-id"]') as HTMLElement;
    expect(bad).toHaveTextContent('壊れたID');
    expect(within(bad).queryByRole('link')).toBeNull();
  });

  it('says so when nothing is saved', async () => {
    const t = await makeApp();
    await renderLibrary(t);
    expect(await screen.findByText(L.empty)).toBeInTheDocument();
  });
});

describe('search and filters', () => {
  async function three() {
    const t = await makeApp();
    await t.assessments.save(env('a', { title: '顧客名簿の誤送信' }, '2026-03-03T00:00:00.000Z'));
    await t.assessments.save(env('b', { title: '統計データの紛失', facts: leakFacts({ dataKind: 'other' }) }, '2026-03-02T00:00:00.000Z'));
    await t.assessments.save(
      env(
        'c',
        { title: '会員番号の扱い', flow: 'personal-info', answerNotes: { identifies: '氏名と紐づく台帳がある' } },
        '2026-02-01T00:00:00.000Z',
      ),
    );
    await t.assessments.save(env('d', { title: '古い記録', archived: true }, '2026-01-01T00:00:00.000Z'));
    await renderLibrary(t);
    await waitFor(() => expect(titles()).toHaveLength(3));
    return t;
  }
  const search = () => screen.getByRole('searchbox', { name: L.searchLabel });

  it('searches titles, reasons and answers as read (Japanese labels, NFKC), and announces the count', async () => {
    await three();
    const user = userEvent.setup();
    await user.type(search(), '個人データ以外');
    await waitFor(() => expect(titles()).toEqual(['統計データの紛失']));
    expect(count()).toHaveTextContent(fill(L.countFiltered, { n: 1, total: 4 }));

    await user.clear(search());
    await user.type(search(), '台帳');
    await waitFor(() => expect(titles()).toEqual(['会員番号の扱い']));

    await user.clear(search());
    await user.type(search(), 'ｺｷｬｸ');
    await waitFor(() => expect(titles()).toEqual([]));
    expect(screen.getByText(L.noMatch)).toBeInTheDocument();

    await user.clear(search());
    await user.type(search(), '顧客　名簿');
    await waitFor(() => expect(titles()).toEqual(['顧客名簿の誤送信']));
  });

  it('filters by flow, verdict and status; archived records are hidden until asked for', async () => {
    await three();
    const user = userEvent.setup();
    expect(titles()).not.toContain('古い記録');

    await user.selectOptions(screen.getByLabelText(L.flow), jaPi.title);
    await waitFor(() => expect(titles()).toEqual(['会員番号の扱い']));
    await user.selectOptions(screen.getByLabelText(L.flow), L.any);

    await user.selectOptions(screen.getByLabelText(L.verdict), 'leak/out-of-scope');
    await waitFor(() => expect(titles()).toEqual(['統計データの紛失']));
    await user.selectOptions(screen.getByLabelText(L.verdict), '');

    await user.selectOptions(screen.getByLabelText(L.status), L.statuses['in-progress']);
    await waitFor(() => expect(titles()).toEqual([]));
    await user.selectOptions(screen.getByLabelText(L.status), L.any);

    await user.selectOptions(screen.getByLabelText(L.archived), L.archivedFilter.archived);
    await waitFor(() => expect(titles()).toEqual(['古い記録']));
    await user.click(screen.getByRole('button', { name: L.clearFilters }));
    await waitFor(() => expect(titles()).toHaveLength(3));
  });

  it('sorts by title', async () => {
    await three();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText(L.sort), L.sorts.title);
    const collator = new Intl.Collator('ja', { numeric: true });
    await waitFor(() => expect(titles()).toEqual(['会員番号の扱い', '顧客名簿の誤送信', '統計データの紛失'].sort(collator.compare)));
  });

  it('filters by the date of the last update (days in Japan)', async () => {
    await three();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(L.from), '2026-03-02');
    await waitFor(() => expect(titles()).toEqual(['顧客名簿の誤送信', '統計データの紛失']));
    await user.type(screen.getByLabelText(L.to), '2026-03-02');
    await waitFor(() => expect(titles()).toEqual(['統計データの紛失']));
  });
});

describe('selection and export', () => {
  it('select-all takes the filtered results; the export writes exactly the selection as one backup file', async () => {
    const t = await makeApp();
    await t.assessments.save(env('a', { title: '顧客名簿 A' }, '2026-03-03T00:00:00.000Z'));
    await t.assessments.save(env('b', { title: '顧客名簿 B' }, '2026-03-02T00:00:00.000Z'));
    await t.assessments.save(env('c', { title: '別の記録' }, '2026-03-01T00:00:00.000Z'));
    await t.cases.save(newCase('k', '顧客名簿の案件', new Date('2026-01-01T00:00:00Z')));
    await t.assessments.save(env('run', { caseId: 'k' }, '2026-01-02T00:00:00.000Z'));
    await renderLibrary(t);
    const user = userEvent.setup();

    await user.type(screen.getByRole('searchbox', { name: L.searchLabel }), '顧客名簿');
    await waitFor(() => expect(titles()).toHaveLength(3));
    const exportButton = screen.getByRole('button', { name: L.exportSelected });
    expect(exportButton).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: fill(L.selectAll, { n: 3 }) }));
    expect(screen.getByText(fill(L.selected, { n: 3 }))).toBeInTheDocument();
    // One taken out again by its own checkbox (named by its title).
    await user.click(within(await rowOf('顧客名簿 B')).getByRole('checkbox', { name: /顧客名簿 B/ }));
    expect(screen.getByRole('checkbox', { name: fill(L.selectAll, { n: 3 }) })).toHaveProperty('indeterminate', true);

    await user.click(exportButton);
    await waitFor(() => expect(saveBytes).toHaveBeenCalledTimes(1));
    expect(exportSpy.calls).toHaveLength(1);
    expect(exportSpy.calls[0]?.[1]).toEqual({ assessments: ['a'], cases: ['k'] });
    const [text, fileName, type] = vi.mocked(saveBytes).mock.calls[0] ?? [];
    expect(fileName).toMatch(/^shirube-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(type).toBe('application/json');
    const backup = JSON.parse(String(text)) as { format: string; cases: { id: string }[]; assessments: { id: string }[] };
    expect(backup.format).toBe('shirube-backup');
    expect(backup.cases.map((c) => c.id)).toEqual(['k']);
    expect(backup.assessments.map((a) => a.id).sort()).toEqual(['a', 'run']);
    expect(screen.getByTestId('library-notice')).toHaveTextContent(fill(L.exported, { assessments: 2, cases: 1 }));
  });
});

describe('working with records', () => {
  it('archives a record out of the everyday view, and back', async () => {
    const t = await makeApp();
    await t.assessments.save(env('a', { title: '片付ける記録' }));
    await t.assessments.save(env('b', { title: '残す記録' }));
    await renderLibrary(t);
    const user = userEvent.setup();

    await user.click(within(await rowOf('片付ける記録')).getByRole('button', { name: L.actions.archive }));
    await waitFor(() => expect(titles()).toEqual(['残す記録']));
    expect(screen.getByTestId('library-notice')).toHaveTextContent(fill(L.archivedDone, { title: '片付ける記録' }));
    expect((await t.assessments.get('a'))?.archived).toBe(true);

    await user.selectOptions(screen.getByLabelText(L.archived), L.archivedFilter.all);
    const row = await rowOf('片付ける記録');
    expect(row).toHaveTextContent(L.archivedTag);
    await user.click(within(row).getByRole('button', { name: L.actions.unarchive }));
    await waitFor(async () => expect((await t.assessments.get('a'))?.archived).toBe(false));
  });

  it('deletes a record and undoes it: the record comes back as it was', async () => {
    const t = await makeApp();
    await t.assessments.save(env('a', { title: '消す記録', answerNotes: { wrongful: '理由' } }));
    const before = await t.assessments.get('a');
    await renderLibrary(t);
    const user = userEvent.setup();

    await user.click(within(await rowOf('消す記録')).getByRole('button', { name: L.actions.delete }));
    await waitFor(() => expect(titles()).toEqual([]));
    expect(await t.assessments.get('a')).toBeUndefined();
    const notice = screen.getByTestId('library-notice');
    expect(notice).toHaveAttribute('role', 'status');
    expect(notice).toHaveTextContent(fill(L.deleted, { title: '消す記録' }));
    expect(notice).toHaveFocus();

    await user.click(within(notice).getByRole('button', { name: L.undo }));
    await rowOf('消す記録');
    expect(await t.assessments.get('a')).toEqual({ ...before, rev: (before?.rev ?? 0) + 1 });
    expect(screen.getByTestId('library-notice')).toHaveTextContent(fill(L.restored, { title: '消す記録' }));
  });

  it('deletes a case with all its runs, and undo restores the case and every run', async () => {
    const t = await makeApp();
    const c = newCase('k', '消す案件', new Date('2026-01-01T00:00:00Z'));
    await t.cases.save(c);
    await t.assessments.save(env('r1', { caseId: 'k' }));
    await t.assessments.save(env('r2', { caseId: 'k', flow: 'personal-info' }));
    const bundle = await t.cases.bundle('k');
    await renderLibrary(t);
    const user = userEvent.setup();

    await user.click(within(await rowOf('消す案件')).getByRole('button', { name: L.actions.delete }));
    await waitFor(() => expect(titles()).toEqual([]));
    expect(await t.cases.get('k')).toBeUndefined();
    expect((await t.assessments.list()).items).toEqual([]);
    expect(screen.getByTestId('library-notice')).toHaveTextContent(fill(L.caseDeleted, { title: '消す案件', n: 2 }));

    await user.click(screen.getByRole('button', { name: L.undo }));
    await rowOf('消す案件');
    expect(await t.cases.bundle('k')).toEqual(bundle);
  });

  it('the undo is offered for a while only: then the delete stands', async () => {
    const t = await makeApp();
    await t.assessments.save(env('a', { title: '消す記録' }));
    await renderLibrary(t, { undoMs: 50 });
    const user = userEvent.setup();
    await user.click(within(await rowOf('消す記録')).getByRole('button', { name: L.actions.delete }));
    expect(await screen.findByRole('button', { name: L.undo })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: L.undo })).toBeNull());
    expect(screen.getByTestId('library-notice')).toHaveTextContent(fill(L.deleted, { title: '消す記録' }));
    expect(await t.assessments.get('a')).toBeUndefined();
  });

  it('duplicates a record as 「… のコピー」 to work on', async () => {
    const t = await makeApp();
    await t.assessments.save(env('a', { title: '元の記録', answerNotes: { wrongful: '理由' } }));
    await renderLibrary(t);
    const user = userEvent.setup();
    await user.click(within(await rowOf('元の記録')).getByRole('button', { name: L.actions.duplicate }));
    const copyTitle = fill(L.copyTitle, { title: '元の記録' });
    const row = await rowOf(copyTitle);
    const id = within(row).getByRole('link').getAttribute('href')?.replace('#/a/', '') ?? '';
    const copy = await t.assessments.get(decodeURIComponent(id));
    const original = await t.assessments.get('a');
    expect(copy).toMatchObject({
      title: copyTitle,
      facts: original?.facts,
      answerNotes: { wrongful: '理由' },
      history: [],
      signedOffAt: null,
    });
    expect(copy?.id).not.toBe('a');
    expect(screen.getByRole('link', { name: L.openCopy })).toHaveAttribute('href', `#/a/${id}`);
  });
});

describe('signed-off records', () => {
  const signed = (id: string, title: string) => env(id, { title, signedOffAt: '2026-03-02T00:00:00.000Z', reviewer: '監査 太郎' });

  it('are not deleted without a confirmation that says they are signed off', async () => {
    const t = await makeApp();
    await t.assessments.save(signed('s', '承認済みの記録'));
    await renderLibrary(t);
    const user = userEvent.setup();

    await user.click(within(await rowOf('承認済みの記録')).getByRole('button', { name: L.actions.delete }));
    const dialog = await screen.findByRole('dialog', { name: L.confirmDelete.title });
    expect(dialog).toHaveTextContent('承認済みの記録');
    expect(dialog).toHaveTextContent(L.confirmDelete.body.split('{{date}}')[1]!.slice(0, 20));
    await user.click(within(dialog).getByRole('button', { name: L.confirmDelete.cancel }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await t.assessments.get('s')).toBeDefined();

    await user.click(within(await rowOf('承認済みの記録')).getByRole('button', { name: L.actions.delete }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: L.confirmDelete.confirm }));
    await waitFor(async () => expect(await t.assessments.get('s')).toBeUndefined());
    expect(await screen.findByRole('button', { name: L.undo })).toBeInTheDocument();
  });

  it('a case holding a signed-off run asks too', async () => {
    const t = await makeApp();
    await t.cases.save(newCase('k', '承認済みを含む案件', new Date('2026-01-01T00:00:00Z')));
    await t.assessments.save({ ...signed('r', 'run'), caseId: 'k' });
    await renderLibrary(t);
    const user = userEvent.setup();
    await user.click(within(await rowOf('承認済みを含む案件')).getByRole('button', { name: L.actions.delete }));
    const dialog = await screen.findByRole('dialog', { name: L.confirmDelete.title });
    expect(dialog).toHaveTextContent(fill(L.confirmDelete.caseBody, { title: '承認済みを含む案件', n: 1 }));
  });
});

describe('rules updates', () => {
  it('flags a record assessed under older rules; the action shows what changed; accepting saves acceptCurrentRules’ result', async () => {
    const t = await makeApp();
    const old = outdated('old', { title: '改訂前の記録' });
    await t.assessments.save(old);
    await renderLibrary(t);
    const user = userEvent.setup();
    const row = await rowOf('改訂前の記録');
    expect(row).toHaveTextContent(fill(L.outdated, { revision: jaCommon.rulesRevision['2025-10'] }));

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-10T03:00:00Z'));
    await user.click(within(row).getByRole('button', { name: L.actions.reassess }));
    const dialog = await screen.findByRole('dialog', { name: L.rulesUpdate.title });
    const verdict = dialog.querySelector('[data-part="outcome"]') as HTMLElement;
    expect(verdict).toHaveTextContent(L.rulesUpdate.changed);
    expect(within(verdict).getByText(jaLeak.outcomes['not-reportable'].title)).toBeInTheDocument();
    expect(verdict.querySelector('[data-side="after"]')).toHaveTextContent(jaLeak.outcomes.reportable.title);
    const duties = dialog.querySelector('[data-part="duties"]') as HTMLElement;
    expect(duties.querySelector('[data-side="before"]')).toHaveTextContent(L.rulesUpdate.none);
    expect(dialog.querySelector('[data-part="deadlines"] [data-side="after"]')).toHaveTextContent('期限：');
    expect(await t.assessments.get('old')).toEqual({ ...old, rev: 1 });

    const before = await t.assessments.get('old');
    await user.click(within(dialog).getByRole('button', { name: L.rulesUpdate.accept }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const step = acceptCurrentRules(before!, new Date('2026-12-10T03:00:00Z'));
    if (!step.ok) throw new Error('refused');
    expect(await t.assessments.get('old')).toEqual({ ...step.envelope, rev: (before?.rev ?? 0) + 1 });
    expect(screen.getByTestId('library-notice')).toHaveTextContent(fill(L.rulesUpdate.accepted, { title: '改訂前の記録' }));
    await waitFor(async () => expect(await rowOf('改訂前の記録')).not.toHaveTextContent(L.outdated.split('（')[0]!));
  });

  it('closing without accepting changes nothing', async () => {
    const t = await makeApp();
    await t.assessments.save(outdated('old', { title: '改訂前の記録' }));
    const before = await t.assessments.get('old');
    await renderLibrary(t);
    const user = userEvent.setup();
    await user.click(within(await rowOf('改訂前の記録')).getByRole('button', { name: L.actions.reassess }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: L.rulesUpdate.cancel }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await t.assessments.get('old')).toEqual(before);
  });

  it('when the current rules need more answers, the action opens the record in the wizard', async () => {
    const t = await makeApp();
    const old = fixture(v1FixtureText());
    await t.assessments.save(old);
    await renderLibrary(t);
    const user = userEvent.setup();
    const row = within(list()).getAllByRole('listitem')[0] as HTMLElement;
    await user.click(within(row).getByRole('button', { name: L.actions.reassess }));
    await waitFor(() => expect(t.app.route).toEqual({ name: 'assessment', id: old.id }));
    expect(location.hash).toBe(`#/a/${old.id}`);
  });

  it('a signed-off record says a new version is needed, and offers no accept', async () => {
    const t = await makeApp();
    await t.assessments.save(outdated('old', { title: '承認済みの改訂前', signedOffAt: '2026-03-02T00:00:00.000Z' }));
    await renderLibrary(t);
    const user = userEvent.setup();
    await user.click(within(await rowOf('承認済みの改訂前')).getByRole('button', { name: L.actions.reassess }));
    const dialog = await screen.findByRole('dialog', { name: L.rulesUpdate.title });
    expect(dialog).toHaveTextContent(L.rulesUpdate.signedOff);
    expect(within(dialog).getByRole('link', { name: L.rulesUpdate.open })).toHaveAttribute('href', '#/a/old');
    expect(within(dialog).queryByRole('button', { name: L.rulesUpdate.accept })).toBeNull();
  });
});

describe('the home page', () => {
  it('lists the five most recently updated assessments and links to the library for the rest', async () => {
    const { default: Home } = await import('../../src/ui/home/Home.svelte');
    const t = await makeApp();
    for (let i = 1; i <= 7; i++) await t.assessments.save(env(`r${i}`, { title: `記録その${i}` }, `2026-03-0${i}T00:00:00.000Z`));
    await t.assessments.save(env('arch', { title: 'アーカイブ済みの記録', archived: true }, '2026-03-09T00:00:00.000Z'));
    render(Home, { props: { app: t.app } });
    await expectHeading(jaCommon.home.title);
    await screen.findByRole('link', { name: '記録その7' });
    const recent = screen.getByRole('heading', { name: jaCommon.home.recentHeading }).nextElementSibling as HTMLElement;
    expect(
      within(recent)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['記録その7', '記録その6', '記録その5', '記録その4', '記録その3']);
    expect(screen.queryByRole('link', { name: 'アーカイブ済みの記録' })).toBeNull();
    const links = screen.getAllByRole('link', { name: jaCommon.home.libraryLink });
    expect(links.length).toBeGreaterThanOrEqual(1);
    for (const a of links) expect(a).toHaveAttribute('href', '#/library');
  });
});
