// Long pickers and reading aids: grouped identifier-code checkboxes with one-line hints, the sensitive-category list, and the joint-use checklist.

import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PERSONAL_INFO_QUESTIONS } from '../../src/domain/flows/personal-info';
import type { FactValue, FlowId, MultiQuestion } from '../../src/domain/types';
import { newEnvelope, type Envelope } from '../../src/storage/envelope';
import AssessmentScreen from '../../src/ui/AssessmentScreen.svelte';
import jaPI from '../../locales/ja/personal-info.json';
import jaProvision from '../../locales/ja/provision.json';
import { expectHeading, h1, jaCommon, makeApp, stored, type TestApp } from './helpers';

const fill = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));

const continueButton = () => screen.getByRole('button', { name: jaCommon.nav.continue });

/** Saves a run of `flow` with these facts and opens the wizard on it; resolves once the first heading is shown. */
async function openRun(t: TestApp, flow: FlowId, facts: Record<string, FactValue>): Promise<Envelope> {
  const env: Envelope = { ...newEnvelope(flow, `p-${Math.random().toString(36).slice(2)}`, '採用応募者の管理', new Date()), facts };
  await t.assessments.save(env);
  render(AssessmentScreen, { props: { app: t.app, id: env.id } });
  await screen.findByRole('heading', { level: 1 });
  return env;
}

const multi = (id: string): MultiQuestion => {
  const q = PERSONAL_INFO_QUESTIONS.find((x) => x.id === id);
  if (q?.type !== 'multi') throw new Error(`${id} is not a multi question`);
  return q;
};

type Code = keyof typeof jaPI.options.identifierCodes;
type Category = keyof typeof jaPI.options.sensitiveCategories;
const codeLabel = (c: string) => jaPI.options.identifierCodes[c as Code].label;
const codeHint = (c: string) => jaPI.options.identifierCodes[c as Code].hint;

const TO_CODES = { aboutPerson: 'yes', alive: 'yes', statistical: 'no' } as const;
const TO_CATEGORIES = { ...TO_CODES, identifierCodes: [], identifies: 'yes', processing: 'none' };
// Personal data shared under joint use with a recipient in Japan: the next question is whether the five items were notified.
const TO_JOINT_USE = {
  othersCanUse: 'yes',
  dataKind: 'personal-data',
  exception27: 'none',
  improperUse: 'no',
  recipientAbroad: 'no',
  arrangement: 'joint-use',
};

describe('identifier code picker', () => {
  it('shows the biometric and the number groups under their headings, 21 options in all, each described by its hint', async () => {
    const t = await makeApp();
    await openRun(t, 'personal-info', { ...TO_CODES });
    expect(h1()).toHaveTextContent(jaPI.questions.identifierCodes.title);

    const groups = multi('identifierCodes').groups ?? [];
    expect(groups.map((g) => g.id)).toEqual(['biometric', 'numbers']);
    for (const g of groups) {
      const label = jaPI.optionGroups.identifierCodes[g.id as 'biometric' | 'numbers'].label;
      const heading = screen.getByRole('heading', { level: 2, name: label });
      const box = heading.closest('.choice-group') as HTMLElement;
      // Each group lists exactly its own options, in the order of the option list.
      const names = within(box)
        .getAllByRole('checkbox')
        .map((c) => (c as HTMLInputElement).labels?.[0]?.textContent);
      expect(names).toEqual(g.options.map(codeLabel));
    }

    const all = multi('identifierCodes').options;
    expect(all).toHaveLength(21);
    const boxes = within(document.getElementById('field-identifierCodes') as HTMLElement).getAllByRole('checkbox');
    expect(boxes).toHaveLength(21);
    for (const code of all) {
      const box = screen.getByRole('checkbox', { name: codeLabel(code) });
      expect(box).not.toBeChecked();
      // The hint is what a screen reader reads after the label, so the link must point at this option's own hint.
      const hintId = box.getAttribute('aria-describedby');
      expect(hintId).toBeTruthy();
      expect(document.getElementById(hintId ?? '')).toHaveTextContent(codeHint(code));
      expect(box).toHaveAccessibleDescription(codeHint(code));
    }
  });

  it('stores the ticked codes in the order of the option list, not the order they were ticked', async () => {
    const t = await makeApp();
    const env = await openRun(t, 'personal-info', { ...TO_CODES });
    const user = userEvent.setup();

    await user.click(screen.getByRole('checkbox', { name: codeLabel('my-number') }));
    await user.click(screen.getByRole('checkbox', { name: codeLabel('face') }));
    await user.click(continueButton());

    // A code settles identifiability, so the next question is about processing.
    await expectHeading(jaPI.questions.processing.title);
    const saved = await stored(t, env.id);
    expect(saved.facts).toEqual({ ...TO_CODES, identifierCodes: ['face', 'my-number'] });
    expect(saved.position).toEqual({ screen: 'question', question: 'processing' });
  });

  it('ticking none stores an empty list and moves on to whether the data identifies someone', async () => {
    const t = await makeApp();
    const env = await openRun(t, 'personal-info', { ...TO_CODES });
    const user = userEvent.setup();

    expect(screen.getByText(jaCommon.question.multiNone)).toBeInTheDocument();
    await user.click(continueButton());

    await expectHeading(jaPI.questions.identifies.title);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const saved = await stored(t, env.id);
    expect(saved.facts).toEqual({ ...TO_CODES, identifierCodes: [] });
    expect(saved.position).toEqual({ screen: 'question', question: 'identifies' });
  });
});

describe('sensitive category picker', () => {
  it('lists all 11 categories in one plain list, each described by its hint', async () => {
    const t = await makeApp();
    await openRun(t, 'personal-info', TO_CATEGORIES);
    expect(h1()).toHaveTextContent(jaPI.questions.sensitiveCategories.title);

    const options = multi('sensitiveCategories').options;
    expect(options).toHaveLength(11);
    const field = document.getElementById('field-sensitiveCategories') as HTMLElement;
    const names = within(field)
      .getAllByRole('checkbox')
      .map((c) => (c as HTMLInputElement).labels?.[0]?.textContent);
    expect(names).toEqual(options.map((o) => jaPI.options.sensitiveCategories[o as Category].label));
    // Without groups there are no group headings.
    expect(within(field).queryByRole('heading')).not.toBeInTheDocument();
    for (const o of options) {
      const hint = jaPI.options.sensitiveCategories[o as Category].hint;
      expect(screen.getByRole('checkbox', { name: jaPI.options.sensitiveCategories[o as Category].label })).toHaveAccessibleDescription(
        hint,
      );
    }
  });
});

describe('joint-use checklist', () => {
  const items = jaProvision.questions.jointUseNotified.checklist;
  const count = (done: number) => fill(jaCommon.question.checklistCount, { done, total: 5 });

  it('counts the ticked items live without storing them; the stored answer is the radio choice', async () => {
    const t = await makeApp();
    const env = await openRun(t, 'provision', TO_JOINT_USE);
    const user = userEvent.setup();
    expect(h1()).toHaveTextContent(jaProvision.questions.jointUseNotified.title);
    const before = await stored(t, env.id);

    const list = screen.getByTestId('checklist');
    expect(within(list).getByRole('heading', { name: jaCommon.question.checklistTitle })).toBeInTheDocument();
    expect(items).toHaveLength(5);
    const boxes = within(list).getAllByRole('checkbox');
    expect(boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent)).toEqual(items);
    const status = within(list).getByRole('status');
    expect(status).toHaveTextContent(count(0));

    await user.click(within(list).getByRole('checkbox', { name: items[0] }));
    await user.click(within(list).getByRole('checkbox', { name: items[3] }));
    expect(status).toHaveTextContent(count(2));
    await user.click(within(list).getByRole('checkbox', { name: items[0] }));
    expect(status).toHaveTextContent(count(1));

    // The checklist is a reading aid: ticking saves nothing.
    const during = await stored(t, env.id);
    expect(during.facts).toEqual(TO_JOINT_USE);
    expect(during.position).toEqual(before.position);
    expect(during.updatedAt).toBe(before.updatedAt);

    await user.click(screen.getByRole('radio', { name: jaCommon.tri.yes }));
    await user.click(continueButton());
    await expectHeading(jaCommon.review.title);
    const saved = await stored(t, env.id);
    expect(saved.facts).toEqual({ ...TO_JOINT_USE, jointUseNotified: 'yes' });
  });

  it('starts again from none ticked when the question is shown again', async () => {
    const t = await makeApp();
    await openRun(t, 'provision', TO_JOINT_USE);
    const user = userEvent.setup();
    const list = () => screen.getByTestId('checklist');

    await user.click(within(list()).getByRole('checkbox', { name: items[1] }));
    expect(within(list()).getByRole('status')).toHaveTextContent(count(1));
    await user.click(screen.getByRole('radio', { name: jaCommon.tri.no }));
    await user.click(continueButton());
    await expectHeading(jaProvision.questions.consent.title);

    await user.click(screen.getByRole('button', { name: jaCommon.nav.back }));
    await expectHeading(jaProvision.questions.jointUseNotified.title);
    expect(within(list()).getByRole('status')).toHaveTextContent(count(0));
    expect(
      within(list())
        .getAllByRole('checkbox')
        .filter((b) => (b as HTMLInputElement).checked),
    ).toHaveLength(0);
    expect(screen.getByRole('radio', { name: jaCommon.tri.no })).toBeChecked();
  });
});
