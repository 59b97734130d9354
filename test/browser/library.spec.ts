// The library in Chromium: records saved through the wizard are listed, one is found by search (by title and by an answer
// as the screen reads it), archived out of the everyday view, deleted, and brought back by undo — and that sticks.

import type { Page } from '@playwright/test';
import { mainHeading, saveLeak } from './app';
import { expect, test } from './fixtures';
import { tx } from './texts';

const t = (key: string, params?: Record<string, string | number>) => tx('ja', key, params);

const list = (page: Page) => page.getByRole('list', { name: t('records:library.listLabel') });
const row = (page: Page, title: string) =>
  list(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
const count = (page: Page) => page.getByTestId('library-count');

test('the library finds a record by search, archives it, deletes one and undoes the delete', async ({ page }) => {
  await saveLeak(page, '顧客名簿の誤送信');
  await saveLeak(page, '社内メールの誤送信', 3);
  await saveLeak(page, '委託先での紛失', 2);

  await page.goto('/#/');
  await page
    .getByRole('link', { name: t('home.libraryLink') })
    .first()
    .click();
  await expect(mainHeading(page)).toHaveText(t('records:library.title'));
  await expect(count(page)).toHaveText(t('records:library.count', { n: 3 }));
  await expect(list(page).getByRole('listitem')).toHaveCount(3);
  const done = row(page, '顧客名簿の誤送信');
  await expect(done).toContainText(tx('ja', 'leak:outcomes.reportable.title'));
  await expect(done).toContainText(t('records:library.statuses.done'));
  await expect(row(page, '社内メールの誤送信')).toContainText(t('records:library.statuses.in-progress'));

  // By title, and by an answer as the screen reads it (「個人データ」 is only answered in the finished one).
  const search = page.getByRole('searchbox', { name: t('records:library.searchLabel') });
  await search.fill('メール');
  await expect(list(page).getByRole('listitem')).toHaveCount(1);
  await expect(count(page)).toHaveText(t('records:library.countFiltered', { n: 1, total: 3 }));
  await expect(row(page, '社内メールの誤送信')).toBeVisible();
  await search.fill('個人データ');
  await expect(list(page).getByRole('listitem')).toHaveCount(1);
  await expect(row(page, '顧客名簿の誤送信')).toBeVisible();
  await search.fill('');
  await expect(list(page).getByRole('listitem')).toHaveCount(3);

  // Archive: out of the everyday view, still there when asked for.
  await row(page, '委託先での紛失')
    .getByRole('button', { name: t('records:library.actions.archive') })
    .click();
  await expect(page.getByTestId('library-notice')).toContainText(t('records:library.archivedDone', { title: '委託先での紛失' }));
  await expect(list(page).getByRole('listitem')).toHaveCount(2);
  await page
    .getByLabel(t('records:library.archived'), { exact: true })
    .selectOption({ label: t('records:library.archivedFilter.archived') });
  await expect(list(page).getByRole('listitem')).toHaveCount(1);
  await expect(row(page, '委託先での紛失')).toContainText(t('records:library.archivedTag'));
  await page.getByLabel(t('records:library.archived'), { exact: true }).selectOption({ label: t('records:library.archivedFilter.active') });
  await expect(list(page).getByRole('listitem')).toHaveCount(2);

  // Delete, then undo: the record is back, also after a reload (it is in IndexedDB again).
  await row(page, '社内メールの誤送信')
    .getByRole('button', { name: t('records:library.actions.delete') })
    .click();
  const notice = page.getByTestId('library-notice');
  await expect(notice).toContainText(t('records:library.deleted', { title: '社内メールの誤送信' }));
  await expect(notice).toBeFocused();
  await expect(list(page).getByRole('listitem')).toHaveCount(1);
  await notice.getByRole('button', { name: t('records:library.undo') }).click();
  await expect(notice).toContainText(t('records:library.restored', { title: '社内メールの誤送信' }));
  await expect(row(page, '社内メールの誤送信')).toBeVisible();
  await page.reload();
  await expect(mainHeading(page)).toHaveText(t('records:library.title'));
  await expect(list(page).getByRole('listitem')).toHaveCount(2);
  await expect(row(page, '社内メールの誤送信')).toContainText(t('records:library.statuses.in-progress'));

  // The restored record opens where it was left.
  await row(page, '社内メールの誤送信').getByRole('link', { name: '社内メールの誤送信', exact: true }).click();
  await expect(page.locator('[data-question]')).toBeVisible();
});
