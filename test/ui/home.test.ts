// Home page: saved assessments are listed, a reminder to back up when records were never (or not lately) backed up, and
// the way to the backup screen, where files are restored or imported (tested in backup.test.ts).

import { cleanup, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Home from '../../src/ui/home/Home.svelte';
import { expectHeading, jaCommon, makeApp, saveAssessment, type TestApp } from './helpers';

async function renderHome(t: TestApp) {
  render(Home, { props: { app: t.app } });
  await expectHeading(jaCommon.home.title);
}

describe('saved assessments', () => {
  it('lists a saved assessment by title, linking to it, with its state', async () => {
    const t = await makeApp();
    const env = await saveAssessment(t, { title: '顧客名簿の誤送信', facts: { actor: 'business' } });
    await renderHome(t);

    const link = await screen.findByRole('link', { name: '顧客名簿の誤送信' });
    expect(link).toHaveAttribute('href', `#/a/${env.id}`);
    const item = link.closest('li') as HTMLElement;
    expect(item).toHaveTextContent(jaCommon.home.inProgress);
    expect(screen.queryByText(jaCommon.home.none)).not.toBeInTheDocument();
  });

  it('says so when nothing is saved', async () => {
    const t = await makeApp();
    await renderHome(t);
    expect(await screen.findByText(jaCommon.home.none)).toBeInTheDocument();
  });
});

describe('backup and import', () => {
  it('links to the backup screen, where files are restored or imported (test/ui/backup.test.ts)', async () => {
    const t = await makeApp();
    await renderHome(t);
    expect(screen.getAllByRole('link', { name: jaCommon.home.backupLink })[0]).toHaveAttribute('href', '#/backup');
    expect(screen.getByRole('link', { name: jaCommon.home.restoreHeading })).toHaveAttribute('href', '#/backup');
    // No file is read on the home page any more: one import path, with its preview, on the backup screen.
    expect(document.querySelector('input[type="file"]')).toBeNull();
  });

  it('reminds to back up when records were never backed up, linking to the backup screen', async () => {
    const t = await makeApp();
    await saveAssessment(t, { title: '既存の判定' });
    await renderHome(t);
    const banner = await screen.findByTestId('backup-reminder');
    expect(banner).toHaveTextContent(jaCommon.home.backupReminder.never);
    expect(within(banner).getByRole('link', { name: jaCommon.home.backupReminder.link })).toHaveAttribute('href', '#/backup');
  });

  it('reminds when the last backup is older than 30 days, not after a recent one, and not with nothing saved', async () => {
    const t = await makeApp();
    await renderHome(t);
    await screen.findByText(jaCommon.home.none);
    expect(screen.queryByTestId('backup-reminder')).not.toBeInTheDocument();
    cleanup();

    await saveAssessment(t, { title: '既存の判定' });
    await t.settings.set('lastBackupAt', new Date(Date.now() - 40 * 86_400_000).toISOString());
    await renderHome(t);
    expect(await screen.findByTestId('backup-reminder')).toBeInTheDocument();
    cleanup();

    await t.settings.set('lastBackupAt', new Date(Date.now() - 2 * 86_400_000).toISOString());
    await renderHome(t);
    await screen.findByRole('link', { name: '既存の判定' });
    expect(screen.queryByTestId('backup-reminder')).not.toBeInTheDocument();
  });
});
