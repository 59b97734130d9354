// The WCAG 2.2 AA gates of issue 12: axe on every screen in Japanese and English at phone and desktop sizes; reflow
// at 200% zoom and on a phone; no motion under prefers-reduced-motion; 24×24 px targets on a phone.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PI_SENSITIVE_PERSONAL_DATA } from '../fixtures/flow-facts';
import {
  answerAll,
  answerCurrent,
  confirmAnswers,
  currentQuestion,
  fill,
  mainHeading,
  questionOn,
  saved,
  SENSITIVE_CASE,
  startFlow,
} from './app';
import { Audit, expectNoSideScroll, runningMotion, SIZES, smallTargets, switchLang } from './a11y';
import { ROOT } from './harness';
import { expect, test } from './fixtures';
import { flowTitle, pageLang, tx } from './texts';

const BACKUP_FIXTURE = join(ROOT, 'test', 'fixtures', 'backup-v1.json');
/** The leak record of the backup fixture (not in its case). */
const LEAK_ID = 'c4d5e6f7-0004-4000-8000-000000000004';
const PASS = 'アクセシビリティ確認用のパスフレーズ 2026';
/** A US contractor under a contract with the required measures: passes the checklist question `standardSystem`. */
const PROVISION = {
  othersCanUse: 'yes',
  dataKind: 'personal-data',
  exception27: 'none',
  improperUse: 'no',
  recipientAbroad: 'yes',
  country: 'other',
  standardSystem: 'yes',
  arrangement: 'entrustment',
};

/** A text in the language the page shows now (the audits switch it). */
const text = async (page: Page, key: string, params?: Record<string, string | number>) => tx(await pageLang(page), key, params);

/** On an outcome or case page: starts the next check offered for `flow`, with the answers carried over. */
async function chain(page: Page, flow: string): Promise<void> {
  const lang = await pageLang(page);
  await page.getByRole('button', { name: tx(lang, 'chain.start', { flow: flowTitle(lang, flow) }), exact: true }).click();
  await expect(questionOn(page)).toBeVisible();
}

/** The sensitive-data leak, with the financial question answered "not sure": a provisional verdict. */
const PROVISIONAL_LEAK = { ...SENSITIVE_CASE, financial: 'unsure' };

/** Answers the question on screen after auditing it when it is one of `at` (named by question id). */
async function walk(page: Page, audit: Audit, facts: Record<string, unknown>, flow: string, at: Record<string, string>): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const review = page.getByRole('heading', { level: 1, name: await text(page, 'review.title'), exact: true });
    await expect(questionOn(page).or(review).first()).toBeVisible();
    const id = await currentQuestion(page);
    if (id === null) return;
    if (at[id]) await audit.check(at[id]);
    await answerCurrent(page, facts, flow);
  }
  throw new Error('no review page after 60 answers');
}

for (const size of SIZES) {
  test.describe(`axe at ${size.name} size (${size.width}×${size.height})`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    // Each test walks many screens and runs axe twice on each (about 20–40 runs): more than the default two minutes on a
    // busy two-core machine. The tests share nothing, so both workers take them.
    test.describe.configure({ mode: 'parallel', timeout: 360_000 });

    test('home, the leak flow: every question type, the answer note, the error summary, review and a provisional outcome', async ({
      page,
    }) => {
      const audit = new Audit(page, size.name);
      await page.goto('/#/');
      await expect(mainHeading(page)).toBeVisible();
      await audit.check('home (nothing saved)');

      await page
        .getByRole('link', { name: flowTitle(await pageLang(page), 'leak'), exact: true })
        .first()
        .click();
      await expect(mainHeading(page)).toHaveText(flowTitle(await pageLang(page), 'leak'));
      await audit.check('start page (leak)');
      await startFlow(page, 'アクセシビリティ確認 / accessibility check');

      // The first question (radios of the flow's own options), refused when empty: the error summary.
      await audit.check('question: radios');
      await page.getByRole('button', { name: await text(page, 'nav.continue'), exact: true }).click();
      await expect(page.getByRole('alert', { name: await text(page, 'errors.summaryTitle'), exact: true })).toBeVisible();
      await audit.check('question: error summary (submitted empty)');
      await answerCurrent(page, PROVISIONAL_LEAK);

      await walk(page, audit, PROVISIONAL_LEAK, 'leak', {
        events: 'question: checkboxes',
        recoveredUnseen: 'question: yes / no / not sure with its hint',
        knownOn: 'question: date input',
      });
      await expect(mainHeading(page)).toHaveText(await text(page, 'review.title'));
      await audit.check('review page');
      const outcome = await confirmAnswers(page);
      await expect(page.getByTestId('provisional')).toBeVisible();
      await expect(outcome).toHaveAttribute('data-outcome', 'reportable');
      await audit.check('outcome (leak, provisional)');

      // A second assessment left at the head count: the count input, and the reason field opened beside it.
      await page.goto('/#/new/leak');
      await startFlow(page, '人数の確認');
      await answerAll(page, { ...SENSITIVE_CASE, sensitive: 'no' }, { stopBefore: 'persons' });
      await audit.check('question: count input');
      await page.getByRole('button', { name: await text(page, 'note.summary'), exact: true }).click();
      await page.getByLabel(await text(page, 'note.label'), { exact: true }).fill('委託先の報告書による / from the contractor’s report');
      await audit.check('question: answer note opened');
      await fill(page, 'persons', 12);
      await saved(page);

      // Home with saved work: resume panel, backup reminder, recent list.
      await page.goto('/#/');
      await expect(page.getByTestId('resume')).toBeVisible();
      await audit.check('home (with saved assessments)');
      audit.expectNone();
    });

    test('a case: the refused case name, the case page, a start page in it, grouped checkboxes, a carried-over answer, the checklist, and the outcome and start page of each other flow', async ({
      page,
    }) => {
      const audit = new Audit(page, size.name);
      await page.goto('/#/');
      await expect(mainHeading(page)).toBeVisible();
      await page.getByRole('button', { name: await text(page, 'case.create'), exact: true }).click();
      await expect(page.getByRole('alert')).toHaveText(await text(page, 'case.titleRequired'));
      await audit.check('home (case name refused)');
      await page.getByLabel(await text(page, 'case.titleLabel'), { exact: true }).fill('会員データを広告配信に使う');
      await page.getByRole('button', { name: await text(page, 'case.create'), exact: true }).click();
      await expect(page.locator('[data-case]')).toBeVisible();
      await audit.check('case page (no checks yet)');

      await page.getByRole('link', { name: flowTitle(await pageLang(page), 'personal-info'), exact: true }).click();
      await expect(page.getByTestId('start-case')).toBeVisible();
      await audit.check('start page (personal-info, inside a case)');
      await startFlow(page);
      await walk(page, audit, PI_SENSITIVE_PERSONAL_DATA, 'personal-info', { identifierCodes: 'question: checkboxes in headed groups' });
      await expect(await confirmAnswers(page)).toHaveAttribute('data-outcome', 'personal-information');
      await audit.check('outcome (personal-info, next checks offered)');

      await chain(page, 'sensitive-acquisition');
      await expect(page.getByTestId('prefilled-note')).toBeVisible();
      await audit.check('question: carried-over answer');
      await answerAll(page, { sensitive: 'yes', recorded: 'yes', improperMeans: 'no', consent: 'yes' }, { flow: 'sensitive-acquisition' });
      await audit.check('review page (a carried-over answer)');
      await expect(await confirmAnswers(page)).toHaveAttribute('data-outcome', 'permitted');
      await audit.check('outcome (sensitive-acquisition)');

      await page.getByRole('link', { name: await text(page, 'case.backToCase'), exact: true }).click();
      await expect(page.locator('[data-case]')).toBeVisible();
      await chain(page, 'provision');
      await walk(page, audit, PROVISION, 'provision', { standardSystem: 'question: checklist' });
      await expect(await confirmAnswers(page)).toHaveAttribute('data-outcome', 'permitted');
      await audit.check('outcome (provision)');
      await page.getByRole('link', { name: await text(page, 'case.backToCase'), exact: true }).click();
      await expect(page.getByTestId('case-summary')).toBeVisible();
      await audit.check('case page (three checks and their summary)');

      for (const flow of ['personal-info', 'sensitive-acquisition', 'provision']) {
        await page.goto(`/#/new/${flow}`);
        await expect(mainHeading(page)).toHaveText(flowTitle(await pageLang(page), flow));
        await audit.once(`start page (${flow})`);
        await switchLang(page);
        await audit.once(`start page (${flow})`);
      }
      audit.expectNone();
    });

    test('records: backup, import error, restore preview, the library with its dialogs and notice, a signed-off outcome', async ({
      page,
    }, testInfo) => {
      const audit = new Audit(page, size.name);
      await page.goto('/#/backup');
      await expect(mainHeading(page)).toHaveText(await text(page, 'records:backup.title'));
      await audit.check('backup page (nothing stored)');

      const notBackup = testInfo.outputPath('not-a-backup.json');
      writeFileSync(notBackup, '{"hello": "world"}');
      const importBad = async () => {
        await page.getByLabel(await text(page, 'records:backup.restore.choose')).setInputFiles(notBackup);
        await expect(page.getByRole('alert')).toContainText(await text(page, 'records:backup.problem.not-shirube'));
      };
      await importBad();
      await audit.check('backup: import error', importBad);

      const preview = async () => {
        await page.getByLabel(await text(page, 'records:backup.restore.choose')).setInputFiles(BACKUP_FIXTURE);
        await expect(page.getByTestId('restore-plan')).toBeVisible();
      };
      await preview();
      await audit.check('backup: restore preview (all new)', preview);
      await page.getByRole('button', { name: await text(page, 'records:backup.restore.confirm'), exact: true }).click();
      await expect(page.getByTestId('restore-done')).toBeVisible();
      // The other language's "restored" is checked after the second restore below.
      await audit.once('backup: restored');
      const firstRestore = await pageLang(page);

      await page.goto('/#/library');
      await expect(page.getByTestId('library-count')).toHaveText(await text(page, 'records:library.count', { n: 2 }));
      await audit.check('library (with records)');

      // A dialog is modal (the language button is out of reach): each language opens it afresh.
      const caseRow = page.locator('[data-kind="case"]');
      const leakRow = page.locator('[data-kind="assessment"]');
      const dialog = page.getByRole('dialog');
      const inDialog = async (screen: string, open: () => Promise<void>, closeKey: string) => {
        for (let i = 0; i < 2; i++) {
          if (i) await switchLang(page);
          await open();
          await expect(dialog).toBeVisible();
          await audit.once(screen);
          await dialog.getByRole('button', { name: await text(page, closeKey), exact: true }).click();
          await expect(dialog).toHaveCount(0);
        }
      };
      await inDialog(
        'library: re-assess under the current rules (dialog)',
        async () => caseRow.getByRole('button', { name: await text(page, 'records:library.actions.reassess'), exact: true }).click(),
        'records:library.rulesUpdate.cancel',
      );

      // The leak record, signed off: a read-only outcome, and a delete that asks first.
      await page.goto(`/#/a/${LEAK_ID}`);
      await expect(page.locator('[data-outcome]')).toBeVisible();
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: await text(page, 'record.signOff'), exact: true }).click();
      await expect(page.getByTestId('signed-off')).toBeVisible();
      await audit.check('outcome (signed off)');
      await page.goto('/#/library');
      await inDialog(
        'library: delete a signed-off record (dialog)',
        async () => leakRow.getByRole('button', { name: await text(page, 'records:library.actions.delete'), exact: true }).click(),
        'records:library.confirmDelete.cancel',
      );
      const archive = async (row: typeof caseRow) => {
        if (await page.getByTestId('library-notice').isVisible()) return;
        await row.getByRole('button', { name: await text(page, 'records:library.actions.archive'), exact: true }).click();
        await expect(page.getByTestId('library-notice')).toBeVisible();
      };
      await archive(caseRow);
      await audit.check('library: notice after archiving', () => archive(leakRow));

      // The same file again: records already here, a choice for each, the signed-off one replaced only when ticked.
      await page.goto('/#/backup');
      const leakPlan = page.locator(`[data-key$="${LEAK_ID}"]`);
      const previewAgain = async () => {
        await preview();
        await leakPlan.getByRole('radio', { name: await text(page, 'records:backup.restore.choices.replace'), exact: true }).check();
        await expect(leakPlan.getByRole('checkbox')).toBeVisible();
      };
      await previewAgain();
      await audit.check('backup: restore preview (records already here)', previewAgain);
      if ((await pageLang(page)) === firstRestore) {
        await switchLang(page);
        await previewAgain();
      }
      await leakPlan.getByRole('checkbox').check();
      await page.getByRole('button', { name: await text(page, 'records:backup.restore.confirm'), exact: true }).click();
      await expect(page.getByTestId('restore-done')).toBeVisible();
      await audit.once('backup: restored');
      audit.expectNone();
    });

    test('the lock: settings, their errors, the locked state, the unlock screen and its error', async ({ page }) => {
      const audit = new Audit(page, size.name);
      await page.goto('/#/lock');
      await expect(mainHeading(page)).toHaveText(await text(page, 'records:lock.settings.title'));
      await audit.check('lock settings (not locked)');
      const refuseEmpty = async () => {
        if (await page.locator('.error-summary').isVisible()) return;
        await page.getByRole('button', { name: await text(page, 'records:lock.settings.enable'), exact: true }).click();
        await expect(page.locator('.error-summary')).toBeVisible();
      };
      await refuseEmpty();
      await audit.check('lock settings: errors', refuseEmpty);
      await page.getByLabel(await text(page, 'records:lock.settings.passphrase'), { exact: true }).fill(PASS);
      await page.getByLabel(await text(page, 'records:lock.settings.confirm'), { exact: true }).fill(PASS);
      await page.getByLabel(await text(page, 'records:lock.settings.understand'), { exact: true }).check();
      await page.getByRole('button', { name: await text(page, 'records:lock.settings.enable'), exact: true }).click();
      await expect(page.getByTestId('lock-done')).toBeVisible({ timeout: 60_000 });
      await audit.check('lock settings (locked)');
      await page.reload();
      // The stored language is applied as the app starts: read the page's language once the screen is there.
      await expect(page.getByTestId('unlock')).toBeVisible();
      await expect(mainHeading(page)).toHaveText(await text(page, 'records:lock.unlock.title'));
      await audit.check('unlock screen');
      const refuseUnlock = async () => {
        if (await page.locator('.error-summary').isVisible()) return;
        await page.getByRole('button', { name: await text(page, 'records:lock.unlock.submit'), exact: true }).click();
        await expect(page.locator('.error-summary')).toBeVisible();
      };
      await refuseUnlock();
      await audit.check('unlock screen: error', refuseUnlock);
      audit.expectNone();
    });

    test('failure and update screens: offline-ready message, update prompt, rescue screen, storage alerts', async ({ page }) => {
      const audit = new Audit(page, size.name);
      // A save refused by the browser (as when the disk is full), switched on from the test.
      await page.addInitScript(() => {
        for (const method of ['put', 'add'] as const) {
          const original = IDBObjectStore.prototype[method];
          IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
            if (sessionStorage.getItem('a11y-fail-writes'))
              throw new DOMException('refused by the accessibility test', 'QuotaExceededError');
            return original.apply(this, args);
          };
        }
      });
      await page.goto('/#/');
      await expect(page.getByRole('status').filter({ hasText: await text(page, 'update.offlineReady') })).toBeVisible({ timeout: 30_000 });
      await audit.check('home: ready offline message');

      // Another version of the worker script waiting to take over: the update prompt.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        await navigator.serviceWorker.register('/sw.js?a11y-update', { scope: '/' });
      });
      await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 30_000 });
      await audit.check('update prompt');

      await page.goto('/#/new/leak');
      await startFlow(page, '保存の失敗');
      await page.evaluate(() => sessionStorage.setItem('a11y-fail-writes', '1'));
      await answerCurrent(page, SENSITIVE_CASE);
      await expect(page.getByTestId('storage-alert')).toBeVisible();
      await audit.check('storage alert (a save failed, with retry)');

      // Something no screen handled: the rescue screen, with its technical detail open.
      await page.evaluate(() =>
        dispatchEvent(new ErrorEvent('error', { error: new Error('raised by the accessibility test'), message: 'a11y' })),
      );
      await expect(page.getByTestId('rescue')).toBeVisible();
      await page.getByText(await text(page, 'rescue.detail'), { exact: true }).click();
      await audit.check('rescue screen');

      // Storage that does not open at all (private browsing, a policy): the alert on the home page.
      await page.addInitScript(() => {
        IDBFactory.prototype.open = () => {
          throw new DOMException('refused by the accessibility test', 'SecurityError');
        };
      });
      await page.goto('/#/');
      await page.reload();
      await expect(page.getByTestId('storage-alert')).toBeVisible();
      await audit.check('storage alert (storage unavailable)');
      audit.expectNone();
    });
  });
}

/**
 * Walks home, a question, the review, the outcome, the library and the backup page with its restore preview, calling
 * `check` on each (in Japanese, and again in English when `bothLangs`).
 */
async function walkScreens(page: Page, check: (screen: string) => Promise<void>, bothLangs = true): Promise<void> {
  const both = async (screen: string) => {
    await check(screen);
    if (!bothLangs) return;
    await switchLang(page);
    await check(screen);
  };
  await page.goto('/#/');
  await expect(mainHeading(page)).toBeVisible();
  await both('home');
  await page.goto('/#/new/leak');
  await startFlow(page, 'レイアウト確認のための少し長めの判定の名前（Reflow check with a longer title）');
  await both('question: radios');
  await answerAll(page, SENSITIVE_CASE, { stopBefore: 'events' });
  await both('question: checkboxes');
  await answerAll(page, SENSITIVE_CASE, { stopBefore: 'persons' });
  await both('question: count');
  await answerAll(page, SENSITIVE_CASE);
  await both('review page');
  await confirmAnswers(page);
  await both('outcome');
  await page.goto('/#/library');
  await expect(page.getByTestId('library-count')).toHaveText(await text(page, 'records:library.count', { n: 1 }));
  await both('library');
  await page.goto('/#/backup');
  await expect(mainHeading(page)).toHaveText(await text(page, 'records:backup.title'));
  await both('backup page');
  const preview = async () => {
    await page.getByLabel(await text(page, 'records:backup.restore.choose')).setInputFiles(BACKUP_FIXTURE);
    await expect(page.getByTestId('restore-plan')).toBeVisible();
  };
  await preview();
  await check('backup: restore preview');
  if (bothLangs) {
    await switchLang(page);
    await preview();
    await check('backup: restore preview');
  }
}

test.describe('reflow, motion and target size', () => {
  test.describe.configure({ mode: 'parallel', timeout: 240_000 });

  test.describe('at 200% zoom', () => {
    // A 1280 px window zoomed to 200% lays the page out in 640 CSS px, which is all that browser zoom changes for
    // layout: so a 640 px viewport, drawn at two device pixels per CSS pixel as the zoomed window is. (CSS `zoom` on
    // the document instead would leave media queries and the viewport at 1280 px, which is not what a zoomed browser does.)
    test.use({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    test('nothing scrolls sideways in a 1280 px window at 200%', async ({ page }) => {
      await walkScreens(page, (screen) => expectNoSideScroll(page, `${screen} (${640} px, 200% of 1280)`));
    });
  });

  test.describe('on a 360 px phone', () => {
    test.use({ viewport: { width: 360, height: 740 } });
    test('nothing scrolls sideways, and every control, link and option label is at least 24×24 px', async ({ page }) => {
      const small: string[] = [];
      await walkScreens(page, async (screen) => {
        await expectNoSideScroll(page, `${screen} (360 px)`);
        const lang = await pageLang(page);
        for (const s of await smallTargets(page)) small.push(`${screen} (${lang}): ${s}`);
      });
      // The lock settings and the case page have their own controls.
      await page.goto('/#/lock');
      await expect(mainHeading(page)).toHaveText(await text(page, 'records:lock.settings.title'));
      for (const s of await smallTargets(page)) small.push(`lock settings: ${s}`);
      await page.goto('/#/');
      await page.getByLabel(await text(page, 'case.titleLabel'), { exact: true }).fill('目標サイズの確認');
      await page.getByRole('button', { name: await text(page, 'case.create'), exact: true }).click();
      await page.getByRole('link', { name: flowTitle(await pageLang(page), 'leak'), exact: true }).click();
      await startFlow(page);
      await page.getByRole('button', { name: await text(page, 'nav.back'), exact: true }).click();
      await expect(page.locator('[data-case] [data-run]')).toBeVisible();
      for (const s of await smallTargets(page)) small.push(`case page: ${s}`);
      expect(small, `targets under 24×24 CSS px (WCAG 2.5.8):\n${small.join('\n')}\n`).toEqual([]);
    });
  });

  test('with prefers-reduced-motion, nothing animates or transitions for longer than 0.01 s', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const moving: string[] = [];
    await walkScreens(
      page,
      async (screen) => {
        // Motion starts on hover and focus too: put the pointer and the focus on the first button.
        const button = page.locator('main button:visible').first();
        if (await button.count()) {
          await button.hover();
          await button.focus();
        }
        for (const m of await runningMotion(page)) moving.push(`${screen}: ${m}`);
      },
      false,
    );
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), 'reduced motion emulated').toBe(true);
    expect(moving, `motion left under prefers-reduced-motion:\n${moving.join('\n')}\n`).toEqual([]);
  });
});
