// Browser test of a data use case (案件) offline: three chained flows, prefilled answers shown as such, and the
// combined PDF read back with pdf.js, its embedded case bundle re-importable.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { answerAll, installAndGoOffline, QUESTION, ROOT_LOCALES, text } from './app.mjs';
import { downloadPdf, pdfText } from './pdf.mjs';

const ja = (ns) => JSON.parse(readFileSync(join(ROOT_LOCALES, 'ja', `${ns}.json`), 'utf8'));
const CASE_TITLE = '会員データを広告配信に使う';

/** Member data with a medical history, in the CRM: personal data, sensitive, retained (the unit tests' fixture). */
const { PI_SENSITIVE_PERSONAL_DATA: PERSONAL_INFO } = await tsImport('../fixtures/flow-facts.ts', import.meta.url);
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

async function finish(page, outcome) {
  await page.locator('.review-page').waitFor();
  await page.locator('.review-page > button.button').click();
  await page.locator(`.outcome-page[data-outcome="${outcome}"]`).waitFor();
}

export const tests = {
  'offline: a case runs personal-info → sensitive-acquisition → provision by chaining, and its combined PDF holds all three': async ({
    context,
    page,
    origin,
  }) => {
    const common = ja('common');
    const pi = ja('personal-info');
    const sa = ja('sensitive-acquisition');
    const pv = ja('provision');
    const { failed, fromNetwork } = await installAndGoOffline({ context, page, origin });

    // A case needs a name: an empty one is refused with a message, nothing is created.
    await page.getByRole('button', { name: common.case.create }).click();
    assert.equal(await text(page.locator('#case-title-error')), common.case.titleRequired);
    await page.locator('#case-title').fill(CASE_TITLE);
    await page.getByRole('button', { name: common.case.create }).click();
    await page.locator('.case-page h1').waitFor();
    assert.equal(await text(page.locator('.case-page h1')), CASE_TITLE);

    // 1. Is it personal information? Started inside the case, titled after it.
    await page.locator('a[data-add-flow="personal-info"]').click();
    await page.getByTestId('start-case').waitFor();
    assert.equal(await page.locator('#assessment-title').inputValue(), CASE_TITLE);
    await page.locator('.start-page form button[type=submit]').click();
    await page.locator(QUESTION).waitFor();
    await answerAll(page, PERSONAL_INFO);
    await finish(page, 'personal-information');
    const offers = page.getByTestId('chain-offers');
    assert.equal(await offers.locator('[data-offer]').count(), 2, 'offers sensitive-acquisition and provision');

    // 2. Sensitive acquisition, chained: it opens on the carried-over answer, selected and marked as such.
    await offers.locator('[data-offer="sensitive-acquisition"] button').click();
    await page.locator('.question-page[data-question="sensitive"]').waitFor();
    assert.ok((await text(page.getByTestId('prefilled-note'))).includes(common.flows['personal-info'].title));
    // The carried-over answer is selected. Waited for rather than read once: one clean CI run read it unselected
    // (not reproduced since); if it never becomes selected, the message says what the radios show.
    const selected = await page
      .waitForFunction(() => document.querySelector('.question-page input[type=radio][value="yes"]')?.checked === true, null, {
        timeout: 3000,
      })
      .then(
        () => true,
        () => false,
      );
    const radios = await page.locator('.question-page input[type=radio]').evaluateAll((els) => els.map((e) => `${e.value}:${e.checked}`));
    assert.ok(selected, `carried-over answer "yes" is selected (radios: ${radios.join(', ')})`);
    // Leaving from the first question goes back to the case, and the run resumes where it was.
    await page.locator('.question-page .back-link').click();
    await page.locator('.case-page').waitFor();
    await page.locator('.run-item[data-flow="sensitive-acquisition"] a').click();
    await page.locator('.question-page[data-question="sensitive"]').waitFor();
    await answerAll(page, { sensitive: 'yes', ...SENSITIVE });
    assert.ok((await text(page.locator('.summary-row[data-fact="sensitive"]'))).includes(common.chain.prefilledShort));
    await finish(page, 'permitted');
    assert.equal(await text(page.locator('.outcome-page h1')), sa.outcomes.permitted.title);
    await page.getByTestId('back-to-case').click();
    await page.locator('.case-page').waitFor();

    // 3. Provision, chained from the first run: dataKind is carried over and shown as such on the review page.
    await page.locator('.chain-offers [data-offer="provision"] button').click();
    await page.locator(QUESTION).waitFor();
    await answerAll(page, { dataKind: 'personal-data', ...PROVISION });
    const dataKindRow = page.locator('.summary-row[data-fact="dataKind"]');
    assert.ok((await text(dataKindRow)).includes(common.chain.prefilledShort), 'dataKind marked as carried over');
    await finish(page, 'permitted');
    for (const duty of ['supervise-contractor', 'foreign-continuous-measures']) {
      assert.equal(await page.locator(`li[data-duty="${duty}"]`).count(), 1, `duty ${duty}`);
    }
    await page.getByTestId('back-to-case').click();

    // The case: three runs in order, no offer left to take, and one combined summary.
    await page.locator('.case-page').waitFor();
    assert.deepEqual(await page.locator('.run-item').evaluateAll((els) => els.map((e) => e.dataset.flow)), [
      'personal-info',
      'sensitive-acquisition',
      'provision',
    ]);
    assert.equal(await page.getByTestId('chain-offers').count(), 0, 'both offers already taken: none left to offer');
    assert.equal(await page.getByTestId('case-summary').locator('article').count(), 3);

    const { bytes, name } = await downloadPdf(page, common.case.pdf);
    assert.match(name, /^shirube-case-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/, `file name ${name}`);
    const { text: pdf } = await pdfText(bytes);
    for (const wanted of [
      common.case.report.heading,
      CASE_TITLE,
      pi.outcomes['personal-information'].title,
      sa.outcomes.permitted.title,
      pv.duties['supervise-contractor'].title,
      pv.duties['foreign-continuous-measures'].title,
      sa.grounds.consent.title,
      common.chain.prefilledShort,
    ]) {
      assert.ok(pdf.includes(wanted.replace(/\s+/g, '')), `PDF text contains 「${wanted}」`);
    }

    const { extractEnvelopeJson } = await tsImport('../../src/report/pdf-envelope.ts', import.meta.url);
    const bundle = JSON.parse(extractEnvelopeJson(bytes));
    assert.equal(bundle.format, 'shirube-case');
    assert.equal(bundle.case.title, CASE_TITLE);
    assert.deepEqual(
      bundle.runs.map((r) => [r.flow, r.outcome?.outcome, r.prefilled]),
      [
        ['personal-info', 'personal-information', []],
        ['sensitive-acquisition', 'permitted', ['sensitive']],
        ['provision', 'permitted', ['dataKind']],
      ],
    );
    assert.equal(bundle.runs[1].chainedFrom, bundle.runs[0].id);
    assert.equal(bundle.runs[2].chainedFrom, bundle.runs[0].id);

    assert.deepEqual(failed, [], 'no request failed while offline');
    assert.deepEqual(fromNetwork, [], 'every response while offline came from the service worker');
  },
};
