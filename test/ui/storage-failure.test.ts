// Storage failures: a failed autosave is shown plainly, the answer stays on screen, nothing stored is damaged, and retry saves.

import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShirubeDb } from '../../src/storage/db';
import App from '../../src/ui/App.svelte';
import { expectHeading, jaCommon, jaLeak, makeApp, openAssessment, qTitle, stored } from './helpers';

type Put = ShirubeDb['assessments']['put'];

/** Makes every write to the assessments table fail as a full disk would; returns a function that undoes it. */
function failWrites(db: ShirubeDb): () => void {
  const table = db.assessments as unknown as { put: Put };
  table.put = (() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as Put;
  return () => {
    delete (table as { put?: Put }).put;
  };
}

afterEach(() => {
  location.hash = '';
});

describe('storage failure while answering', () => {
  it('shows the quota alert, keeps the answer on screen and the stored envelope intact; retry saves', async () => {
    const t = await makeApp();
    const env = await openAssessment(t);
    const before = await stored(t, env.id);
    const user = userEvent.setup();
    const restore = failWrites(t.db);

    await user.click(screen.getByRole('radio', { name: jaLeak.options.actor.business.label }));
    await user.click(screen.getByRole('button', { name: jaCommon.nav.continue }));

    const alert = await screen.findByTestId('storage-alert');
    expect(within(alert).getByRole('heading', { name: jaCommon.storage.quota.title })).toBeInTheDocument();
    expect(alert).toHaveTextContent(jaCommon.storage.quota.body);
    expect(alert).toHaveAttribute('role', 'alert');
    // The wizard went on: the answer is kept in the session.
    await expectHeading(qTitle('events'));
    expect(screen.queryByText(jaCommon.save.saved)).not.toBeInTheDocument();
    expect(await stored(t, env.id)).toEqual(before);

    // Still failing: retrying keeps the alert and changes nothing.
    await user.click(within(alert).getByRole('button', { name: jaCommon.storage.retry }));
    await t.assessments.flush();
    expect(screen.getByTestId('storage-alert')).toBeInTheDocument();
    expect(await stored(t, env.id)).toEqual(before);

    restore();
    await user.click(within(screen.getByTestId('storage-alert')).getByRole('button', { name: jaCommon.storage.retry }));
    await screen.findByText(jaCommon.save.saved);
    expect(screen.queryByTestId('storage-alert')).not.toBeInTheDocument();
    const after = await stored(t, env.id);
    expect(after.facts).toEqual({ actor: 'business' });
    expect(after.position).toEqual({ screen: 'question', question: 'events' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(qTitle('events'));
  });

  it('answers given while saving fails are all saved by the next successful save', async () => {
    const t = await makeApp();
    const env = await openAssessment(t);
    const user = userEvent.setup();
    const restore = failWrites(t.db);

    await user.click(screen.getByRole('radio', { name: jaLeak.options.actor.business.label }));
    await user.click(screen.getByRole('button', { name: jaCommon.nav.continue }));
    await expectHeading(qTitle('events'));
    await screen.findByTestId('storage-alert');

    restore();
    await user.click(screen.getByRole('checkbox', { name: jaLeak.options.events.leak.label }));
    await user.click(screen.getByRole('button', { name: jaCommon.nav.continue }));
    await expectHeading(qTitle('certainty'));
    await screen.findByText(jaCommon.save.saved);
    expect(screen.queryByTestId('storage-alert')).not.toBeInTheDocument();
    expect((await stored(t, env.id)).facts).toEqual({ actor: 'business', events: ['leak'] });
  });
});

describe('storage failure when starting an assessment', () => {
  it('shows the app-level alert on the start page and stores nothing', async () => {
    const t = await makeApp();
    location.hash = '#/new/leak';
    render(App, { props: { app: t.app } });
    const user = userEvent.setup();
    await expectHeading(jaLeak.title);
    failWrites(t.db);

    await user.type(screen.getByLabelText(jaCommon.start.titleLabel), '新しい案件');
    await user.click(screen.getByRole('button', { name: jaCommon.start.begin }));

    const alert = await screen.findByTestId('storage-alert');
    expect(within(alert).getByRole('heading', { name: jaCommon.storage.quota.title })).toBeInTheDocument();
    // Nothing to retry here: the assessment was never created.
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(jaLeak.title);
    expect((await t.assessments.list()).items).toEqual([]);
  });

  // Regression: the app-level alert was once never cleared after a successful retry.
  it('clears the app-level alert once starting succeeds on a retry', async () => {
    const t = await makeApp();
    location.hash = '#/new/leak';
    render(App, { props: { app: t.app } });
    const user = userEvent.setup();
    await expectHeading(jaLeak.title);
    const restore = failWrites(t.db);

    await user.click(screen.getByRole('button', { name: jaCommon.start.begin }));
    await screen.findByTestId('storage-alert');

    restore();
    await user.click(screen.getByRole('button', { name: jaCommon.start.begin }));
    await expectHeading(qTitle('actor'));
    expect((await t.assessments.list()).items).toHaveLength(1);
    expect(screen.queryByTestId('storage-alert')).not.toBeInTheDocument();
  });
});
