// The backup screen: back up everything (and when that was last done), restore or import a file after a preview with a
// choice per record — a bad file shows why and changes nothing, a repeat is skipped or kept as a copy, a signed-off
// record is replaced only when confirmed — and what the browser says about keeping the data.

import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeBackup } from '../../src/storage/backup';
import { dumpDatabase } from '../../src/storage/dump';
import Backup from '../../src/ui/backup/Backup.svelte';
import StorageStatus from '../../src/ui/backup/StorageStatus.svelte';
import { caseBundle, envelope } from '../storage/helpers';
import { expectHeading, fixture, fixtureText, jaRecords, makeApp, saveAssessment, v1FixtureText, type TestApp } from './helpers';

vi.mock('../../src/report/save-file', () => ({ saveBytes: vi.fn() }));
const { saveBytes } = await import('../../src/report/save-file');

const B = jaRecords.backup;
const fill = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
const caseText = () => readFileSync(join(__dirname, '../fixtures/case-v4.json'), 'utf8');
const jsonFile = (text: string, name = 'file.json') => new File([text], name, { type: 'application/json' });
const fileInput = () => screen.getByLabelText(B.restore.choose) as HTMLInputElement;
const now = new Date('2026-12-06T00:00:00.000Z');

afterEach(() => {
  vi.mocked(saveBytes).mockClear();
  location.hash = '';
});

async function renderBackup(t: TestApp) {
  // The restore writes to the test's own database.
  t.app.db = t.db;
  render(Backup, { props: { app: t.app } });
  await expectHeading(B.title);
}

/** Chooses a file and waits for the preview (or the error). */
async function choose(text: string, name?: string) {
  const user = userEvent.setup();
  await user.upload(fileInput(), jsonFile(text, name));
  return user;
}

const rowOf = async (title: string) =>
  (await screen.findByRole('rowheader', { name: new RegExp(title.replace(/[()]/g, '\\$&')) })).closest('tr') as HTMLElement;

describe('back up everything', () => {
  it('downloads one file with every record, and remembers when', async () => {
    const t = await makeApp();
    await saveAssessment(t, { title: 'バックアップ対象' });
    await t.cases.importBundle(caseBundle());
    await renderBackup(t);
    expect(screen.getByTestId('last-backup')).toHaveTextContent(B.export.never);

    await userEvent.setup().click(screen.getByRole('button', { name: B.export.button }));
    expect(await screen.findByRole('status')).toHaveTextContent(fill(B.export.done, { assessments: 4, cases: 1 }));
    expect(saveBytes).toHaveBeenCalledTimes(1);
    const [text, name] = vi.mocked(saveBytes).mock.calls[0]!;
    expect(name).toMatch(/^shirube-backup-all-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(text as string) as { format: string; assessments: unknown[]; cases: unknown[] };
    expect(file).toMatchObject({ format: 'shirube-backup' });
    expect([file.assessments.length, file.cases.length]).toEqual([4, 1]);
    const at = await t.settings.get('lastBackupAt');
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(screen.getByTestId('last-backup')).not.toHaveTextContent(B.export.never);
  });
});

describe('restore or import a file', () => {
  it('a bad file: the error summary says why, and nothing on the device changes', async () => {
    const t = await makeApp();
    await saveAssessment(t, { title: '既存の判定' });
    await renderBackup(t);
    const before = await dumpDatabase(t.db, now);
    const cases: [string, string][] = [
      ['not json', B.problem['not-json']],
      ['{"hello": "world"}', B.problem['not-shirube']],
      [JSON.stringify({ ...JSON.parse(fixtureText()), schemaVersion: '2' }), B.problem['bad-version']],
    ];
    for (const [text, message] of cases) {
      await choose(text);
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(B.restore.errorTitle);
      expect(alert).toHaveTextContent(message);
      expect(alert).toHaveTextContent(B.restore.unchanged);
      expect(screen.queryByTestId('restore-plan')).not.toBeInTheDocument();
    }
    // A broken run of a case: named, with its problem.
    const raw = JSON.parse(caseText()) as { runs: { facts: Record<string, unknown> }[] };
    raw.runs[1]!.facts.sensitive = 'maybe';
    await choose(JSON.stringify(raw));
    const detail = fill(B.problem['bad-fact'], { field: 'facts.sensitive' });
    expect(await screen.findByRole('alert')).toHaveTextContent(fill(B.problem['bad-run'], { n: 2, detail }));
    expect(await dumpDatabase(t.db, now)).toBe(before);
  });

  it('an exported assessment: previewed as new, added on confirm, with a link to open it', async () => {
    const t = await makeApp();
    await renderBackup(t);
    const original = fixture();
    const user = await choose(fixtureText());
    const row = await rowOf(original.title);
    expect(row).toHaveTextContent(B.restore.states.new);
    expect(within(row).getByRole('radio', { name: B.restore.choices.add })).toBeChecked();
    expect(screen.getByTestId('restore-counts')).toHaveTextContent(fill(B.restore.counts, { add: 1, keepBoth: 0, replace: 0, skip: 0 }));
    expect(await t.assessments.exists(original.id)).toBe(false);

    await user.click(screen.getByRole('button', { name: B.restore.confirm }));
    expect(await screen.findByTestId('restore-done')).toHaveTextContent(fill(B.restore.done, { added: 1, replaced: 0, skipped: 0 }));
    expect(screen.getByRole('link', { name: original.title })).toHaveAttribute('href', `#/a/${original.id}`);
    // Stored exactly as exported (a restore is not a save: the revision is the file's).
    expect(await t.assessments.get(original.id)).toEqual(original);
  });

  it(
    'a large backup: records already here come first, 200 rows at a time; every record counted with its default',
    { timeout: 30_000 },
    async () => {
      const t = await makeApp();
      const base = envelope();
      const many = Array.from({ length: 250 }, (_, i) => ({
        ...base,
        id: `9a1b2c3d-0000-4000-8000-${String(i).padStart(12, '0')}`,
        title: `大量の記録 ${i}`,
      }));
      // The last one is already on this device (identical): it needs a decision, so it is listed first.
      await t.assessments.save(many[249]!);
      const existing = (await t.assessments.get(many[249]!.id))!;
      await renderBackup(t);
      const user = await choose(writeBackup([], [...many.slice(0, 249), existing], now));
      await screen.findByTestId('restore-plan');
      const rows = within(screen.getByTestId('restore-plan')).getAllByRole('row').slice(1);
      expect(rows).toHaveLength(200);
      expect(rows[0]).toHaveTextContent('大量の記録 249');
      expect(rows[0]).toHaveTextContent(B.restore.states.identical);
      expect(screen.getByTestId('restore-shown')).toHaveTextContent(fill(B.restore.shownOf, { shown: 200, total: 250 }));

      await user.click(screen.getByRole('button', { name: fill(B.restore.showMore, { n: 50 }) }));
      expect(within(screen.getByTestId('restore-plan')).getAllByRole('row')).toHaveLength(251);
      expect(screen.queryByTestId('restore-shown')).toBeNull();
      expect(screen.getByTestId('restore-counts')).toHaveTextContent(
        fill(B.restore.counts, { add: 249, keepBoth: 0, replace: 0, skip: 1 }),
      );
      // Writing them is test/app/restore.test.ts's part (fake IndexedDB under jsdom is slow with hundreds of rows).
    },
  );

  it('the same file again: identical, skipped by default; keep both adds a copy and leaves the original', async () => {
    const t = await makeApp();
    await renderBackup(t);
    const original = fixture();
    let user = await choose(fixtureText());
    await user.click(await screen.findByRole('button', { name: B.restore.confirm }));
    await screen.findByTestId('restore-done');

    user = await choose(fixtureText());
    const row = await rowOf(original.title);
    expect(row).toHaveTextContent(B.restore.states.identical);
    expect(within(row).getByRole('radio', { name: B.restore.choices.skip })).toBeChecked();
    await user.click(within(row).getByRole('radio', { name: B.restore.choices['keep-both'] }));
    expect(screen.getByTestId('restore-counts')).toHaveTextContent(fill(B.restore.counts, { add: 0, keepBoth: 1, replace: 0, skip: 0 }));
    await user.click(screen.getByRole('button', { name: B.restore.confirm }));
    await screen.findByTestId('restore-done');

    const copyTitle = fill(B.restore.copyTitle, { title: original.title });
    const { items } = await t.assessments.list();
    expect(items.map((i) => i.title).sort()).toEqual([original.title, copyTitle].sort());
    expect(await t.assessments.get(original.id)).toEqual(original);
    const copy = items.find((i) => i.id !== original.id)!;
    expect((await t.assessments.get(copy.id))?.facts).toEqual(original.facts);
    expect(screen.getByRole('link', { name: copyTitle })).toHaveAttribute('href', `#/a/${copy.id}`);
  });

  it('a case with its runs; a record saved before the rules revision says its verdict will be assessed again', async () => {
    const t = await makeApp();
    await renderBackup(t);
    const bundle = caseBundle();
    const user = await choose(caseText());
    const row = await rowOf(bundle.case.title);
    expect(row).toHaveTextContent(fill(B.restore.caseTag, { n: 3 }));
    await user.click(screen.getByRole('button', { name: B.restore.confirm }));
    await screen.findByTestId('restore-done');
    expect(await t.cases.bundle(bundle.case.id)).toEqual(bundle);
    expect(screen.getByRole('link', { name: bundle.case.title })).toHaveAttribute('href', `#/c/${bundle.case.id}`);

    await choose(v1FixtureText());
    const old = fixture(v1FixtureText());
    expect(await rowOf(old.title)).toHaveTextContent(fill(B.restore.outcomesDiffer, { n: 1 }));
  });

  it('a backup: every record listed with its state; replacing a signed-off record needs its box ticked', async () => {
    const t = await makeApp();
    const env = envelope();
    await t.assessments.save({ ...env, signedOffAt: '2026-12-01T00:00:00.000Z', title: 'この端末で承認' });
    await renderBackup(t);
    const before = await dumpDatabase(t.db, now);
    const text = writeBackup([caseBundle().case], [...caseBundle().runs, env], now);
    const user = await choose(text, 'backup.json');
    expect(await screen.findByText(fill(B.restore.source.backup, { n: 2 }))).toBeInTheDocument();
    const row = await rowOf(env.title);
    expect(row).toHaveTextContent(B.restore.states.different);
    expect(row).toHaveTextContent(B.restore.signedOff);
    expect(within(row).getByRole('radio', { name: B.restore.choices['keep-both'] })).toBeChecked();

    await user.click(within(row).getByRole('radio', { name: B.restore.choices.replace }));
    await user.click(screen.getByRole('button', { name: B.restore.confirm }));
    expect(await screen.findByRole('alert')).toHaveTextContent(t.app.t('records:backup.restore.confirmRequired', { title: env.title }));
    expect(await dumpDatabase(t.db, now)).toBe(before);

    await user.click(within(row).getByRole('checkbox', { name: t.app.t('records:backup.restore.confirmSignedOff', { title: env.title }) }));
    await user.click(screen.getByRole('button', { name: B.restore.confirm }));
    expect(await screen.findByTestId('restore-done')).toHaveTextContent(fill(B.restore.done, { added: 1, replaced: 1, skipped: 0 }));
    const stored = await t.assessments.get(env.id);
    expect(stored).toMatchObject({ title: env.title, signedOffAt: null });
    expect(await t.cases.bundle(caseBundle().case.id)).toEqual(caseBundle());
  });
});

describe('storage on this device', () => {
  const fake = (persisted: boolean, persist = false): StorageManager =>
    ({
      persisted: vi.fn(async () => persisted),
      persist: vi.fn(async () => persist),
      estimate: vi.fn(async () => ({ usage: 12_300_000, quota: 2_000_000_000 })),
    }) as unknown as StorageManager;

  it('granted: says so, with usage and quota', async () => {
    const t = await makeApp('en');
    render(StorageStatus, { props: { app: t.app, storage: fake(true) } });
    expect(await screen.findByText(t.app.t('records:backup.storage.granted'))).toBeInTheDocument();
    expect(await screen.findByText(/12\.3 MB.*2 GB/)).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('not granted: offers to ask; a refusal is said, an agreement shows as granted', async () => {
    const t = await makeApp('en');
    const storage = fake(false, false);
    render(StorageStatus, { props: { app: t.app, storage } });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: t.app.t('records:backup.storage.ask') }));
    expect(await screen.findByText(t.app.t('records:backup.storage.refused'))).toBeInTheDocument();
    vi.mocked(storage.persist).mockResolvedValue(true);
    await user.click(screen.getByRole('button', { name: t.app.t('records:backup.storage.ask') }));
    expect(await screen.findByText(t.app.t('records:backup.storage.granted'))).toBeInTheDocument();
  });

  it('unsupported: says the browser does not say', async () => {
    const t = await makeApp('en');
    render(StorageStatus, { props: { app: t.app, storage: {} as StorageManager } });
    expect(await screen.findByText(t.app.t('records:backup.storage.unsupported'))).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(t.app.t('records:backup.storage.usageUnknown'))).toBeInTheDocument());
  });
});
