// Question page: answering autosaves and moves on, refusals show the focused error summary, hints are linked, answers come back as stored.

import { screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LEAK_QUESTIONS } from '../../src/domain/flows/leak';
import type { DateQuestion } from '../../src/domain/types';
import { leakFactsBefore } from '../fixtures/leak-facts';
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

const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;
const backButton = () => screen.getByRole('button', { name: jaCommon.nav.back });

describe('fieldset and hints (GOV.UK fieldset, radios and checkboxes)', () => {
  it('the fieldset is named by its heading and described by the hint, then also by the error once an answer is refused', async () => {
    const t = await makeApp();
    await openAssessment(t);
    const user = userEvent.setup();

    const group = screen.getByRole('group', { name: qTitle('actor') });
    expect(group.tagName).toBe('FIELDSET');
    expect(group).toHaveAttribute('aria-describedby', 'field-actor-hint');
    expect(document.getElementById('field-actor-hint')).toHaveTextContent(jaLeak.questions.actor.hint);
    expect(document.getElementById('field-actor-error')).toBeNull();

    await user.click(continueButton());
    await expectError(jaCommon.errors['not-option']);
    expect(group).toHaveAttribute('aria-describedby', 'field-actor-hint field-actor-error');
    const message = document.getElementById('field-actor-error');
    expect(message).toHaveTextContent(jaCommon.errors.prefix + jaCommon.errors['not-option']);
    // What a screen reader reads on entering the group: the hint, then the error (after its visually hidden prefix).
    const description = group.getAttribute('aria-describedby') ?? '';
    const read = description.split(' ').map((id) => document.getElementById(id)?.textContent?.trim());
    expect(read).toEqual([jaLeak.questions.actor.hint, jaCommon.errors.prefix + jaCommon.errors['not-option']]);

    // Answering clears the error, and the next question's fieldset is described by its own hint only.
    await user.click(radio(jaLeak.options.actor.business.label));
    await user.click(continueButton());
    await expectHeading(qTitle('events'));
    expect(screen.getByRole('group', { name: qTitle('events') })).toHaveAttribute('aria-describedby', 'field-events-hint');
  });

  it('each option of a one-of question is described by its own hint', async () => {
    const t = await makeApp();
    await openAssessment(t, { facts: { actor: 'business', events: ['leak'] } });
    expect(h1()).toHaveTextContent(qTitle('certainty'));

    for (const o of ['confirmed', 'suspected'] as const) {
      const input = radio(jaLeak.options.certainty[o].label);
      const hintId = input.getAttribute('aria-describedby') ?? '';
      expect(document.getElementById(hintId)).toHaveTextContent(jaLeak.options.certainty[o].hint);
      expect(input).toHaveAccessibleDescription(jaLeak.options.certainty[o].hint);
    }
  });

  it('on a yes / no / not-sure question, "not sure" is described by how it will be read; yes and no need no hint', async () => {
    const t = await makeApp();
    await openAssessment(t, { facts: { actor: 'business', events: ['leak'], certainty: 'confirmed' } });
    expect(h1()).toHaveTextContent(qTitle('recoveredUnseen'));

    const unsure = radio(jaCommon.tri.unsure);
    expect(document.getElementById(unsure.getAttribute('aria-describedby') ?? '')).toHaveTextContent(
      jaLeak.questions.recoveredUnseen.unsure,
    );
    expect(unsure).toHaveAccessibleDescription(jaLeak.questions.recoveredUnseen.unsure);
    for (const name of [jaCommon.tri.yes, jaCommon.tri.no]) expect(radio(name)).not.toHaveAttribute('aria-describedby');
  });

  it('the count\'s "unknown" box is described by the question\'s own hint', async () => {
    const t = await makeApp();
    await openAssessment(t, { facts: { ...SENSITIVE_LEAK_TO_PERSONS } });
    expect(screen.getByRole('checkbox', { name: jaCommon.question.countUnknown })).toHaveAccessibleDescription(
      jaLeak.questions.persons.unknownHint,
    );
  });
});

describe('date input limits', () => {
  const knownOn = LEAK_QUESTIONS.find((q): q is DateQuestion => q.id === 'knownOn' && q.type === 'date');
  const before = Object.fromEntries(Object.entries(REPORTABLE_FACTS).filter(([k]) => k !== 'knownOn'));

  it('offers no date after today in Japan for knownOn (max) nor before the reporting duty began (min)', async () => {
    // 2026-03-10 15:30 UTC is already 2026-03-11 00:30 in Japan.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T15:30:00Z'));
    try {
      const t = await makeApp();
      await openAssessment(t, { facts: before });
      expect(h1()).toHaveTextContent(qTitle('knownOn'));
      const input = screen.getByLabelText(jaCommon.question.dateLabel);
      expect(input).toHaveAttribute('max', '2026-03-11');
      expect(input).toHaveAttribute('min', '2022-04-01');
      expect(input).toHaveAttribute('min', knownOn?.min);
      expect(screen.getByRole('checkbox', { name: jaCommon.question.dateBlank })).toHaveAccessibleDescription(
        jaCommon.question.dateBlankHint,
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps the question's own latest date when today is later", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2099-12-01T03:00:00Z'));
    try {
      const t = await makeApp();
      await openAssessment(t, { facts: before });
      expect(knownOn?.max).toBe('2099-09-30');
      expect(screen.getByLabelText(jaCommon.question.dateLabel)).toHaveAttribute('max', knownOn?.max);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('each question starts from its own stored answer', () => {
  it('going back and forth through yes/no questions and a count shows each stored answer, never a draft left unsent', async () => {
    const t = await makeApp();
    const facts = { ...leakFactsBefore('persons', { sensitive: 'no', financial: 'unsure', wrongful: 'yes' }), persons: 10 };
    const env = await openAssessment(t, { facts, position: { screen: 'question', question: 'persons' } });
    const user = userEvent.setup();
    const count = () => screen.getByLabelText(jaCommon.question.countLabel);

    expect(h1()).toHaveTextContent(qTitle('persons'));
    expect(count()).toHaveValue('10');
    // A draft that is never submitted is dropped when the page moves on.
    await user.clear(count());
    await user.type(count(), '99');

    await user.click(backButton());
    await expectHeading(qTitle('wrongful'));
    expect(h1()).toHaveFocus();
    expect(radio(jaCommon.tri.yes)).toBeChecked();
    await user.click(backButton());
    await expectHeading(qTitle('financial'));
    expect(radio(jaCommon.tri.unsure)).toBeChecked();
    expect(radio(jaCommon.tri.yes)).not.toBeChecked();
    await user.click(backButton());
    await expectHeading(qTitle('sensitive'));
    expect(radio(jaCommon.tri.no)).toBeChecked();
    await user.click(radio(jaCommon.tri.yes));
    await user.click(backButton());
    await expectHeading(qTitle('protected'));
    expect(radio(jaCommon.tri.no)).toBeChecked();

    // Forward again with the stored answers as they are.
    await user.click(continueButton());
    await expectHeading(qTitle('sensitive'));
    expect(h1()).toHaveFocus();
    expect(radio(jaCommon.tri.no)).toBeChecked();
    expect(radio(jaCommon.tri.yes)).not.toBeChecked();
    await user.click(continueButton());
    await expectHeading(qTitle('financial'));
    expect(radio(jaCommon.tri.unsure)).toBeChecked();
    await user.click(continueButton());
    await expectHeading(qTitle('wrongful'));
    expect(radio(jaCommon.tri.yes)).toBeChecked();
    await user.click(continueButton());
    await expectHeading(qTitle('persons'));
    expect(count()).toHaveValue('10');
    expect((await stored(t, env.id)).facts).toEqual(facts);
  });

  it('a choice list and a checkbox list show their stored answers when returned to with the back button', async () => {
    const t = await makeApp();
    const facts = { actor: 'public-body', events: ['leak', 'damage'], certainty: 'suspected' };
    const env = await openAssessment(t, { facts, position: { screen: 'question', question: 'certainty' } });
    const user = userEvent.setup();
    const box = (o: 'leak' | 'loss' | 'damage') => screen.getByRole('checkbox', { name: jaLeak.options.events[o].label });

    expect(radio(jaLeak.options.certainty.suspected.label)).toBeChecked();
    await user.click(backButton());
    await expectHeading(qTitle('events'));
    expect(box('leak')).toBeChecked();
    expect(box('damage')).toBeChecked();
    expect(box('loss')).not.toBeChecked();
    await user.click(box('loss'));
    await user.click(backButton());
    await expectHeading(qTitle('actor'));
    expect(radio(jaLeak.options.actor['public-body'].label)).toBeChecked();

    await user.click(continueButton());
    await expectHeading(qTitle('events'));
    expect(box('leak')).toBeChecked();
    expect(box('damage')).toBeChecked();
    expect(box('loss')).not.toBeChecked();
    await user.click(continueButton());
    await expectHeading(qTitle('certainty'));
    expect(radio(jaLeak.options.certainty.suspected.label)).toBeChecked();
    expect((await stored(t, env.id)).facts).toEqual(facts);
  });

  it('a date shows its stored answer, or "leave blank" ticked, when returned to', async () => {
    const t = await makeApp();
    const env = await openAssessment(t, { facts: REPORTABLE_FACTS, position: { screen: 'review' } });
    const user = userEvent.setup();
    const date = () => screen.getByLabelText(jaCommon.question.dateLabel);
    const blank = () => screen.getByRole('checkbox', { name: jaCommon.question.dateBlank });

    // From the review, 戻る leads to the last question.
    expect(h1()).toHaveTextContent(jaCommon.review.title);
    await user.click(backButton());
    await expectHeading(qTitle('knownOn'));
    expect(date()).toHaveValue('2025-12-05');
    expect(blank()).not.toBeChecked();
    await user.click(blank());
    expect(date()).toBeDisabled();
    await user.click(backButton());
    await waitFor(() => expect(h1()).not.toHaveTextContent(qTitle('knownOn')));
    await user.click(continueButton());
    await expectHeading(qTitle('knownOn'));
    expect(date()).toHaveValue('2025-12-05');
    expect(date()).toBeEnabled();
    expect(blank()).not.toBeChecked();

    // Left blank on purpose: stored as null, and shown as such when the question comes back.
    await user.click(blank());
    await user.click(continueButton());
    await expectHeading(jaCommon.review.title);
    expect((await stored(t, env.id)).facts.knownOn).toBeNull();
  });
});
