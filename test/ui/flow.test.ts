// Moving through the wizard: 戻る with answers preselected, changing an answer prunes what no longer applies, and the review page.

import { screen, within } from '@testing-library/svelte';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { leakFlow } from '../../src/domain/flows/leak';
import { visibleQuestions } from '../../src/domain/machine';
import { expectHeading, h1, jaCommon, jaLeak, makeApp, openAssessment, qTitle, REPORTABLE_FACTS, stored } from './helpers';

const continueButton = () => screen.getByRole('button', { name: jaCommon.nav.continue });
const backButton = () => screen.getByRole('button', { name: jaCommon.nav.back });

/** The review page's rows: question title → answer as shown. */
function reviewRows(): [string, string][] {
  return screen.getAllByRole('term').map((dt) => {
    const row = dt.parentElement as HTMLElement;
    const answer = within(row).getAllByRole('definition')[0] as HTMLElement;
    return [dt.textContent ?? '', answer.textContent ?? ''];
  });
}

// The visually hidden ": question" suffix names each 変更 button after its question (spacing varies by DOM engine).
const changeButton = (id: keyof typeof jaLeak.questions) =>
  screen.getByRole('button', {
    name: (name) => name.replace(/\s+/g, '') === `${jaCommon.review.change}:${qTitle(id)}`.replace(/\s+/g, ''),
  });

async function answerFirstThree(user: UserEvent) {
  await user.click(screen.getByRole('radio', { name: jaLeak.options.actor.business.label }));
  await user.click(continueButton());
  await expectHeading(qTitle('events'));
  await user.click(screen.getByRole('checkbox', { name: jaLeak.options.events.leak.label }));
  await user.click(continueButton());
  await expectHeading(qTitle('certainty'));
  await user.click(screen.getByRole('radio', { name: jaLeak.options.certainty.suspected.label }));
  await user.click(continueButton());
  await expectHeading(qTitle('recoveredUnseen'));
}

describe('back and change', () => {
  it('戻る returns to each previous question with its answer preselected', async () => {
    const t = await makeApp();
    const env = await openAssessment(t);
    const user = userEvent.setup();
    await answerFirstThree(user);

    await user.click(backButton());
    await expectHeading(qTitle('certainty'));
    expect(screen.getByRole('radio', { name: jaLeak.options.certainty.suspected.label })).toBeChecked();
    expect(screen.getByRole('radio', { name: jaLeak.options.certainty.confirmed.label })).not.toBeChecked();

    await user.click(backButton());
    await expectHeading(qTitle('events'));
    expect(screen.getByRole('checkbox', { name: jaLeak.options.events.leak.label })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: jaLeak.options.events.loss.label })).not.toBeChecked();

    await user.click(backButton());
    await expectHeading(qTitle('actor'));
    expect(screen.getByRole('radio', { name: jaLeak.options.actor.business.label })).toBeChecked();

    // Going back never loses answers; the position is saved too.
    const saved = await stored(t, env.id);
    expect(saved.facts).toEqual({ actor: 'business', events: ['leak'], certainty: 'suspected' });
    expect(saved.position).toEqual({ screen: 'question', question: 'actor' });

    // Continuing without touching anything keeps the same answer.
    await user.click(continueButton());
    await expectHeading(qTitle('events'));
    expect(screen.getByRole('checkbox', { name: jaLeak.options.events.leak.label })).toBeChecked();
  });

  it('changing events to none drops the later answers and goes to a review listing only actor and events', async () => {
    const t = await makeApp();
    const env = await openAssessment(t);
    const user = userEvent.setup();
    await answerFirstThree(user);

    await user.click(backButton());
    await expectHeading(qTitle('certainty'));
    await user.click(backButton());
    await expectHeading(qTitle('events'));
    await user.click(screen.getByRole('checkbox', { name: jaLeak.options.events.leak.label }));
    await user.click(continueButton());

    await expectHeading(jaCommon.review.title);
    expect(reviewRows()).toEqual([
      [qTitle('actor'), jaLeak.options.actor.business.label],
      [qTitle('events'), jaCommon.answer.none],
    ]);
    expect(screen.getAllByRole('button', { name: new RegExp(`^${jaCommon.review.change}`) })).toHaveLength(2);
    const saved = await stored(t, env.id);
    expect(saved.facts).toEqual({ actor: 'business', events: [] });
    expect(saved.position).toEqual({ screen: 'review' });

    // The review's own 戻る goes to the last question on the path.
    await user.click(backButton());
    await expectHeading(qTitle('events'));
  });
});

describe('review page', () => {
  it('lists every answer on the path, in order, each with a 変更 button', async () => {
    const t = await makeApp();
    await openAssessment(t, { facts: { ...REPORTABLE_FACTS }, position: { screen: 'review' } });
    expect(h1()).toHaveTextContent(jaCommon.review.title);

    const path = visibleQuestions(leakFlow, REPORTABLE_FACTS).path;
    const rows = reviewRows();
    expect(rows.map(([q]) => q)).toEqual(path.map((id) => qTitle(id as keyof typeof jaLeak.questions)));
    expect(Object.fromEntries(rows)).toMatchObject({
      [qTitle('actor')]: jaLeak.options.actor.business.label,
      [qTitle('events')]: jaLeak.options.events.leak.label,
      [qTitle('sensitive')]: jaCommon.tri.yes,
      [qTitle('financial')]: jaCommon.tri.no,
      [qTitle('persons')]: '1人',
      [qTitle('knownOn')]: '2025年12月5日（金）',
    });
    for (const id of path) expect(changeButton(id as keyof typeof jaLeak.questions)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: jaCommon.review.confirm })).toBeInTheDocument();
  });

  it('変更 opens that question prefilled; answering returns straight to the review', async () => {
    const t = await makeApp();
    const env = await openAssessment(t, { facts: { ...REPORTABLE_FACTS }, position: { screen: 'review' } });
    const user = userEvent.setup();

    await user.click(changeButton('persons'));
    await expectHeading(qTitle('persons'));
    const input = screen.getByLabelText(jaCommon.question.countLabel);
    expect(input).toHaveValue('1');
    await user.clear(input);
    await user.type(input, '5');
    await user.click(continueButton());

    await expectHeading(jaCommon.review.title);
    expect(Object.fromEntries(reviewRows())[qTitle('persons')]).toBe('5人');
    expect((await stored(t, env.id)).facts).toEqual({ ...REPORTABLE_FACTS, persons: 5 });
  });

  it('a change that brings in a new question asks that question first', async () => {
    const t = await makeApp();
    const env = await openAssessment(t, { facts: { ...REPORTABLE_FACTS }, position: { screen: 'review' } });
    const user = userEvent.setup();
    expect(reviewRows().map(([q]) => q)).not.toContain(qTitle('ransomware'));

    await user.click(changeButton('wrongful'));
    await expectHeading(qTitle('wrongful'));
    expect(screen.getByRole('radio', { name: jaCommon.tri.no })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: jaCommon.tri.yes }));
    await user.click(continueButton());

    // Wrongful acts bring in the ransomware question, which was not on the path before.
    await expectHeading(qTitle('ransomware'));
    expect(screen.getByRole('radio', { name: jaCommon.tri.yes })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: jaCommon.tri.no })).not.toBeChecked();
    expect((await stored(t, env.id)).facts).toMatchObject({ wrongful: 'yes' });
  });

  // Regression: answers after a newly opened question were once pruned (and autosaved away) although they still applied.
  it('after answering the new question, returns to the review with the later answers kept', async () => {
    const t = await makeApp();
    const env = await openAssessment(t, { facts: { ...REPORTABLE_FACTS }, position: { screen: 'review' } });
    const user = userEvent.setup();

    await user.click(changeButton('wrongful'));
    await expectHeading(qTitle('wrongful'));
    await user.click(screen.getByRole('radio', { name: jaCommon.tri.yes }));
    await user.click(continueButton());
    await expectHeading(qTitle('ransomware'));
    await user.click(screen.getByRole('radio', { name: jaCommon.tri.no }));
    await user.click(continueButton());

    await expectHeading(jaCommon.review.title);
    const rows = Object.fromEntries(reviewRows());
    expect(rows[qTitle('wrongful')]).toBe(jaCommon.tri.yes);
    expect(rows[qTitle('ransomware')]).toBe(jaCommon.tri.no);
    expect(rows[qTitle('knownOn')]).toBe('2025年12月5日（金）');
    expect((await stored(t, env.id)).facts).toEqual({ ...REPORTABLE_FACTS, wrongful: 'yes', ransomware: 'no' });
  });
});
