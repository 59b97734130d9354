// Nothing fails silently: an error no screen handled replaces the page with the rescue screen, which says what to
// do, reloads, and exports everything stored on the device as it is.

import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dumpDatabase, DUMP_FORMAT } from '../../src/storage/dump';
import { AppState } from '../../src/ui/app-state.svelte';
import App from '../../src/ui/App.svelte';
import { expectHeading, jaCommon, makeApp, saveAssessment } from './helpers';

afterEach(() => vi.restoreAllMocks());

describe('rescue screen', () => {
  it('shows an unhandled failure with what to do, and exports every stored row as it is', async () => {
    const t = await makeApp();
    const env = await saveAssessment(t, { title: '保存済みの判定' });
    await t.db.assessments.put({ id: 'broken', note: 'half-written' } as never);
    const app = new AppState(t.app.i18n, t.assessments, t.settings, 'ja', t.cases, () =>
      dumpDatabase(t.db, new Date('2026-12-02T00:00:00Z')),
    );
    render(App, { props: { app } });
    await expectHeading(jaCommon.home.title);

    app.fail(new TypeError('boom'));
    const rescue = await screen.findByTestId('rescue');
    expect(within(rescue).getByRole('heading', { level: 1, name: jaCommon.rescue.title })).toHaveFocus();
    expect(rescue).toHaveTextContent(jaCommon.rescue.body);
    expect(rescue).toHaveTextContent('TypeError: boom');

    let saved: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      saved = b as Blob;
      return 'blob:x';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    await userEvent.setup().click(within(rescue).getByRole('button', { name: jaCommon.rescue.export }));
    expect(await within(rescue).findByText(jaCommon.rescue.exported)).toBeInTheDocument();
    const dump = JSON.parse(await (saved as Blob).text()) as { format: string; assessments: { id: string }[] };
    expect(dump.format).toBe(DUMP_FORMAT);
    // Unreadable rows are kept too: a rescue copy loses nothing.
    expect(dump.assessments.map((a) => a.id).sort()).toEqual(['broken', env.id].sort());
  });

  it('says so when even the export fails', async () => {
    const t = await makeApp();
    const app = new AppState(t.app.i18n, t.assessments, t.settings, 'ja', t.cases, () => Promise.reject(new Error('no storage')));
    render(App, { props: { app } });
    app.fail('something');
    const rescue = await screen.findByTestId('rescue');
    await userEvent.setup().click(within(rescue).getByRole('button', { name: jaCommon.rescue.export }));
    expect(await within(rescue).findByText(jaCommon.rescue.exportFailed)).toBeInTheDocument();
  });
});
