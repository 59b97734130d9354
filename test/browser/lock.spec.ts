// The locked library in Chromium: a record saved through the wizard, the library locked with a passphrase (the product's
// slow key derivation), no title left in clear in IndexedDB, and after a reload the unlock screen — a wrong passphrase
// refused plainly with nothing changed, the right one showing the record again; another open tab is sent to the unlock screen.

import type { Page } from '@playwright/test';
import { answerCurrent, mainHeading, saved, SENSITIVE_CASE, startLeak } from './app';
import { expect, test } from './fixtures';
import { tx } from './texts';

const t = (key: string, params?: Record<string, string | number>) => tx('ja', key, params);
const TITLE = '取引先名簿の誤送信（監査用ノートPC）';
const PASS = '監査室の共用ノートパソコン 2026';

/** Every row of every object store of the app's database, as IndexedDB holds it, as one text. */
function rawRows(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('shirube');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const n of names) {
            const r = tx.objectStore(n).getAll();
            r.onsuccess = () => (out[n] = r.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test('a locked library: nothing readable on disk, the unlock screen refuses a wrong passphrase and opens with the right one', async ({
  page,
}) => {
  await page.goto('/#/');
  await startLeak(page, TITLE);
  for (let i = 0; i < 2; i++) await answerCurrent(page, SENSITIVE_CASE);
  await saved(page);
  expect(await rawRows(page)).toContain(TITLE);

  // Another tab open on the home page: it must not go on with the plain codec once the library is locked.
  const other = await page.context().newPage();
  await other.goto('/#/');
  await expect(mainHeading(other)).toHaveText(t('home.title'));

  // Lock it from the settings screen (linked from every page's footer).
  await page.goto('/#/');
  await page.getByTestId('lock-link').click();
  await expect(mainHeading(page)).toHaveText(t('records:lock.settings.title'));
  await expect(page.getByTestId('lock-status')).toHaveText(t('records:lock.settings.statusOpen'));
  await page.getByLabel(t('records:lock.settings.passphrase'), { exact: true }).fill(PASS);
  await page.getByLabel(t('records:lock.settings.confirm'), { exact: true }).fill(PASS);
  await page.getByLabel(t('records:lock.settings.understand'), { exact: true }).check();
  await page.getByRole('button', { name: t('records:lock.settings.enable'), exact: true }).click();
  await expect(page.getByTestId('lock-done')).toHaveText(t('records:lock.settings.enabled'));
  // The other tab was told, and reloaded to the unlock screen.
  await expect(mainHeading(other)).toHaveText(t('records:lock.unlock.title'));
  await other.close();

  const raw = await rawRows(page);
  expect(raw).not.toContain(TITLE);
  expect(raw).not.toContain('取引先');
  expect(raw).toContain('"sealed"');

  // A new visit: only the unlock screen.
  await page.goto('/#/library');
  await page.reload();
  await expect(mainHeading(page)).toHaveText(t('records:lock.unlock.title'));
  await expect(page.getByText(TITLE)).toHaveCount(0);

  const field = page.getByLabel(t('records:lock.unlock.label'), { exact: true });
  await field.fill('まちがったパスフレーズです');
  await page.getByRole('button', { name: t('records:lock.unlock.submit'), exact: true }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toContainText(t('records:lock.errors.wrong'));
  await expect(summary).toBeFocused();
  await expect(mainHeading(page)).toHaveText(t('records:lock.unlock.title'));
  expect(await rawRows(page)).toBe(raw);

  await field.fill(PASS);
  await page.getByRole('button', { name: t('records:lock.unlock.submit'), exact: true }).click();
  // The address asked for the library: it shows, with the record.
  await expect(mainHeading(page)).toHaveText(t('records:library.title'));
  await expect(page.getByRole('link', { name: TITLE, exact: true })).toBeVisible();
  expect(await rawRows(page)).toBe(raw);
});
