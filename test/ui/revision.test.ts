// Records saved before the rules revision 2026-12: they still open, the screen says what the revised rules make of
// them, the saved verdict is kept in the record as evidence, and the result page lists it. Also the revision's new
// count check: My Number holders cannot outnumber the persons affected.

import { render, screen, within } from '@testing-library/svelte';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/domain/evaluate';
import { newEnvelope, type Envelope } from '../../src/storage/envelope';
import AssessmentScreen from '../../src/ui/AssessmentScreen.svelte';
import jaCitations from '../../locales/ja/citations.json';
import jaSensitive from '../../locales/ja/sensitive-acquisition.json';
import { leakFactsBefore } from '../fixtures/leak-facts';
import { expectHeading, fixture, jaCommon, jaLeak, makeApp, openAssessment, qTitle, stored, v1FixtureText, type TestApp } from './helpers';

const fill = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));
const continueButton = () => screen.getByRole('button', { name: jaCommon.nav.continue });

async function choose(user: UserEvent, question: keyof typeof jaLeak.questions, label: string) {
  await expectHeading(qTitle(question));
  await user.click(screen.getByRole('radio', { name: label }));
  await user.click(continueButton());
}

async function open(t: TestApp, env: Envelope) {
  await t.assessments.save(env);
  render(AssessmentScreen, { props: { app: t.app, id: env.id } });
  await screen.findByRole('heading', { level: 1 });
}

const REVISED = jaCommon.rulesRevision['2026-12'];
const FIRST = jaCommon.rulesRevision['2025-10'];

describe('a record saved before the rules revision', () => {
  it('opens on the question the revision added, says what was saved, and keeps that verdict in the record', async () => {
    const t = await makeApp();
    const old = fixture(v1FixtureText());
    expect(old.rulesRevision).toBe('2025-10');
    await open(t, old);
    const user = userEvent.setup();

    await expectHeading(qTitle('atContractor'));
    const notice = screen.getByTestId('revision-notice');
    expect(within(notice).getByRole('heading', { name: fill(jaCommon.revision.title, { revision: REVISED }) })).toBeInTheDocument();
    const savedVerdict = fill(jaCommon.revision.verdictWithGrounds, {
      outcome: jaLeak.outcomes.reportable.title,
      grounds: jaLeak.grounds['rules-7-i'].title,
    });
    expect(notice).toHaveTextContent(fill(jaCommon.revision.body, { date: '2026年3月2日（月）', prior: FIRST, verdict: savedVerdict }));
    expect(within(notice).getByTestId('revision-change')).toHaveTextContent(jaCommon.revision.needsAnswers);
    expect(notice).toHaveTextContent(jaCommon.revision.kept);

    // The verdict of the earlier rules is in the record before anything else is answered.
    const opened = await stored(t, old.id);
    expect(opened.outcome).toBeNull();
    expect(opened.rulesRevision).toBe('2026-12');
    expect(opened.priorOutcomes).toEqual([
      { outcome: old.outcome, rulesRevision: '2025-10', savedAt: old.updatedAt, replacedAt: opened.updatedAt },
    ]);
    expect(opened.facts).toEqual(old.facts);

    await choose(user, 'atContractor', jaCommon.tri.no);
    await expectHeading(jaCommon.review.title);
    await user.click(screen.getByRole('button', { name: jaCommon.review.confirm }));
    await expectHeading(jaLeak.outcomes.reportable.title);

    // Same verdict under the revised rules, and the earlier one is listed as a record on the result page.
    expect(within(screen.getByTestId('revision-notice')).getByTestId('revision-change')).toHaveTextContent(jaCommon.revision.same);
    const record = screen.getByTestId('prior-outcomes');
    expect(within(record).getByRole('heading', { name: jaCommon.revision.sectionTitle })).toBeInTheDocument();
    expect(record).toHaveTextContent(fill(jaCommon.revision.priorHeading, { prior: FIRST, date: '2026年3月2日（月）' }));
    expect(record).toHaveTextContent(savedVerdict);
    expect(record).toHaveTextContent(jaCommon.revision.same);

    const done = await stored(t, old.id);
    expect(done.outcome?.outcome).toBe('reportable');
    expect(done.priorOutcomes).toEqual(opened.priorOutcomes);
  });

  it('a verdict the revised rules give unchanged: said so, and opening it writes nothing', async () => {
    const t = await makeApp();
    const facts = { sensitive: 'yes', recorded: 'yes', improperMeans: 'no', consent: 'yes' } as const;
    const r = evaluate('sensitive-acquisition', facts);
    if (!r.ok) throw new Error('facts do not evaluate');
    const base = newEnvelope('sensitive-acquisition', 'sa-old', '健康診断結果の取得', new Date('2026-11-01T00:00:00Z'));
    const old: Envelope = { ...base, facts, outcome: r.outcome, position: { screen: 'outcome' }, rulesRevision: '2025-10' };
    await open(t, old);

    await expectHeading(jaSensitive.outcomes.permitted.title);
    const notice = screen.getByTestId('revision-notice');
    expect(within(notice).getByTestId('revision-change')).toHaveTextContent(jaCommon.revision.same);
    // Nothing was replaced, so nothing is said to be kept, and no earlier verdict is listed.
    expect(notice).not.toHaveTextContent(jaCommon.revision.kept);
    expect(screen.queryByTestId('prior-outcomes')).not.toBeInTheDocument();
    // As saved before opening (that save was revision 1): opening wrote nothing.
    expect(await stored(t, old.id)).toEqual({ ...old, rev: old.rev + 1 });
  });

  it('a record made under the current rules shows no notice, lists the verdict it keeps, and opening it writes nothing', async () => {
    const t = await makeApp();
    const current = fixture();
    await open(t, current);
    await expectHeading(jaLeak.outcomes.reportable.title);
    expect(screen.queryByTestId('revision-notice')).not.toBeInTheDocument();
    expect(screen.getByTestId('prior-outcomes')).toHaveTextContent(jaLeak.outcomes['not-reportable'].title);
    // Its sources include unverified ones (My Number report rules item 4): the badge is explained under the list.
    expect(screen.getByText(jaCitations.unverifiedExplanation)).toBeInTheDocument();
    // Looking at a record is not an edit: its last-answered time stays what it was.
    expect(await stored(t, current.id)).toEqual({ ...current, rev: current.rev + 1 });
  });
});

describe('My Number holders among the persons affected', () => {
  const BEFORE = { ...leakFactsBefore('myNumber'), persons: 50, myNumber: 'yes' };

  it('a count above the persons affected is refused with a message naming that answer; nothing is stored', async () => {
    const t = await makeApp();
    const env = await openAssessment(t, { facts: BEFORE });
    const user = userEvent.setup();
    await expectHeading(qTitle('myNumberPersons'));
    // What "unknown" means here is this question's own threshold (more than 100), not the persons question's.
    expect(screen.getByText(jaLeak.questions.myNumberPersons.unknownHint)).toBeInTheDocument();
    // Its source (report rules item 4) is unverified, and the page says what that means.
    expect(screen.getByText(jaCitations.unverified)).toBeInTheDocument();
    expect(screen.getByText(jaCitations.unverifiedExplanation)).toBeInTheDocument();

    const input = screen.getByLabelText(jaCommon.question.countLabel);
    await user.type(input, '51');
    await user.click(continueButton());
    const alert = await screen.findByRole('alert');
    const message = fill(jaCommon.errors['count-above-limit'], { question: qTitle('persons'), limit: '50' });
    expect(within(alert).getByRole('link', { name: message })).toBeInTheDocument();
    expect((await stored(t, env.id)).facts).toEqual(BEFORE);

    await user.clear(input);
    await user.type(input, '50');
    await user.click(continueButton());
    await expectHeading(qTitle('myNumberPublished'));
    expect((await stored(t, env.id)).facts).toEqual({ ...BEFORE, myNumberPersons: 50 });
  });
});
