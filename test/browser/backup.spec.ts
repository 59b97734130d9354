// Backup and restore in Chromium: records made through the wizard are backed up to a downloaded file, and that file,
// restored on the backup screen of a new browser profile (nothing stored), brings every record back — listed in the
// library, and opening on its verdict.

import { mainHeading, saveLeak } from './app';
import { expect, test } from './fixtures';
import { tx } from './texts';

const t = (key: string, params?: Record<string, string | number>) => tx('ja', key, params);

test('back up everything, then restore the file in a cleared profile: the records, listed and with their verdicts', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  await saveLeak(page, '顧客名簿の誤送信');
  await saveLeak(page, '社内メールの誤送信', 3);

  // The home page reminds (never backed up) and links to the backup screen.
  await page.goto('/#/');
  const reminder = page.getByTestId('backup-reminder');
  await expect(reminder).toContainText(t('home.backupReminder.never'));
  await reminder.getByRole('link', { name: t('home.backupReminder.link') }).click();
  await expect(mainHeading(page)).toHaveText(t('records:backup.title'));

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: t('records:backup.export.button') }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^shirube-backup-all-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath('backup.json');
  await download.saveAs(file);
  await expect(page.getByRole('status').filter({ hasText: t('records:backup.export.done', { assessments: 2, cases: 0 }) })).toBeVisible();
  await expect(page.getByTestId('last-backup')).not.toHaveText(t('records:backup.export.never'));
  // Backed up: the home page no longer reminds.
  await page.goto('/#/');
  await expect(page.getByRole('link', { name: '顧客名簿の誤送信' })).toBeVisible();
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);

  // A new profile: nothing stored.
  const fresh = await browser.newContext({ baseURL, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', serviceWorkers: 'block' });
  const other = await fresh.newPage();
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(String(e)));
  other.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
  await other.goto('/#/backup');
  await expect(mainHeading(other)).toHaveText(t('records:backup.title'));
  await other.getByLabel(t('records:backup.restore.choose')).setInputFiles(file);
  const plan = other.getByTestId('restore-plan');
  await expect(plan.getByRole('row')).toHaveCount(3);
  await expect(other.getByTestId('restore-counts')).toHaveText(
    t('records:backup.restore.counts', { add: 2, keepBoth: 0, replace: 0, skip: 0 }),
  );
  await other.getByRole('button', { name: t('records:backup.restore.confirm') }).click();
  await expect(other.getByTestId('restore-done')).toContainText(t('records:backup.restore.done', { added: 2, replaced: 0, skipped: 0 }));

  // In the library, and the finished one opens on its verdict.
  await other.goto('/#/library');
  await expect(other.getByTestId('library-count')).toHaveText(t('records:library.count', { n: 2 }));
  await other.getByRole('link', { name: '顧客名簿の誤送信', exact: true }).click();
  await expect(other.locator('[data-outcome]')).toBeVisible();
  await expect(other.locator('[data-outcome]')).toContainText(tx('ja', 'leak:outcomes.reportable.title'));
  expect(errors).toEqual([]);
  await fresh.close();
});

test('a file that is not a backup: the reason, and nothing stored', async ({ page }, testInfo) => {
  await page.goto('/#/backup');
  await expect(mainHeading(page)).toHaveText(t('records:backup.title'));
  const file = testInfo.outputPath('not-a-backup.json');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, '{"hello": "world"}');
  await page.getByLabel(t('records:backup.restore.choose')).setInputFiles(file);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(t('records:backup.problem.not-shirube'));
  await expect(alert).toContainText(t('records:backup.restore.unchanged'));
  await page.goto('/#/library');
  await expect(page.getByText(t('records:library.empty'))).toBeVisible();
});
