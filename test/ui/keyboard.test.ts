// Keyboard-only use: focus starts on each question's heading, Tab reaches the answer, Space/arrows select, Enter submits.

import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectHeading, h1, jaCommon, jaLeak, makeApp, openAssessment, qTitle, SENSITIVE_LEAK_TO_PERSONS, stored } from './helpers';

describe('keyboard only', () => {
  it('answers choice, multi-choice and tri questions without a pointer', async () => {
    const t = await makeApp();
    const env = await openAssessment(t);
    const user = userEvent.setup();

    // Focus starts on the question heading.
    expect(h1()).toHaveTextContent(qTitle('actor'));
    expect(h1()).toHaveFocus();

    // Tab reaches the first option; Space selects it; the arrows move the selection within the group.
    await user.tab();
    const business = screen.getByRole('radio', { name: jaLeak.options.actor.business.label });
    const publicBody = screen.getByRole('radio', { name: jaLeak.options.actor['public-body'].label });
    expect(business).toHaveFocus();
    await user.keyboard(' ');
    expect(business).toBeChecked();
    await user.keyboard('{ArrowDown}');
    expect(publicBody).toBeChecked();
    expect(publicBody).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(business).toBeChecked();
    await user.keyboard('{Enter}');

    await expectHeading(qTitle('events'));
    expect(h1()).toHaveFocus();
    // A checkbox group: Space ticks, Tab moves on past the other options and the optional reason to 次へ進む.
    await user.tab();
    expect(screen.getByRole('checkbox', { name: jaLeak.options.events.leak.label })).toHaveFocus();
    await user.keyboard(' ');
    await user.tab();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: jaCommon.note.summary })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: jaCommon.nav.continue })).toHaveFocus();
    await user.keyboard('{Enter}');

    await expectHeading(qTitle('certainty'));
    expect(h1()).toHaveFocus();
    await user.tab();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: jaLeak.options.certainty.suspected.label })).toBeChecked();
    await user.keyboard('{Enter}');

    await expectHeading(qTitle('recoveredUnseen'));
    await user.tab();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: jaCommon.tri.no })).toBeChecked();
    await user.keyboard('{Enter}');
    await expectHeading(qTitle('dataKind'));

    expect((await stored(t, env.id)).facts).toEqual({
      actor: 'business',
      events: ['leak'],
      certainty: 'suspected',
      recoveredUnseen: 'no',
    });
  });

  it('戻る by keyboard returns to the previous question: focus on its heading, its stored answer selected, Enter submits it', async () => {
    const t = await makeApp();
    const env = await openAssessment(t, { facts: { actor: 'public-body' } });
    const user = userEvent.setup();
    expect(h1()).toHaveTextContent(qTitle('events'));
    expect(h1()).toHaveFocus();

    // The back link comes just before the heading.
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: jaCommon.nav.back })).toHaveFocus();
    await user.keyboard('{Enter}');
    await expectHeading(qTitle('actor'));
    expect(h1()).toHaveFocus();

    // A radio group's tab stop is its checked option: the stored answer.
    await user.tab();
    const publicBody = screen.getByRole('radio', { name: jaLeak.options.actor['public-body'].label });
    expect(publicBody).toBeChecked();
    expect(publicBody).toHaveFocus();
    await user.keyboard('{Enter}');
    await expectHeading(qTitle('events'));
    expect(h1()).toHaveFocus();
    expect((await stored(t, env.id)).facts).toEqual({ actor: 'public-body' });
  });

  it('types a count and submits it with Enter', async () => {
    const t = await makeApp();
    const env = await openAssessment(t, { facts: { ...SENSITIVE_LEAK_TO_PERSONS } });
    const user = userEvent.setup();
    expect(h1()).toHaveFocus();

    await user.tab();
    expect(screen.getByLabelText(jaCommon.question.countLabel)).toHaveFocus();
    await user.keyboard('1001{Enter}');
    await expectHeading(qTitle('myNumber'));
    expect((await stored(t, env.id)).facts).toEqual({ ...SENSITIVE_LEAK_TO_PERSONS, persons: 1001 });
  });

  it('an error summary takes focus, and its link leads to the field', async () => {
    const t = await makeApp();
    await openAssessment(t);
    const user = userEvent.setup();

    // The radio group is a single tab stop: heading → group → the optional reason → 次へ進む.
    await user.tab();
    expect(screen.getByRole('radio', { name: jaLeak.options.actor.business.label })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: jaCommon.note.summary })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: jaCommon.nav.continue })).toHaveFocus();
    await user.keyboard('{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveFocus();
    const link = screen.getByRole('link', { name: jaCommon.errors['not-option'] });
    expect(link).toHaveAttribute('href', '#field-actor');
    expect(document.getElementById('field-actor')).toContainElement(
      screen.getByRole('radio', { name: jaLeak.options.actor.business.label }),
    );

    // From the summary, Tab reaches its link first, then the options, where the answer can be fixed.
    await user.tab();
    expect(link).toHaveFocus();
    await user.tab();
    const business = screen.getByRole('radio', { name: jaLeak.options.actor.business.label });
    expect(business).toHaveFocus();
    await user.keyboard(' {Enter}');
    await expectHeading(qTitle('events'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  // Regression: the summary once refocused only when its message changed, so a repeated refusal went unannounced.
  it('a second refused submit moves focus back to the error summary', async () => {
    const t = await makeApp();
    await openAssessment(t);
    const user = userEvent.setup();
    const continueButton = screen.getByRole('button', { name: jaCommon.nav.continue });

    await user.click(continueButton);
    expect(await screen.findByRole('alert')).toHaveFocus();
    await user.click(continueButton);
    expect(continueButton).not.toHaveFocus();
    expect(screen.getByRole('alert')).toHaveFocus();
  });
});
