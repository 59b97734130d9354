// A new app version waits for the user: the prompt appears, "later" keeps the page, and "update" reloads only
// after every pending autosave has been written, so no answer is lost by the update.

import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../../src/ui/App.svelte';
import { PwaState } from '../../src/ui/pwa.svelte';
import { jaCommon, makeApp, REPORTABLE_FACTS } from './helpers';
import { newEnvelope } from '../../src/storage/envelope';

describe('update prompt', () => {
  it('asks before reloading, and reloads only after pending saves are written', async () => {
    const t = await makeApp();
    const pwa = new PwaState(t.assessments);
    const events: string[] = [];
    pwa.attach(async (reload) => {
      // By the time the new version takes over, the save queued below must be in IndexedDB.
      const saved = await t.assessments.get('pending');
      events.push(`update(${String(reload)}) saved=${saved?.facts.knownOn ?? 'none'}`);
    });
    render(App, { app: t.app, pwa });
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    pwa.needRefresh = true;
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent(jaCommon.update.body);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: jaCommon.update.later }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(events).toEqual([]);

    pwa.needRefresh = true;
    await screen.findByRole('alertdialog');
    // An autosave still in flight when the user chooses to update: the update must wait until it is written.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const flush = t.assessments.flush.bind(t.assessments);
    t.assessments.flush = async () => {
      await gate;
      await flush();
    };
    const env = { ...newEnvelope('leak', 'pending', 'x', new Date()), facts: { ...REPORTABLE_FACTS } };
    const saving = t.assessments.save(env);
    await user.click(screen.getByRole('button', { name: jaCommon.update.reload }));
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual([]);
    release();
    await saving;
    await waitFor(() => expect(events).toEqual(['update(true) saved=2025-12-05']));
  });

  it('says so while an answer is not saved, and offers no update then (it would lose the answer)', async () => {
    const t = await makeApp();
    const pwa = new PwaState(t.assessments);
    render(App, { app: t.app, pwa });
    t.app.unsaved = true;
    pwa.needRefresh = true;
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent(jaCommon.update.unsavedBody);
    expect(screen.queryByRole('button', { name: jaCommon.update.reload })).toBeNull();
    t.app.unsaved = false;
    expect(await screen.findByRole('button', { name: jaCommon.update.reload })).toBeInTheDocument();
    expect(dialog).toHaveTextContent(jaCommon.update.body);
  });

  it('an update accepted in another tab reloads only that tab; this one is told and reloads when its user chooses', async () => {
    const t = await makeApp();
    const pwa = new PwaState(t.assessments);
    let reloads = 0;
    render(App, { app: t.app, pwa });
    pwa.needRefresh = true;
    await user().click(await screen.findByRole('button', { name: jaCommon.update.later }));
    // The new version takes control (another tab said "update"): this tab, which did not ask, does not reload.
    pwa.controlling(() => reloads++);
    expect(reloads).toBe(0);
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent(jaCommon.update.elsewhereTitle);
    expect(screen.queryByRole('button', { name: jaCommon.update.later })).toBeNull();

    // The tab that asked reloads by itself.
    const asked = new PwaState(t.assessments);
    asked.attach(async () => undefined);
    await asked.update();
    asked.controlling(() => reloads++);
    expect(reloads).toBe(1);
  });
});

const user = () => userEvent.setup();
