// A data use case (案件) offline: three chained flows, prefilled answers shown as such, and the combined PDF read back with
// pdf.js, its embedded case bundle re-importable.

import { PI_SENSITIVE_PERSONAL_DATA } from '../fixtures/flow-facts';
import { envelopeJsonOf } from '../report/envelope-json';
import type { Page } from '@playwright/test';
import { answerAll, confirmAnswers, expectChosen, installAndGoOffline, mainHeading, questionOn, startFlow } from './app';
import { expect, test } from './fixtures';
import { downloadPdf, pdfText } from './pdf';
import { flowTitle as titleOf, tx } from './texts';

const t = (key: string, params?: Record<string, string>) => tx('ja', key, params);
const CASE_TITLE = '会員データを広告配信に使う';

/** Member data with a medical history, in the CRM: personal data, sensitive, retained (the unit tests' fixture). */
const PERSONAL_INFO = PI_SENSITIVE_PERSONAL_DATA;
/** `sensitive` is carried over from the first run (kept as carried). */
const SENSITIVE = { recorded: 'yes', improperMeans: 'no', consent: 'yes' };
/** A US ad-delivery contractor with a contract covering the required measures; `dataKind` is carried over and kept. */
const PROVISION = {
  othersCanUse: 'yes',
  exception27: 'none',
  improperUse: 'no',
  recipientAbroad: 'yes',
  country: 'other',
  standardSystem: 'yes',
  arrangement: 'entrustment',
};

async function finish(page: Page, outcome: string): Promise<void> {
  await expect(mainHeading(page)).toHaveText(t('review.title'));
  await expect(await confirmAnswers(page)).toHaveAttribute('data-outcome', outcome);
}

const flowTitle = (flow: string) => titleOf('ja', flow);
const casePage = (page: Page) => page.locator('[data-case]');

test('offline: a case runs personal-info → sensitive-acquisition → provision by chaining, and its combined PDF holds all three', async ({
  page,
  origin,
}) => {
  const { failed, fromNetwork } = await installAndGoOffline(page, origin);

  // A case needs a name: an empty one is refused with a message, nothing is created.
  await page.getByRole('button', { name: t('case.create'), exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(t('case.titleRequired'));
  await page.getByLabel(t('case.titleLabel'), { exact: true }).fill(CASE_TITLE);
  await page.getByRole('button', { name: t('case.create'), exact: true }).click();
  await expect(casePage(page)).toBeVisible();
  await expect(mainHeading(page)).toHaveText(CASE_TITLE);

  // 1. Is it personal information? Started inside the case, titled after it.
  await page.getByRole('link', { name: flowTitle('personal-info'), exact: true }).click();
  await expect(page.getByTestId('start-case')).toBeVisible();
  await expect(page.getByLabel(t('start.titleLabel'), { exact: true })).toHaveValue(CASE_TITLE);
  await startFlow(page);
  await answerAll(page, PERSONAL_INFO, { flow: 'personal-info' });
  await finish(page, 'personal-information');
  const offers = page.getByRole('region', { name: t('chain.title') });
  await expect(offers.locator('[data-offer]'), 'offers sensitive-acquisition and provision').toHaveCount(2);

  // 2. Sensitive acquisition, chained: it opens on the carried-over answer, selected and marked as such.
  await offers.getByRole('button', { name: t('chain.start', { flow: flowTitle('sensitive-acquisition') }), exact: true }).click();
  await expect(questionOn(page)).toHaveAttribute('data-question', 'sensitive');
  await expect(page.getByTestId('prefilled-note')).toContainText(flowTitle('personal-info'));
  await expectChosen(page, 'sensitive', ['yes'], 'sensitive-acquisition');
  // Leaving from the first question goes back to the case, and the run resumes where it was.
  await page.getByRole('button', { name: t('nav.back'), exact: true }).click();
  await expect(casePage(page)).toBeVisible();
  await page
    .getByRole('region', { name: t('case.runs') })
    .getByRole('link', { name: flowTitle('sensitive-acquisition'), exact: true })
    .click();
  await expect(questionOn(page)).toHaveAttribute('data-question', 'sensitive');
  await answerAll(page, { sensitive: 'yes', ...SENSITIVE }, { flow: 'sensitive-acquisition' });
  await expect(page.locator('[data-fact="sensitive"]')).toContainText(t('chain.prefilledShort'));
  await finish(page, 'permitted');
  await expect(mainHeading(page)).toHaveText(t('sensitive-acquisition:outcomes.permitted.title'));
  await page.getByRole('link', { name: t('case.backToCase'), exact: true }).click();
  await expect(casePage(page)).toBeVisible();

  // 3. Provision, chained from the first run: dataKind is carried over and shown as such on the review page.
  await page.getByRole('button', { name: t('chain.start', { flow: flowTitle('provision') }), exact: true }).click();
  await expect(questionOn(page)).toBeVisible();
  await answerAll(page, { dataKind: 'personal-data', ...PROVISION }, { flow: 'provision' });
  await expect(page.locator('[data-fact="dataKind"]'), 'dataKind marked as carried over').toContainText(t('chain.prefilledShort'));
  await finish(page, 'permitted');
  for (const duty of ['supervise-contractor', 'foreign-continuous-measures']) {
    await expect(page.locator(`[data-duty="${duty}"]`), `duty ${duty}`).toHaveCount(1);
  }
  await page.getByRole('link', { name: t('case.backToCase'), exact: true }).click();

  // The case: three runs in order, no offer left to take, and one combined summary.
  await expect(casePage(page)).toBeVisible();
  await expect(page.getByRole('region', { name: t('case.runs') }).getByRole('link')).toHaveText(
    ['personal-info', 'sensitive-acquisition', 'provision'].map(flowTitle),
  );
  await expect(page.getByRole('region', { name: t('chain.title') }), 'both offers already taken: none left to offer').toHaveCount(0);
  await expect(page.getByRole('region', { name: t('case.summary') }).getByRole('article')).toHaveCount(3);

  const { bytes, name } = await downloadPdf(page, t('case.pdf'));
  expect(name, `file name ${name}`).toMatch(/^shirube-case-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/);
  const { text: pdf } = await pdfText(bytes);
  for (const wanted of [
    t('case.report.heading'),
    CASE_TITLE,
    t('personal-info:outcomes.personal-information.title'),
    t('sensitive-acquisition:outcomes.permitted.title'),
    t('provision:duties.supervise-contractor.title'),
    t('provision:duties.foreign-continuous-measures.title'),
    t('sensitive-acquisition:grounds.consent.title'),
    t('chain.prefilledShort'),
  ]) {
    expect(pdf, `PDF text contains 「${wanted}」`).toContain(wanted.replace(/\s+/g, ''));
  }

  const bundle = JSON.parse(envelopeJsonOf(bytes) ?? 'null') as {
    format: string;
    case: { title: string };
    runs: { id: string; flow: string; outcome: { outcome: string } | null; prefilled: string[]; chainedFrom: string | null }[];
  };
  expect(bundle.format).toBe('shirube-case');
  expect(bundle.case.title).toBe(CASE_TITLE);
  expect(bundle.runs.map((r) => [r.flow, r.outcome?.outcome, r.prefilled])).toEqual([
    ['personal-info', 'personal-information', []],
    ['sensitive-acquisition', 'permitted', ['sensitive']],
    ['provision', 'permitted', ['dataKind']],
  ]);
  expect(bundle.runs[1]?.chainedFrom).toBe(bundle.runs[0]?.id);
  expect(bundle.runs[2]?.chainedFrom).toBe(bundle.runs[0]?.id);

  expect(failed, 'no request failed while offline').toEqual([]);
  expect(fromNetwork, 'every response while offline came from the service worker').toEqual([]);
});
