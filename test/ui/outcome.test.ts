// Outcome page: verdict, dated duties with the holiday roll-forward explained, and the provisional banner for わからない answers.

import { screen, within } from '@testing-library/svelte';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectHeading, h1, jaCommon, jaLeak, makeApp, openAssessment, qTitle, REPORTABLE_FACTS, stored } from './helpers';
import { leakFactsBefore } from '../fixtures/leak-facts';

/** i18next-style {{name}} interpolation, so expected texts come from the locale files. */
const fill = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));

const continueButton = () => screen.getByRole('button', { name: jaCommon.nav.continue });

/** The duty's list item on the outcome page, found by its title. */
function duty(id: keyof typeof jaLeak.duties): HTMLElement {
  const li = screen.getByText(jaLeak.duties[id].title).closest('li');
  if (!li) throw new Error(`duty ${id} not shown`);
  return li;
}

async function choose(user: UserEvent, question: keyof typeof jaLeak.questions, label: string) {
  await expectHeading(qTitle(question));
  await user.click(screen.getByRole('radio', { name: label }));
  await user.click(continueButton());
}

describe('outcome page', () => {
  it('shows the reportable verdict and the final report due date rolled past the year-end closure and Sunday', async () => {
    const t = await makeApp();
    const env = await openAssessment(t, { facts: { ...REPORTABLE_FACTS }, position: { screen: 'outcome' } });

    expect(h1()).toHaveTextContent(jaLeak.outcomes.reportable.title);
    expect(screen.getByText(jaLeak.outcomes.reportable.summary)).toBeInTheDocument();
    expect(screen.queryByTestId('provisional')).not.toBeInTheDocument();
    expect(screen.getByText(jaLeak.grounds['rules-7-i'].title)).toBeInTheDocument();

    const final = duty('report-final');
    expect(within(final).getByText(fill(jaCommon.deadline.due, { date: '2026年1月5日（月）' }))).toBeInTheDocument();
    const steps = Array.from(final.querySelectorAll('.deadline-step'), (p) => p.textContent);
    expect(steps).toEqual([
      fill(jaCommon.deadline.dayN, { n: 30, date: '2026年1月3日（土）' }),
      fill(jaCommon.deadline.skipped, { date: '2026年1月3日（土）', why: '年末年始の閉庁日（12月29日〜1月3日）' }),
      fill(jaCommon.deadline.skipped, { date: '2026年1月4日（日）', why: '日曜日' }),
    ]);
    expect(within(final).getByText(jaLeak.deadlineRules['report-final-30'])).toBeInTheDocument();

    // The preliminary report is guidance (day 3 to day 5), never rolled.
    const prelim = duty('report-preliminary');
    expect(
      within(prelim).getByText(fill(jaCommon.deadline.window, { from: '2025年12月7日（日）', to: '2025年12月9日（火）' })),
    ).toBeInTheDocument();
    expect(duty('notify-individuals')).toBeInTheDocument();

    const saved = await stored(t, env.id);
    expect(saved.position).toEqual({ screen: 'outcome' });
    expect(saved.outcome).toMatchObject({ outcome: 'reportable', provisional: false, grounds: ['rules-7-i'] });
  });

  it('回答内容の確認に戻る reopens the review with the answers kept', async () => {
    const t = await makeApp();
    const env = await openAssessment(t, { facts: { ...REPORTABLE_FACTS }, position: { screen: 'outcome' } });
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: jaCommon.outcome.backToReview }));
    await expectHeading(jaCommon.review.title);
    const saved = await stored(t, env.id);
    expect(saved.position).toEqual({ screen: 'review' });
    expect(saved.facts).toEqual(REPORTABLE_FACTS);
  });
});

describe('unsure answers', () => {
  it('わからない leads, after the review, to a provisional outcome naming the question and what would change', async () => {
    const t = await makeApp();
    const env = await openAssessment(t, { facts: leakFactsBefore('sensitive') });
    const user = userEvent.setup();

    await choose(user, 'sensitive', jaCommon.tri.unsure);
    await choose(user, 'financial', jaCommon.tri.no);
    await choose(user, 'wrongful', jaCommon.tri.no);
    await expectHeading(qTitle('persons'));
    await user.type(screen.getByLabelText(jaCommon.question.countLabel), '10');
    await user.click(continueButton());
    await choose(user, 'myNumber', jaCommon.tri.no);
    await choose(user, 'role', jaLeak.options.role.controller.label);
    await choose(user, 'canContactAll', jaCommon.tri.yes);
    await choose(user, 'delegatedSector', jaCommon.tri.no);
    await choose(user, 'atContractor', jaCommon.tri.no);
    await choose(user, 'privacyMark', jaCommon.tri.no);
    await expectHeading(qTitle('knownOn'));
    await user.click(screen.getByRole('checkbox', { name: jaCommon.question.dateBlank }));
    await user.click(continueButton());

    await expectHeading(jaCommon.review.title);
    await user.click(screen.getByRole('button', { name: jaCommon.review.confirm }));

    await expectHeading(jaLeak.outcomes.reportable.title);
    const banner = screen.getByTestId('provisional');
    expect(within(banner).getByRole('heading', { name: jaCommon.provisional.title })).toBeInTheDocument();
    expect(within(banner).getByText(qTitle('sensitive'))).toBeInTheDocument();
    // "Yes" is what わからない was taken to mean; "No" would leave no ground for reporting.
    expect(within(banner).getByText(fill(jaCommon.provisional.ifSame, { answer: jaCommon.tri.yes }))).toBeInTheDocument();
    expect(
      within(banner).getByText(
        fill(jaCommon.provisional.ifOutcome, { answer: jaCommon.tri.no, outcome: jaLeak.outcomes['not-reportable'].title }),
      ),
    ).toBeInTheDocument();
    // Only the question answered わからない is listed.
    expect(within(banner).getAllByRole('button', { name: jaCommon.provisional.answerNow })).toHaveLength(1);
    // Without a date the final report deadline is given in days.
    expect(within(duty('report-final')).getByText(fill(jaCommon.deadline.days, { days: 30 }))).toBeInTheDocument();

    const saved = await stored(t, env.id);
    expect(saved.facts.sensitive).toBe('unsure');
    expect(saved.outcome).toMatchObject({ outcome: 'reportable', provisional: true, openQuestions: ['sensitive'] });
  });

  it('この質問に回答する reopens the unsure question; answering it settles the outcome', async () => {
    const t = await makeApp();
    const env = await openAssessment(t, {
      facts: { ...REPORTABLE_FACTS, sensitive: 'unsure' },
      position: { screen: 'outcome' },
    });
    const user = userEvent.setup();
    expect(h1()).toHaveTextContent(jaLeak.outcomes.reportable.title);

    await user.click(within(screen.getByTestId('provisional')).getByRole('button', { name: jaCommon.provisional.answerNow }));
    await expectHeading(qTitle('sensitive'));
    expect(screen.getByRole('radio', { name: jaCommon.tri.unsure })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: jaCommon.tri.no }));
    await user.click(continueButton());

    await expectHeading(jaCommon.review.title);
    await user.click(screen.getByRole('button', { name: jaCommon.review.confirm }));
    await expectHeading(jaLeak.outcomes['not-reportable'].title);
    expect(screen.queryByTestId('provisional')).not.toBeInTheDocument();
    expect((await stored(t, env.id)).outcome).toMatchObject({ outcome: 'not-reportable', provisional: false });
  });
});
