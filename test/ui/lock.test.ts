// The lock screens: the settings form refuses what it should (empty, short, mismatched, unconfirmed) before anything
// slow or stored happens; locking, a wrong current passphrase that changes nothing, and removing the lock; the unlock
// screen's plain message for a wrong passphrase, and the app behind it once the right one is given.

import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryLock } from '../../src/app/lock';
import { isSealedRow, LOCKED } from '../../src/storage/codec';
import type { ShirubeDb } from '../../src/storage/db';
import { enableLock, lockState } from '../../src/storage/lock';
import { MIN_PASSPHRASE } from '../../src/storage/vault';
import App from '../../src/ui/App.svelte';
import LockSettings from '../../src/ui/lock/LockSettings.svelte';
import { jaCommon, jaRecords, makeApp, saveAssessment, type TestApp } from './helpers';

// A small derivation cost keeps the tests quick; the app's default is 600,000.
const FAST = 1000;
const PASS = '監査室のノートパソコン';
const TITLE = '取引先名簿の誤送信';
const L = jaRecords.lock;
const tooShort = L.errors.tooShort.replace('{{min}}', String(MIN_PASSPHRASE));

async function rawDump(db: ShirubeDb) {
  const out: Record<string, unknown[]> = {};
  for (const t of ['assessments', 'summaries', 'cases', 'settings']) out[t] = await db.table(t).toArray();
  return out;
}

async function withLock(): Promise<TestApp> {
  const t = await makeApp();
  await saveAssessment(t, { title: TITLE });
  t.app.lock = new LibraryLock(t.db, t, undefined, FAST);
  return t;
}

const summary = () => screen.getByRole('alert');

afterEach(() => {
  location.hash = '';
});

describe('lock settings', () => {
  it('refuses an empty, short, mismatched or unconfirmed passphrase, then locks with a valid one', async () => {
    const t = await withLock();
    const before = await rawDump(t.db);
    const user = userEvent.setup();
    render(LockSettings, { props: { app: t.app } });
    expect(await screen.findByTestId('lock-status')).toHaveTextContent(L.settings.statusOpen);
    // What stays unencrypted is said plainly.
    for (const item of L.settings.clearItems) expect(screen.getByText(item)).toBeInTheDocument();
    const lockButton = screen.getByRole('button', { name: L.settings.enable });

    await user.click(lockButton);
    expect(summary()).toHaveTextContent(L.errors.empty);
    expect(screen.getByText(L.errors.understand, { selector: '.field-error' })).toBeInTheDocument();
    expect(screen.getByLabelText(L.settings.passphrase)).toHaveAttribute('aria-invalid', 'true');

    await user.type(screen.getByLabelText(L.settings.passphrase), 'short');
    await user.click(lockButton);
    expect(summary()).toHaveTextContent(tooShort);

    await user.clear(screen.getByLabelText(L.settings.passphrase));
    await user.type(screen.getByLabelText(L.settings.passphrase), PASS);
    await user.type(screen.getByLabelText(L.settings.confirm), `${PASS}。`);
    await user.click(screen.getByLabelText(L.settings.understand));
    await user.click(lockButton);
    expect(summary()).toHaveTextContent(L.errors.mismatch);
    expect(screen.getByLabelText(L.settings.confirm)).toHaveAttribute('aria-invalid', 'true');
    // Nothing was stored by any refusal.
    expect(await rawDump(t.db)).toEqual(before);

    await user.clear(screen.getByLabelText(L.settings.confirm));
    await user.type(screen.getByLabelText(L.settings.confirm), PASS);
    await user.click(lockButton);
    expect(await screen.findByTestId('lock-done')).toHaveTextContent(L.settings.enabled);
    expect(screen.getByTestId('lock-status')).toHaveTextContent(L.settings.statusLocked.split('（')[0]!);
    const raw = await rawDump(t.db);
    expect(JSON.stringify(raw)).not.toContain(TITLE);
    expect(raw.assessments!.every(isSealedRow)).toBe(true);
    // This tab goes on with the key: the record still reads.
    expect(t.assessments.codec.sealed).toBe(true);
    expect((await t.assessments.list()).items[0]?.title).toBe(TITLE);
  });

  it('a wrong current passphrase is refused plainly and changes nothing; the right one removes the lock', async () => {
    const t = await withLock();
    await t.app.lock!.enable(PASS, new Date());
    const before = await rawDump(t.db);
    const user = userEvent.setup();
    render(LockSettings, { props: { app: t.app } });
    const disable = await screen.findByRole('button', { name: L.settings.disable });
    const form = disable.closest('form')!;

    await user.click(disable);
    expect(summary()).toHaveTextContent(L.errors.currentEmpty);

    await user.type(within(form).getByLabelText(L.settings.current), 'まちがったパスフレーズです');
    await user.click(disable);
    expect(await screen.findByText(L.errors.wrong, { selector: '.error-summary a' })).toBeInTheDocument();
    expect(await rawDump(t.db)).toEqual(before);

    // Changing the passphrase checks the new one like locking does.
    const changeForm = screen.getByRole('button', { name: L.settings.change }).closest('form')!;
    await user.type(within(changeForm).getByLabelText(L.settings.current), PASS);
    await user.type(within(changeForm).getByLabelText(L.settings.newPassphrase), 'short');
    await user.click(within(changeForm).getByRole('button', { name: L.settings.change }));
    expect(summary()).toHaveTextContent(tooShort);
    expect(await rawDump(t.db)).toEqual(before);

    await user.clear(within(form).getByLabelText(L.settings.current));
    await user.type(within(form).getByLabelText(L.settings.current), PASS);
    await user.click(disable);
    expect(await screen.findByTestId('lock-done')).toHaveTextContent(L.settings.disabled);
    expect(screen.getByTestId('lock-status')).toHaveTextContent(L.settings.statusOpen);
    expect(await lockState(t.db)).toEqual({ locked: false });
    expect(JSON.stringify(await rawDump(t.db))).toContain(TITLE);
  });
});

describe('where the lock cannot be used, and when another tab changes it', () => {
  it('says the lock cannot be used here (no Web Crypto, or no database of its own) and offers no form', async () => {
    const t = await makeApp();
    render(LockSettings, { props: { app: t.app } });
    expect(await screen.findByTestId('lock-unavailable')).toHaveTextContent(L.settings.unavailable);
    expect(screen.queryByRole('button', { name: L.settings.enable })).not.toBeInTheDocument();
  });

  it('another tab changed the lock: reload when nothing is unsaved, else keep the answers with the alert', async () => {
    const t = await makeApp();
    let reloads = 0;
    t.app.lockChanged(() => reloads++);
    expect(reloads).toBe(1);
    expect(t.app.storageError).toBeNull();
    t.app.unsaved = true;
    t.app.lockChanged(() => reloads++);
    expect(reloads).toBe(1);
    expect(t.app.storageError?.kind).toBe('lock-changed');
  });
});

describe('unlock screen', () => {
  it('says plainly when the passphrase is wrong (nothing changed), and opens the library with the right one', async () => {
    const t = await makeApp();
    await saveAssessment(t, { title: TITLE });
    await enableLock(t.db, PASS, new Date(), FAST);
    // As main.ts starts a locked library: repositories that can read and write nothing, and the unlock screen.
    t.assessments.codec = LOCKED;
    t.cases.codec = LOCKED;
    t.app.lock = new LibraryLock(t.db, t, undefined, FAST);
    t.app.locked = true;
    const before = await rawDump(t.db);
    const user = userEvent.setup();
    render(App, { props: { app: t.app } });

    expect(await screen.findByRole('heading', { level: 1, name: L.unlock.title })).toBeInTheDocument();
    expect(screen.getByText(L.unlock.forgotten)).toBeInTheDocument();
    expect(screen.queryByText(TITLE)).not.toBeInTheDocument();
    const submit = screen.getByRole('button', { name: L.unlock.submit });

    await user.click(submit);
    expect(summary()).toHaveTextContent(L.errors.empty);

    await user.type(screen.getByLabelText(L.unlock.label), 'まちがったパスフレーズです');
    await user.click(submit);
    expect(await screen.findByText(L.errors.wrong, { selector: '.error-summary a' })).toBeInTheDocument();
    expect(screen.getByText(L.errors.wrong, { selector: '.field-error' })).toBeInTheDocument();
    expect(t.app.locked).toBe(true);
    expect(await rawDump(t.db)).toEqual(before);

    await user.clear(screen.getByLabelText(L.unlock.label));
    await user.type(screen.getByLabelText(L.unlock.label), PASS);
    await user.click(submit);
    expect(await screen.findByRole('heading', { level: 1, name: jaCommon.home.title })).toBeInTheDocument();
    expect(screen.queryByTestId('unlock')).not.toBeInTheDocument();
    expect(t.assessments.codec.sealed).toBe(true);
    expect((await t.assessments.list()).items.map((s) => s.title)).toEqual([TITLE]);
    expect(await rawDump(t.db)).toEqual(before);
  });
});
