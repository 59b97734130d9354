// Chaining runs inside a case (案件): offers with carried answers, the prefilled marks and when they drop, the case page, and creating and importing cases on the home page.

import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FactValue, FlowId } from '../../src/domain/types';
import { newCase, readCaseBundle, type CaseBundle } from '../../src/storage/cases';
import { newEnvelope, type Envelope, type Position } from '../../src/storage/envelope';
import AssessmentScreen from '../../src/ui/AssessmentScreen.svelte';
import CaseScreen from '../../src/ui/case/CaseScreen.svelte';
import Home from '../../src/ui/home/Home.svelte';
import jaPI from '../../locales/ja/personal-info.json';
import jaProvision from '../../locales/ja/provision.json';
import jaSA from '../../locales/ja/sensitive-acquisition.json';
import { PI_SENSITIVE_PERSONAL_DATA } from '../fixtures/flow-facts';
import { isolateParams } from '../../src/ui/isolate';
import { expectHeading, h1, jaCommon, jaLeak, makeApp, stored, type TestApp } from './helpers';

/** A sentence as the app shows it: the user's text in it (a title) isolated, as app.t does. */
const fill = (template: string, vars: Record<string, string | number>): string => {
  const v: Record<string, unknown> = isolateParams(vars);
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(v[k] ?? ''));
};

const continueButton = () => screen.getByRole('button', { name: jaCommon.nav.continue });
const JA_FLOWS: Record<FlowId, { title: string }> = {
  'personal-info': jaPI,
  'sensitive-acquisition': jaSA,
  provision: jaProvision,
  leak: jaLeak,
};
const flowTitle = (f: FlowId) => JA_FLOWS[f].title;

const caseText = (): string => readFileSync(join(__dirname, '../fixtures/case-v3.json'), 'utf8');
const caseFixture = (): CaseBundle => {
  const r = readCaseBundle(JSON.parse(caseText()));
  if (!r.ok) throw new Error(`case fixture unreadable: ${JSON.stringify(r.problem)}`);
  return r.bundle;
};

const PI_FACTS = PI_SENSITIVE_PERSONAL_DATA;

const CASE_TITLE = '従業員の健康管理';

interface RunOpts {
  id?: string;
  facts?: Record<string, FactValue>;
  position?: Position;
  caseId?: string;
  carried?: { from: string; facts: Record<string, FactValue> };
}

/** Saves a run of `flow` (carried facts are marked prefilled, as a chained start does); `facts` come on top. */
async function saveRun(t: TestApp, flow: FlowId, opts: RunOpts = {}): Promise<Envelope> {
  const base = newEnvelope(flow, opts.id ?? `r-${Math.random().toString(36).slice(2)}`, CASE_TITLE, new Date(), {
    caseId: opts.caseId ?? null,
    ...(opts.carried ? { carried: opts.carried } : {}),
  });
  const env: Envelope = { ...base, facts: { ...base.facts, ...(opts.facts ?? {}) }, ...(opts.position ? { position: opts.position } : {}) };
  await t.assessments.save(env);
  return env;
}

async function openRun(t: TestApp, id: string): Promise<void> {
  render(AssessmentScreen, { props: { app: t.app, id } });
  await screen.findByRole('heading', { level: 1 });
}

/** A case with a finished personal-info run in it, opened on its outcome page. */
async function finishedPersonalInfo(t: TestApp): Promise<Envelope> {
  const rec = newCase(`c-${Math.random().toString(36).slice(2)}`, CASE_TITLE, new Date());
  await t.cases.save(rec);
  const env = await saveRun(t, 'personal-info', { caseId: rec.id, facts: PI_FACTS, position: { screen: 'outcome' } });
  await openRun(t, env.id);
  await expectHeading(jaPI.outcomes['personal-information'].title);
  return env;
}

/** Starts the sensitive-acquisition check from a finished personal-info run; returns the source and the new run's id. */
async function startSensitiveFromOutcome(t: TestApp): Promise<{ source: Envelope; id: string }> {
  // The address persists across the tests of a file: clear it, so only this start can set it.
  location.hash = '#/';
  const source = await finishedPersonalInfo(t);
  const user = userEvent.setup();
  const offer = (await screen.findByTestId('chain-offers')).querySelector('[data-offer="sensitive-acquisition"]') as HTMLElement;
  await user.click(within(offer).getByRole('button', { name: fill(jaCommon.chain.start, { flow: flowTitle('sensitive-acquisition') }) }));
  await expect.poll(() => location.hash).toMatch(/^#\/a\//);
  const id = decodeURIComponent(location.hash.slice('#/a/'.length));
  expect(id).not.toBe(source.id);
  return { source, id };
}

describe('chain offers on an outcome', () => {
  it('offers sensitive-acquisition and provision with the carried answers, and start stores the chained run and opens it', async () => {
    const t = await makeApp();
    location.hash = '#/';
    const source = await finishedPersonalInfo(t);

    const offers = await screen.findByTestId('chain-offers');
    expect(offers).toHaveTextContent(jaCommon.chain.leadCase);
    const items = Array.from(offers.querySelectorAll('[data-offer]'), (li) => li.getAttribute('data-offer'));
    expect(items).toEqual(['sensitive-acquisition', 'provision']);

    const sensitive = offers.querySelector('[data-offer="sensitive-acquisition"]') as HTMLElement;
    expect(sensitive).toHaveTextContent(jaPI.chainReasons.sensitive);
    expect(Array.from(sensitive.querySelectorAll('.carried li'), (li) => li.textContent)).toEqual([
      `${jaSA.questions.sensitive.title} — ${jaCommon.tri.yes}`,
    ]);
    const provision = offers.querySelector('[data-offer="provision"]') as HTMLElement;
    expect(provision).toHaveTextContent(jaPI.chainReasons['personal-data']);
    expect(Array.from(provision.querySelectorAll('.carried li'), (li) => li.textContent)).toEqual([
      `${jaProvision.questions.dataKind.title} — ${jaProvision.options.dataKind['personal-data'].label}`,
    ]);

    const user = userEvent.setup();
    await user.click(
      within(sensitive).getByRole('button', { name: fill(jaCommon.chain.start, { flow: flowTitle('sensitive-acquisition') }) }),
    );
    await expect.poll(() => location.hash).toMatch(/^#\/a\//);
    const id = decodeURIComponent(location.hash.slice('#/a/'.length));
    expect(t.app.route).toEqual({ name: 'assessment', id });

    const chained = await stored(t, id);
    expect(chained).toMatchObject({
      flow: 'sensitive-acquisition',
      caseId: source.caseId,
      chainedFrom: source.id,
      prefilled: ['sensitive'],
      facts: { sensitive: 'yes' },
      position: { screen: 'question', question: 'sensitive' },
      outcome: null,
    });
    expect(chained.id).not.toBe(source.id);
    // The source run is left as it was.
    expect((await stored(t, source.id)).facts).toEqual(PI_FACTS);
    const { runs } = await t.cases.runs(source.caseId ?? '');
    expect(runs.map((r) => r.flow)).toEqual(['personal-info', 'sensitive-acquisition']);
  });

  it('shows an offer already started as started, with a link to open it instead of a start button', async () => {
    const t = await makeApp();
    const { id } = await startSensitiveFromOutcome(t);
    cleanup();
    // Back on the source's outcome (as the 案件に戻る → run link would bring the user).
    const runs = (await t.cases.runs((await stored(t, id)).caseId ?? '')).runs;
    const source = runs.find((r) => r.flow === 'personal-info') as Envelope;
    await openRun(t, source.id);

    const offer = (await screen.findByTestId('chain-offers')).querySelector('[data-offer="sensitive-acquisition"]') as HTMLElement;
    expect(await within(offer).findByRole('link', { name: jaCommon.chain.open })).toHaveAttribute('href', `#/a/${id}`);
    expect(offer).toHaveTextContent(jaCommon.chain.started);
    expect(within(offer).queryByRole('button')).not.toBeInTheDocument();
    const provision = screen.getByTestId('chain-offers').querySelector('[data-offer="provision"]') as HTMLElement;
    expect(
      within(provision).getByRole('button', { name: fill(jaCommon.chain.start, { flow: flowTitle('provision') }) }),
    ).toBeInTheDocument();
  });
});

/** A sensitive-acquisition run chained from personal-info, opened afresh on its first (carried) question. */
async function reopenChainedSensitive() {
  const t = await makeApp();
  const { id } = await startSensitiveFromOutcome(t);
  cleanup();
  await openRun(t, id);
  expect(h1()).toHaveTextContent(jaSA.questions.sensitive.title);
  return { t, id, user: userEvent.setup() };
}

describe('prefilled answers in a chained run', () => {
  it('opens on the carried question with a note naming the source flow and the carried answer selected; answering the same keeps it prefilled', async () => {
    const { t, id, user } = await reopenChainedSensitive();
    const note = await screen.findByText(fill(jaCommon.chain.prefilledQuestion, { flow: flowTitle('personal-info') }));
    expect(note).toHaveAttribute('data-testid', 'prefilled-note');
    expect(screen.getByRole('radio', { name: jaCommon.tri.yes })).toBeChecked();

    await user.click(continueButton());
    await expectHeading(jaSA.questions.recorded.title);
    // The next question was not carried over: no note there.
    expect(screen.queryByTestId('prefilled-note')).not.toBeInTheDocument();
    const saved = await stored(t, id);
    expect(saved.facts).toEqual({ sensitive: 'yes' });
    expect(saved.prefilled).toEqual(['sensitive']);
    expect(saved.position).toEqual({ screen: 'question', question: 'recorded' });
  });

  it('changing a carried answer makes it the user own: it leaves prefilled and the review shows no prefilled tag', async () => {
    const { t, id, user } = await reopenChainedSensitive();

    await user.click(screen.getByRole('radio', { name: jaCommon.tri.no }));
    await user.click(continueButton());

    // Not 要配慮: nothing else is asked.
    await expectHeading(jaCommon.review.title);
    const row = document.querySelector('[data-fact="sensitive"]') as HTMLElement;
    expect(row).toHaveTextContent(jaCommon.tri.no);
    expect(screen.queryByTestId('prefilled-tag')).not.toBeInTheDocument();
    expect(screen.queryByText(jaCommon.chain.prefilledShort)).not.toBeInTheDocument();
    const saved = await stored(t, id);
    expect(saved.facts).toEqual({ sensitive: 'no' });
    expect(saved.prefilled).toEqual([]);
    // The link to the source run stays: only the mark on the answer goes.
    expect(saved.chainedFrom).not.toBeNull();
  });

  it('says the answer was carried over without naming a flow when the source run is gone', async () => {
    const t = await makeApp();
    const env = await saveRun(t, 'sensitive-acquisition', {
      carried: { from: 'deleted-run', facts: { sensitive: 'yes' } },
      // Where a chained start opens: on the first question, carried or not.
      position: { screen: 'question', question: 'sensitive' },
    });
    await openRun(t, env.id);

    expect(h1()).toHaveTextContent(jaSA.questions.sensitive.title);
    expect(screen.getByTestId('prefilled-note')).toHaveTextContent(jaCommon.chain.prefilledQuestionNoSource);
    expect(screen.getByRole('radio', { name: jaCommon.tri.yes })).toBeChecked();
  });

  it('the review of a provision run marks the carried dataKind row only', async () => {
    const t = await makeApp();
    const rec = newCase('c-provision', CASE_TITLE, new Date());
    await t.cases.save(rec);
    const source = await saveRun(t, 'personal-info', { caseId: rec.id, facts: PI_FACTS, position: { screen: 'outcome' } });
    const env = await saveRun(t, 'provision', {
      caseId: rec.id,
      carried: { from: source.id, facts: { dataKind: 'personal-data' } },
      facts: { othersCanUse: 'yes', exception27: 'none', improperUse: 'no', recipientAbroad: 'no', arrangement: 'entrustment' },
      position: { screen: 'review' },
    });
    expect(env.prefilled).toEqual(['dataKind']);
    await openRun(t, env.id);
    await expectHeading(jaCommon.review.title);

    const tags = screen.getAllByTestId('prefilled-tag');
    expect(tags).toHaveLength(1);
    expect(tags[0]).toHaveTextContent(jaCommon.chain.prefilledShort);
    const row = tags[0]?.closest('.summary-row') as HTMLElement;
    expect(row).toHaveAttribute('data-fact', 'dataKind');
    expect(within(row).getByRole('term')).toHaveTextContent(jaProvision.questions.dataKind.title);
    expect(row).toHaveTextContent(jaProvision.options.dataKind['personal-data'].label);
    const rows = Array.from(document.querySelectorAll('.summary-row'), (r) => r.getAttribute('data-fact'));
    expect(rows).toEqual(['othersCanUse', 'dataKind', 'exception27', 'improperUse', 'recipientAbroad', 'arrangement']);
  });
});

describe('case page', () => {
  it('lists the imported runs in order, summarises each finished run, and offers nothing already started', async () => {
    const t = await makeApp();
    const bundle = caseFixture();
    await t.cases.importBundle(bundle);
    render(CaseScreen, { props: { app: t.app, id: bundle.case.id } });
    await expectHeading(bundle.case.title);

    const runs = Array.from(document.querySelectorAll('.run-item'), (li) => [li.getAttribute('data-run'), li.getAttribute('data-flow')]);
    expect(runs).toEqual(bundle.runs.map((r) => [r.id, r.flow]));
    expect(runs.map(([, f]) => f)).toEqual(['personal-info', 'sensitive-acquisition', 'provision']);
    const items = document.querySelectorAll('.run-item');
    expect(within(items[0] as HTMLElement).getByRole('link', { name: flowTitle('personal-info') })).toHaveAttribute(
      'href',
      `#/a/${bundle.runs[0]?.id}`,
    );
    expect(items[1]).toHaveTextContent(fill(jaCommon.case.startedFrom, { flow: flowTitle('personal-info') }));
    expect(items[2]).toHaveTextContent(fill(jaCommon.case.startedFrom, { flow: flowTitle('personal-info') }));

    const summary = screen.getByTestId('case-summary');
    const articles = Array.from(summary.querySelectorAll('article'));
    expect(articles.map((a) => a.getAttribute('data-summary-flow'))).toEqual(['personal-info', 'sensitive-acquisition', 'provision']);
    expect(within(articles[0] as HTMLElement).getByRole('heading', { level: 3 })).toHaveTextContent(
      fill(jaCommon.case.report.runHeading, { n: 1, flow: flowTitle('personal-info'), title: bundle.runs[0]?.title ?? '' }),
    );
    expect(articles[0]).toHaveTextContent(jaPI.outcomes['personal-information'].title);
    expect(articles[1]).toHaveTextContent(jaSA.outcomes.permitted.title);
    expect(articles[2]).toHaveTextContent(jaProvision.outcomes.permitted.title);

    // Both checks the personal-info outcome calls for were started from it.
    expect(screen.queryByTestId('chain-offers')).not.toBeInTheDocument();
  });

  it('still offers the check not yet started from the personal-info run', async () => {
    const t = await makeApp();
    const full = caseFixture();
    // The same case without its provision run.
    const bundle: CaseBundle = { ...full, runs: full.runs.filter((r) => r.flow !== 'provision') };
    await t.cases.importBundle(bundle);
    render(CaseScreen, { props: { app: t.app, id: bundle.case.id } });
    await expectHeading(bundle.case.title);

    const offers = screen.getByTestId('chain-offers');
    expect(Array.from(offers.querySelectorAll('[data-offer]'), (li) => li.getAttribute('data-offer'))).toEqual(['provision']);
    expect(within(offers).getByRole('button', { name: fill(jaCommon.chain.start, { flow: flowTitle('provision') }) })).toBeInTheDocument();
  });
});

describe('cases on the home page', () => {
  async function renderHome(t: TestApp) {
    render(Home, { props: { app: t.app } });
    await expectHeading(jaCommon.home.title);
  }
  const titleInput = () => screen.getByLabelText(jaCommon.case.titleLabel);
  const createButton = () => screen.getByRole('button', { name: jaCommon.case.create });

  it('refuses an empty (or blank) case name with the error on the field, and stores nothing', async () => {
    const t = await makeApp();
    location.hash = '#/';
    await renderHome(t);
    const user = userEvent.setup();

    await user.type(titleInput(), '   ');
    await user.click(createButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(jaCommon.case.titleRequired);
    expect(titleInput()).toHaveAttribute('aria-invalid', 'true');
    expect(titleInput()).toHaveFocus();
    expect(await t.cases.list()).toEqual([]);
    expect(location.hash).toBe('#/');
  });

  it('creates a case with a name and opens it', async () => {
    const t = await makeApp();
    location.hash = '#/';
    await renderHome(t);
    const user = userEvent.setup();

    await user.type(titleInput(), '  会員データを広告配信に使う ');
    await user.click(createButton());
    await expect.poll(() => location.hash).toMatch(/^#\/c\//);
    const cases = await t.cases.list();
    expect(cases).toHaveLength(1);
    expect(cases[0]?.title).toBe('会員データを広告配信に使う');
    expect(location.hash).toBe(`#/c/${cases[0]?.id}`);
    expect(t.app.route).toEqual({ name: 'case', id: cases[0]?.id });
  });
});
