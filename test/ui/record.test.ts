// Who decided what and why, and never losing an answer: the reason beside an answer, record keeping and sign-off
// (read-only, new versions), the history, and a save refused because another tab saved first.

import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AssessmentRepository } from '../../src/storage/assessments';
import type { RecordChange } from '../../src/storage/assessments';
import type { RecordChannel } from '../../src/storage/channel';
import { AppState } from '../../src/ui/app-state.svelte';
import AssessmentScreen from '../../src/ui/AssessmentScreen.svelte';
import { leakFacts } from '../fixtures/leak-facts';
import { expectHeading, jaCommon, jaLeak, makeApp, openAssessment, qTitle, saveAssessment, stored, type TestApp } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const fill = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));
const continueButton = () => screen.getByRole('button', { name: jaCommon.nav.continue });
const FINISHED = leakFacts({ sensitive: 'yes', persons: 1, knownOn: '2025-12-05' }, ['ransomware']);

async function answer(user: UserEvent, label: string) {
  await user.click(screen.getByRole('radio', { name: label }));
  await user.click(continueButton());
}

describe('the reason beside an answer', () => {
  it('is kept with the answer, shown on the review and result pages, and recorded in the history', async () => {
    const t = await makeApp();
    const env = await openAssessment(t);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: jaCommon.note.summary }));
    await user.type(screen.getByLabelText(jaCommon.note.label), '国立大学法人なので民間の事業者として扱う');
    await answer(user, jaLeak.options.actor.business.label);
    await expectHeading(qTitle('events'));

    const saved = await stored(t, env.id);
    expect(saved.answerNotes).toEqual({ actor: '国立大学法人なので民間の事業者として扱う' });
    expect(saved.history.map((h) => [h.kind, 'factId' in h ? h.factId : ''])).toEqual([
      ['answer', 'actor'],
      ['note', 'actor'],
    ]);

    // Going back shows the reason again, open.
    await user.click(screen.getByRole('button', { name: jaCommon.nav.back }));
    await expectHeading(qTitle('actor'));
    expect(screen.getByLabelText(jaCommon.note.label)).toHaveValue('国立大学法人なので民間の事業者として扱う');
  });

  it('a refused answer keeps the page and saves no reason', async () => {
    const t = await makeApp();
    const env = await openAssessment(t);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: jaCommon.note.summary }));
    await user.type(screen.getByLabelText(jaCommon.note.label), '理由');
    await user.click(continueButton());
    await screen.findByRole('alert');
    expect((await stored(t, env.id)).answerNotes).toEqual({});
    expect(screen.getByLabelText(jaCommon.note.label)).toHaveValue('理由');
  });

  it('markup in a reason is shown as text on the result page', async () => {
    const t = await makeApp();
    const base = await saveAssessment(t, { facts: FINISHED, position: { screen: 'outcome' } });
    await t.assessments.save({ ...base, answerNotes: { sensitive: '<img src=x onerror=alert(1)>' } });
    render(AssessmentScreen, { props: { app: t.app, id: base.id } });
    await expectHeading(jaLeak.outcomes.reportable.title);
    const notes = screen.getAllByTestId('answer-note');
    expect(notes[0]).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('record keeping and sign-off', () => {
  async function openFinished(t: TestApp) {
    const env = await saveAssessment(t, { facts: FINISHED, position: { screen: 'outcome' } });
    render(AssessmentScreen, { props: { app: t.app, id: env.id } });
    await expectHeading(jaLeak.outcomes.reportable.title);
    return env;
  }

  it('names the assessor and reviewer, keeps each change in the history, and signs off: read-only from then', async () => {
    const t = await makeApp();
    const env = await openFinished(t);
    const user = userEvent.setup();
    const panel = screen.getByTestId('record-panel');
    await user.type(within(panel).getByLabelText(jaCommon.record.assessor), '佐藤');
    await user.type(within(panel).getByLabelText(jaCommon.record.reviewer), '鈴木');
    await user.click(within(panel).getByRole('button', { name: jaCommon.record.save }));
    await waitFor(async () => expect((await stored(t, env.id)).reviewer).toBe('鈴木'));

    vi.stubGlobal(
      'confirm',
      vi.fn(() => true),
    );
    await user.click(within(panel).getByRole('button', { name: jaCommon.record.signOff }));
    const signed = await screen.findByTestId('signed-off');
    expect(signed).toHaveTextContent('鈴木');
    const after = await stored(t, env.id);
    expect(after.signedOffAt).not.toBeNull();
    expect(after.history.map((h) => h.kind)).toEqual(['assessor', 'reviewer', 'signed-off']);
    // No answer can be changed any more.
    expect(screen.queryByRole('button', { name: new RegExp(`^${jaCommon.review.change}`) })).toBeNull();
    expect(within(panel).queryByLabelText(jaCommon.record.assessor)).toBeNull();
  });

  it('a signed-off record starts a new version that links to it; the signed-off one is unchanged', async () => {
    const t = await makeApp();
    const env = await openFinished(t);
    const user = userEvent.setup();
    vi.stubGlobal(
      'confirm',
      vi.fn(() => true),
    );
    await user.click(screen.getByRole('button', { name: jaCommon.record.signOff }));
    await screen.findByTestId('signed-off');
    const signed = await stored(t, env.id);

    const goes: string[] = [];
    vi.spyOn(t.app, 'go').mockImplementation((r) => goes.push(r.name === 'assessment' ? r.id : r.name));
    await user.click(screen.getByRole('button', { name: jaCommon.record.newVersion }));
    await waitFor(() => expect(goes).toHaveLength(1));
    const next = await stored(t, goes[0]!);
    expect(next).toMatchObject({ previousVersion: env.id, signedOffAt: null, facts: signed.facts });
    expect(next.history.at(-1)).toMatchObject({ kind: 'new-version', ref: env.id });
    expect(await stored(t, env.id)).toEqual(signed);
  });

  it('sign-off is refused while the assessment is unfinished (and says so)', async () => {
    const t = await makeApp();
    const env = await saveAssessment(t, { facts: FINISHED, position: { screen: 'outcome' } });
    const r = await import('../../src/storage/record');
    expect(r.signOff({ ...env, outcome: null }, new Date())).toEqual({ ok: false, refusal: 'not-complete' });
  });
});

describe('two tabs on one record', () => {
  /** A second tab: its own repository (its own idea of each record's revision) on the same database. */
  function otherTab(t: TestApp) {
    return new AssessmentRepository(t.db);
  }

  it('a save over a newer version from another tab is refused and nothing is lost; the person chooses', async () => {
    const t = await makeApp();
    const env = await openAssessment(t);
    const user = userEvent.setup();
    // The other tab answers the first question differently and saves first.
    const tab2 = otherTab(t);
    const theirs = await tab2.get(env.id);
    await tab2.save({ ...theirs!, facts: { actor: 'public-body' } });

    await answer(user, jaLeak.options.actor.business.label);
    const conflict = await screen.findByTestId('conflict');
    expect(within(conflict).getByRole('heading', { name: jaCommon.conflict.title })).toHaveFocus();
    // Nothing of this tab was written over the other tab's answer.
    expect((await stored(t, env.id)).facts).toEqual({ actor: 'public-body' });

    // Keep both: this tab's version becomes a new record; the other tab's stays.
    const goes: string[] = [];
    vi.spyOn(t.app, 'go').mockImplementation((r) => goes.push(r.name === 'assessment' ? r.id : r.name));
    await user.click(within(conflict).getByRole('button', { name: jaCommon.conflict.copy }));
    await waitFor(() => expect(goes).toHaveLength(1));
    expect((await stored(t, goes[0]!)).facts).toEqual({ actor: 'business' });
    expect((await stored(t, env.id)).facts).toEqual({ actor: 'public-body' });
  });

  it('"overwrite" keeps this tab’s version, and the other tab is then the stale one', async () => {
    const t = await makeApp();
    const env = await openAssessment(t);
    const user = userEvent.setup();
    const tab2 = otherTab(t);
    await tab2.save({ ...(await tab2.get(env.id))!, facts: { actor: 'public-body' } });
    await answer(user, jaLeak.options.actor.business.label);
    await user.click(within(await screen.findByTestId('conflict')).getByRole('button', { name: jaCommon.conflict.mine }));
    await waitFor(async () => expect((await stored(t, env.id)).facts).toEqual({ actor: 'business' }));
    expect(screen.queryByTestId('conflict')).toBeNull();

    // Now the other tab is stale: its save is refused in turn.
    await expect(tab2.save({ ...(await t.assessments.get(env.id))!, title: 'x' })).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('"load the other tab’s version" drops this tab’s unsaved change and shows the stored answers', async () => {
    const t = await makeApp();
    const env = await openAssessment(t);
    const user = userEvent.setup();
    const tab2 = otherTab(t);
    await tab2.save({ ...(await tab2.get(env.id))!, facts: { actor: 'public-body' } });
    await answer(user, jaLeak.options.actor.business.label);
    await user.click(within(await screen.findByTestId('conflict')).getByRole('button', { name: jaCommon.conflict.theirs }));
    // Where the other tab's version stands: its answer to the first question.
    await expectHeading(qTitle('actor'));
    expect(screen.queryByTestId('conflict')).toBeNull();
    expect(screen.getByRole('radio', { name: jaLeak.options.actor['public-body'].label })).toBeChecked();
    // And this tab now builds on it: the next answer saves without a conflict.
    await answer(user, jaLeak.options.actor['public-body'].label);
    await expectHeading(qTitle('events'));
    await waitFor(async () => expect((await stored(t, env.id)).position).toEqual({ screen: 'question', question: 'events' }));
    expect(screen.queryByTestId('conflict')).toBeNull();
  });

  it('a change posted by another tab is announced on the open record, with a way to load it', async () => {
    const t = await makeApp();
    let listener: ((c: RecordChange) => void) | undefined;
    const channel: RecordChannel = {
      post: () => undefined,
      listen: (l) => {
        listener = l;
        return () => (listener = undefined);
      },
    };
    const app = new AppState(t.app.i18n, t.assessments, t.settings, 'ja', t.cases, undefined, channel);
    const env = await saveAssessment(t);
    render(AssessmentScreen, { props: { app, id: env.id } });
    await expectHeading(qTitle('actor'));
    listener?.({ id: 'another-record', rev: 3 });
    expect(screen.queryByTestId('changed-elsewhere')).toBeNull();
    listener?.({ id: env.id, rev: 3 });
    const notice = await screen.findByTestId('changed-elsewhere');
    expect(notice).toHaveTextContent(jaCommon.conflict.changedElsewhere);
  });

  it('the browser asks before the page is left while an answer is not saved', async () => {
    const t = await makeApp();
    const env = await openAssessment(t);
    const user = userEvent.setup();
    const tab2 = otherTab(t);
    await tab2.save({ ...(await tab2.get(env.id))!, title: 'other' });
    await answer(user, jaLeak.options.actor.business.label);
    await screen.findByTestId('conflict');
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    expect(fill(jaCommon.leave, {})).toBe(jaCommon.leave);
  });
});
