// Home page: saved assessments are listed, and importing never overwrites — bad files are refused, repeats become copies.

import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import Home from '../../src/ui/home/Home.svelte';
import { expectHeading, fixture, fixtureText, jaCommon, jaLeak, makeApp, saveAssessment, v1FixtureText, type TestApp } from './helpers';

const fill = (template: string, vars: Record<string, string>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');

async function renderHome(t: TestApp) {
  render(Home, { props: { app: t.app } });
  await expectHeading(jaCommon.home.title);
}

const fileInput = () => screen.getByLabelText(jaCommon.import.choose) as HTMLInputElement;
const jsonFile = (text: string, name = 'assessment.json') => new File([text], name, { type: 'application/json' });

/** Titles shown in the saved list, newest first. */
const savedTitles = () => Array.from(document.querySelectorAll('.saved-title'), (a) => a.textContent);

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

describe('import', () => {
  it('refuses a file that is not JSON and saves nothing', async () => {
    const t = await makeApp();
    await saveAssessment(t, { title: '既存の判定' });
    await renderHome(t);
    await screen.findByRole('link', { name: '既存の判定' });
    const user = userEvent.setup();

    await user.upload(fileInput(), jsonFile('not json', 'bad.json'));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(jaCommon.import['not-json']);
    const { items } = await t.assessments.list();
    expect(items.map((i) => i.title)).toEqual(['既存の判定']);
    expect(savedTitles()).toEqual(['既存の判定']);
  });

  it('imports the exported fixture, then imports it again as a copy without touching the original', async () => {
    const t = await makeApp();
    await renderHome(t);
    await screen.findByText(jaCommon.home.none);
    const user = userEvent.setup();
    const original = fixture();

    await user.upload(fileInput(), jsonFile(fixtureText()));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent(fill(jaCommon.import.done, { title: original.title }));
    expect(status).not.toHaveTextContent(jaCommon.import.outcomeDiffers.slice(0, 10));
    // Stored as imported; the save itself is revision 1 on this device.
    expect(await t.assessments.get(original.id)).toEqual({ ...original, rev: original.rev + 1 });
    const link = await screen.findByRole('link', { name: original.title });
    expect(link).toHaveAttribute('href', `#/a/${original.id}`);
    // Outcome titles come from the flow's texts.
    expect(link.closest('li')).toHaveTextContent(jaLeak.outcomes.reportable.title);

    await user.upload(fileInput(), jsonFile(fixtureText()));
    const copyTitle = fill(jaCommon.import.copyTitle, { title: original.title });
    expect(await screen.findByText(fill(jaCommon.import.done, { title: copyTitle }))).toBeInTheDocument();

    const { items } = await t.assessments.list();
    expect(items).toHaveLength(2);
    const copy = items.find((i) => i.id !== original.id);
    expect(copy?.title).toBe(copyTitle);
    expect(await t.assessments.get(original.id)).toEqual({ ...original, rev: original.rev + 1 });
    expect((await t.assessments.get(copy?.id ?? ''))?.facts).toEqual(original.facts);

    const list = await screen.findByRole('link', { name: copyTitle });
    expect(within(list.closest('ul') as HTMLElement).getByRole('link', { name: original.title })).toBeInTheDocument();
    expect(savedTitles()).toHaveLength(2);
  });

  it('says so when an imported verdict is not what the current rules give for its answers', async () => {
    const t = await makeApp();
    await renderHome(t);
    await screen.findByText(jaCommon.home.none);
    const user = userEvent.setup();
    const doctored = fixture();
    doctored.outcome = { ...doctored.outcome!, outcome: 'not-reportable' };

    await user.upload(fileInput(), jsonFile(JSON.stringify(doctored)));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent(fill(jaCommon.import.done, { title: doctored.title }));
    expect(status).toHaveTextContent(
      fill(jaCommon.import.outcomeDiffers, { ruleset: doctored.ruleset, revision: jaCommon.rulesRevision['2026-12'] }),
    );
    // Stored as imported: the evidence is kept, not silently corrected.
    expect((await t.assessments.get(doctored.id))?.outcome?.outcome).toBe('not-reportable');
  });

  it('a record saved before the rules revision imports as it was, and says its verdict will be assessed again and kept', async () => {
    const t = await makeApp();
    await renderHome(t);
    await screen.findByText(jaCommon.home.none);
    const user = userEvent.setup();
    const old = fixture(v1FixtureText());

    await user.upload(fileInput(), jsonFile(v1FixtureText()));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent(
      fill(jaCommon.import.outcomeDiffers, { ruleset: old.ruleset, revision: jaCommon.rulesRevision['2025-10'] }),
    );
    expect(await t.assessments.get(old.id)).toEqual({ ...old, rev: old.rev + 1 });
  });

  it('refuses a JSON file that is not an assessment', async () => {
    const t = await makeApp();
    await renderHome(t);
    const user = userEvent.setup();

    await user.upload(fileInput(), jsonFile('{"hello": "world"}'));
    expect(await screen.findByRole('alert')).toHaveTextContent(jaCommon.import['not-an-assessment']);
    expect((await t.assessments.list()).items).toEqual([]);
  });
});
