// The question page's parts on their own: the fieldset wrapper, each answer input (stored answer in, draft out), the checklist.

import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LEAK_QUESTIONS } from '../../src/domain/flows/leak';
import type { CountQuestion, DateQuestion, EnumQuestion, MultiQuestion, Question, TriQuestion } from '../../src/domain/types';
import Checkboxes from '../../src/ui/question/Checkboxes.svelte';
import Checklist from '../../src/ui/question/Checklist.svelte';
import CountInput from '../../src/ui/question/CountInput.svelte';
import DateInput from '../../src/ui/question/DateInput.svelte';
import QuestionFieldset from '../../src/ui/question/QuestionFieldset.svelte';
import Radios from '../../src/ui/question/Radios.svelte';
import { jaCommon, jaLeak, makeApp } from './helpers';

function leakQuestion<T extends Question['type']>(id: string, type: T): Extract<Question, { type: T }> {
  const q = LEAK_QUESTIONS.find((x) => x.id === id);
  if (q?.type !== type) throw new Error(`${id} is not a ${type} question`);
  return q as Extract<Question, { type: T }>;
}

const certainty: EnumQuestion = leakQuestion('certainty', 'enum');
const recoveredUnseen: TriQuestion = leakQuestion('recoveredUnseen', 'tri');
const events: MultiQuestion = leakQuestion('events', 'multi');
const persons: CountQuestion = leakQuestion('persons', 'count');
const knownOn: DateQuestion = leakQuestion('knownOn', 'date');

const fill = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));

describe('QuestionFieldset', () => {
  const inside = createRawSnippet(() => ({ render: () => '<div id="field-x"><input type="radio" aria-label="an option" /></div>' }));
  const note = createRawSnippet(() => ({ render: () => '<p data-testid="note">carried over</p>' }));

  it('puts the heading in the legend, takes focus there, and is described by its hint', async () => {
    const { app } = await makeApp();
    render(QuestionFieldset, {
      props: { app, id: 'field-x', heading: 'The question', hint: 'What it means', error: null, children: inside },
    });

    const group = screen.getByRole('group', { name: 'The question' });
    const heading = screen.getByRole('heading', { level: 1, name: 'The question' });
    expect(heading.closest('legend')?.parentElement).toBe(group);
    expect(heading).toHaveFocus();
    expect(group).toHaveAttribute('aria-describedby', 'field-x-hint');
    expect(group).toHaveAccessibleDescription('What it means');
    expect(group).not.toHaveClass('has-error');
    expect(within(group).getByRole('radio', { name: 'an option' })).toBeInTheDocument();
  });

  it('with an error: the message (after a hidden prefix) follows the note, and the group is described by hint and error', async () => {
    const { app } = await makeApp();
    render(QuestionFieldset, {
      props: { app, id: 'field-x', heading: 'The question', hint: 'What it means', error: 'Choose one', note, children: inside },
    });

    const group = screen.getByRole('group', { name: 'The question' });
    expect(group).toHaveAttribute('aria-describedby', 'field-x-hint field-x-error');
    expect(group).toHaveClass('fieldset', 'has-error');
    const error = document.getElementById('field-x-error');
    expect(error).toHaveClass('field-error');
    expect(error).toHaveTextContent(`${jaCommon.errors.prefix}Choose one`);
    expect(within(error as HTMLElement).getByText(jaCommon.errors.prefix)).toHaveClass('visually-hidden');
    // Hint, note, error message, then the inputs: the order of GOV.UK's form group.
    const order = [document.getElementById('field-x-hint'), screen.getByTestId('note'), error, document.getElementById('field-x')];
    for (let i = 1; i < order.length; i++) {
      expect((order[i - 1] as Node).compareDocumentPosition(order[i] as Node) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
  });
});

describe('Radios', () => {
  it('starts from the stored choice and reports the one picked', async () => {
    const { app } = await makeApp();
    const user = userEvent.setup();
    const { component } = render(Radios, {
      props: { app, flow: 'leak', question: certainty, fieldId: 'field-certainty', value: 'suspected' },
    });

    const confirmed = screen.getByRole('radio', { name: jaLeak.options.certainty.confirmed.label });
    const suspected = screen.getByRole('radio', { name: jaLeak.options.certainty.suspected.label });
    expect(suspected).toBeChecked();
    expect(component.draft()).toBe('suspected');
    await user.click(confirmed);
    expect(component.draft()).toBe('confirmed');
    // Each option's hint is its own description; the group's id is what the error summary links to.
    expect(confirmed).toHaveAccessibleDescription(jaLeak.options.certainty.confirmed.hint);
    expect(suspected).toHaveAccessibleDescription(jaLeak.options.certainty.suspected.hint);
    expect(document.getElementById('field-certainty')).toContainElement(confirmed);
  });

  it('reports nothing when nothing is stored or picked; a tri question describes only "not sure"', async () => {
    const { app } = await makeApp();
    const { component } = render(Radios, {
      props: { app, flow: 'leak', question: recoveredUnseen, fieldId: 'field-recoveredUnseen', value: undefined },
    });

    expect(component.draft()).toBeUndefined();
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      jaCommon.tri.yes,
      jaCommon.tri.no,
      jaCommon.tri.unsure,
    ]);
    for (const r of radios) expect(r).not.toBeChecked();
    expect(screen.getByRole('radio', { name: jaCommon.tri.unsure })).toHaveAccessibleDescription(jaLeak.questions.recoveredUnseen.unsure);
    expect(screen.getByRole('radio', { name: jaCommon.tri.yes })).not.toHaveAttribute('aria-describedby');
  });
});

describe('Checkboxes', () => {
  it('starts from the stored picks and reports them in the order of the option list', async () => {
    const { app } = await makeApp();
    const user = userEvent.setup();
    const { component } = render(Checkboxes, {
      props: { app, flow: 'leak', question: events, fieldId: 'field-events', value: ['damage'] },
    });

    expect(screen.getByRole('checkbox', { name: jaLeak.options.events.damage.label })).toBeChecked();
    expect(component.draft()).toEqual(['damage']);
    await user.click(screen.getByRole('checkbox', { name: jaLeak.options.events.leak.label }));
    expect(component.draft()).toEqual(['leak', 'damage']);
    for (const o of ['leak', 'loss', 'damage'] as const) {
      expect(screen.getByRole('checkbox', { name: jaLeak.options.events[o].label })).toHaveAccessibleDescription(
        jaLeak.options.events[o].hint,
      );
    }
  });

  it('none ticked is an answer: an empty list', async () => {
    const { app } = await makeApp();
    const { component } = render(Checkboxes, { props: { app, flow: 'leak', question: events, fieldId: 'field-events', value: undefined } });
    expect(component.draft()).toEqual([]);
    expect(screen.getByText(jaCommon.question.multiNone)).toBeInTheDocument();
  });
});

describe('CountInput', () => {
  const props = { flow: 'leak' as const, question: persons, fieldId: 'field-persons', invalid: false };

  it('starts from the stored count and reads full-width digits with separators', async () => {
    const { app } = await makeApp();
    const user = userEvent.setup();
    const { component } = render(CountInput, { props: { app, ...props, value: 1200 } });
    const input = screen.getByLabelText(jaCommon.question.countLabel);

    expect(input).toHaveValue('1200');
    expect(component.draft()).toBe(1200);
    await user.clear(input);
    expect(component.draft()).toBeUndefined();
    await user.type(input, '１，００１');
    expect(component.draft()).toBe(1001);
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('"unknown" disables the box and is described by the question\'s own hint; a stored "unknown" starts ticked', async () => {
    const { app } = await makeApp();
    const { component } = render(CountInput, { props: { app, ...props, value: 'unknown', invalid: true } });

    const unknown = screen.getByRole('checkbox', { name: jaCommon.question.countUnknown });
    expect(unknown).toBeChecked();
    expect(unknown).toHaveAccessibleDescription(jaLeak.questions.persons.unknownHint);
    expect(screen.getByLabelText(jaCommon.question.countLabel)).toBeDisabled();
    expect(screen.getByLabelText(jaCommon.question.countLabel)).toHaveAttribute('aria-invalid', 'true');
    expect(component.draft()).toBe('unknown');

    await userEvent.setup().click(unknown);
    expect(component.draft()).toBeUndefined();
    expect(screen.getByLabelText(jaCommon.question.countLabel)).toBeEnabled();
  });
});

describe('DateInput', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts from the stored date; its range runs from the min to today in Japan', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T15:30:00Z'));
    const { app } = await makeApp();
    const { component } = render(DateInput, {
      props: { app, question: knownOn, fieldId: 'field-knownOn', value: '2026-03-02', invalid: false },
    });

    const input = screen.getByLabelText(jaCommon.question.dateLabel);
    expect(input).toHaveValue('2026-03-02');
    expect(input).toHaveAttribute('min', '2022-04-01');
    expect(input).toHaveAttribute('max', '2026-03-11');
    expect(component.draft()).toBe('2026-03-02');
  });

  it('a stored null starts with "leave blank" ticked and reports null', async () => {
    const { app } = await makeApp();
    const user = userEvent.setup();
    const { component } = render(DateInput, { props: { app, question: knownOn, fieldId: 'field-knownOn', value: null, invalid: false } });

    const blank = screen.getByRole('checkbox', { name: jaCommon.question.dateBlank });
    expect(blank).toBeChecked();
    expect(blank).toHaveAccessibleDescription(jaCommon.question.dateBlankHint);
    expect(screen.getByLabelText(jaCommon.question.dateLabel)).toBeDisabled();
    expect(component.draft()).toBeNull();
    await user.click(blank);
    expect(component.draft()).toBeUndefined();
  });

  it('a date that may be in the future keeps its own latest date; a required one offers no "leave blank"', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T15:30:00Z'));
    const { app } = await makeApp();
    const question: DateQuestion = { ...knownOn, id: 'plannedOn', optional: false, notInFuture: false };
    render(DateInput, { props: { app, question, fieldId: 'field-plannedOn', value: undefined, invalid: true } });

    const input = screen.getByLabelText(jaCommon.question.dateLabel);
    expect(input).toHaveAttribute('max', knownOn.max);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });
});

describe('Checklist', () => {
  it('counts the ticked items of the list it is given', async () => {
    const { app } = await makeApp();
    const user = userEvent.setup();
    render(Checklist, { props: { app, fieldId: 'field-x', items: ['one', 'two', 'three'] } });

    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(fill(jaCommon.question.checklistCount, { done: 0, total: 3 }));
    await user.click(screen.getByRole('checkbox', { name: 'two' }));
    expect(status).toHaveTextContent(fill(jaCommon.question.checklistCount, { done: 1, total: 3 }));
  });
});
