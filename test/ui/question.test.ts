// Question page: answering moves on and autosaves; invalid answers show the focused error summary and change nothing stored.

import { screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  expectHeading,
  h1,
  jaCommon,
  jaLeak,
  makeApp,
  openAssessment,
  qTitle,
  REPORTABLE_FACTS,
  SENSITIVE_LEAK_TO_PERSONS,
  stored,
} from './helpers';

const continueButton = () => screen.getByRole('button', { name: jaCommon.nav.continue });

/** The error summary (role alert) must carry exactly this message and hold the focus. */
async function expectError(message: string): Promise<HTMLElement> {
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(jaCommon.errors.summaryTitle);
  expect(within(alert).getByRole('link', { name: message })).toBeInTheDocument();
  expect(alert).toHaveFocus();
  return alert;
}

describe('answering a question', () => {
  it('starts on the actor question, moves to events on 次へ進む, and autosaves the answer', async () => {
    const t = await makeApp();
    const env = await openAssessment(t);
    const user = userEvent.setup();

    expect(h1()).toHaveTextContent(qTitle('actor'));
    expect(screen.getByText(/質問 1/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: jaLeak.options.actor.business.label }));
    await user.click(continueButton());

    await expectHeading(qTitle('events'));
    expect(screen.getByText(/質問 2/)).toBeInTheDocument();
    const saved = await stored(t, env.id);
    expect(saved.facts).toEqual({ actor: 'business' });
    expect(saved.position).toEqual({ screen: 'question', question: 'events' });

    await user.click(screen.getByRole('checkbox', { name: jaLeak.options.events.leak.label }));
    await user.click(screen.getByRole('checkbox', { name: jaLeak.options.events.loss.label }));
    await user.click(continueButton());
    await expectHeading(qTitle('certainty'));
    expect((await stored(t, env.id)).facts).toEqual({ actor: 'business', events: ['leak', 'loss'] });
  });

  it('resumes on the saved question with the saved answers kept', async () => {
    const t = await makeApp();
    const env = await openAssessment(t, {
      facts: { actor: 'public-body', events: ['damage'] },
      position: { screen: 'question', question: 'events' },
    });
    expect(h1()).toHaveTextContent(qTitle('events'));
    expect(screen.getByRole('checkbox', { name: jaLeak.options.events.damage.label })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: jaLeak.options.events.leak.label })).not.toBeChecked();
    expect((await stored(t, env.id)).facts).toEqual({ actor: 'public-body', events: ['damage'] });
  });
});

describe('error summary', () => {
  it('its link moves focus to the first option without changing the address (the app routes on the hash)', async () => {
    const t = await makeApp();
    await openAssessment(t);
    const user = userEvent.setup();
    const before = location.hash;

    await user.click(continueButton());
    const alert = await expectError(jaCommon.errors['not-option']);
    await user.click(within(alert).getByRole('link'));
    expect(location.hash).toBe(before);
    expect(screen.getByRole('radio', { name: jaLeak.options.actor.business.label })).toHaveFocus();
  });

  it('refuses an unanswered choice question with the not-option message, focused, and saves nothing', async () => {
    const t = await makeApp();
    const env = await openAssessment(t);
    const user = userEvent.setup();

    await user.click(continueButton());
    await expectError(jaCommon.errors['not-option']);
    expect(h1()).toHaveTextContent(qTitle('actor'));
    expect('actor' in (await stored(t, env.id)).facts).toBe(false);

    // Answering clears the error and moves on.
    await user.click(screen.getByRole('radio', { name: jaLeak.options.actor['public-body'].label }));
    await user.click(continueButton());
    await expectHeading(qTitle('events'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect((await stored(t, env.id)).facts).toEqual({ actor: 'public-body' });
  });

  it('refuses an unanswered yes/no/unsure question with the not-tri message and saves nothing', async () => {
    const t = await makeApp();
    const facts = { actor: 'business', events: ['leak'], certainty: 'confirmed' };
    const env = await openAssessment(t, { facts });
    const user = userEvent.setup();
    expect(h1()).toHaveTextContent(qTitle('recoveredUnseen'));

    await user.click(continueButton());
    await expectError(jaCommon.errors['not-tri']);
    expect(h1()).toHaveTextContent(qTitle('recoveredUnseen'));
    expect((await stored(t, env.id)).facts).toEqual(facts);
  });

  it('refuses negative, fractional and non-numeric counts, leaving the stored facts untouched', async () => {
    const t = await makeApp();
    const env = await openAssessment(t, { facts: { ...SENSITIVE_LEAK_TO_PERSONS } });
    const user = userEvent.setup();
    expect(h1()).toHaveTextContent(qTitle('persons'));
    const input = screen.getByLabelText(jaCommon.question.countLabel);

    const cases: [string, string][] = [
      ['-3', jaCommon.errors['negative-count']],
      ['12.5', jaCommon.errors['fractional-count']],
      ['abc', jaCommon.errors['not-count']],
    ];
    for (const [typed, message] of cases) {
      await user.clear(input);
      await user.type(input, typed);
      await user.click(continueButton());
      await expectError(message);
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(h1()).toHaveTextContent(qTitle('persons'));
      expect((await stored(t, env.id)).facts).toEqual(SENSITIVE_LEAK_TO_PERSONS);
    }
  });

  it('accepts a full-width count with a full-width separator (１，２００ → 1200)', async () => {
    const t = await makeApp();
    const env = await openAssessment(t, { facts: { ...SENSITIVE_LEAK_TO_PERSONS } });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText(jaCommon.question.countLabel), '１，２００');
    await user.click(continueButton());
    await expectHeading(qTitle('myNumber'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect((await stored(t, env.id)).facts).toEqual({ ...SENSITIVE_LEAK_TO_PERSONS, persons: 1200 });
  });

  it('refuses a knownOn date after today in Japan (not UTC), and accepts today', async () => {
    // 2026-03-10 15:30 UTC is already 2026-03-11 00:30 in Japan.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T15:30:00Z'));
    try {
      const t = await makeApp();
      const before = Object.fromEntries(Object.entries(REPORTABLE_FACTS).filter(([k]) => k !== 'knownOn'));
      const env = await openAssessment(t, { facts: before });
      const user = userEvent.setup();
      expect(h1()).toHaveTextContent(qTitle('knownOn'));
      const input = screen.getByLabelText(jaCommon.question.dateLabel);

      await user.type(input, '2026-03-12');
      await user.click(continueButton());
      await expectError(jaCommon.errors['future-date']);
      expect((await stored(t, env.id)).facts).toEqual(before);

      await user.clear(input);
      await user.type(input, '2026-03-11');
      await user.click(continueButton());
      await expectHeading(jaCommon.review.title);
      expect((await stored(t, env.id)).facts).toEqual({ ...before, knownOn: '2026-03-11' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a knownOn date before the reporting duty began (2022-04-01)', async () => {
    const t = await makeApp();
    const before = Object.fromEntries(Object.entries(REPORTABLE_FACTS).filter(([k]) => k !== 'knownOn'));
    const env = await openAssessment(t, { facts: before });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText(jaCommon.question.dateLabel), '2022-03-31');
    await user.click(continueButton());
    await expectError(jaCommon.errors['date-too-early'].replace('{{min}}', '2022-04-01'));
    expect((await stored(t, env.id)).facts).toEqual(before);
  });
});
