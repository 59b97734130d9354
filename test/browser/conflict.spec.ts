// Two tabs on one record: the second tab's save is announced in the first, and the first tab's stale save is refused
// with a choice — nothing of either tab is lost, and the person's choice decides what is kept.

import { answerCurrent, questionOn, saved, saveLeak, SENSITIVE_CASE } from './app';
import { expect, test } from './fixtures';
import { tx } from './texts';

const t = (key: string, params?: Record<string, string | number>) => tx('ja', key, params);

test('a save from a stale tab is refused, and keeping both leaves both records in the library', async ({ context, page }) => {
  await saveLeak(page, '二つのタブで開いた記録', 4);
  await expect(questionOn(page)).toHaveAttribute('data-question', 'dataKind');
  const address = page.url();

  // The same record in a second tab of the same browser profile: it answers the next question first.
  const other = await context.newPage();
  await other.goto(address);
  await expect(questionOn(other)).toHaveAttribute('data-question', 'dataKind');
  await answerCurrent(other, SENSITIVE_CASE);
  await saved(other);

  // The first tab is told, without anything of its own being changed or saved.
  await expect(page.getByTestId('changed-elsewhere')).toContainText(t('conflict.changedElsewhere'));
  await expect(questionOn(page)).toHaveAttribute('data-question', 'dataKind');

  // Answering in the stale tab: the save is refused, and the choice is offered.
  await answerCurrent(page, SENSITIVE_CASE);
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(t('conflict.title'));
  await expect(conflict.getByRole('button', { name: t('conflict.theirs') })).toBeVisible();
  await expect(conflict.getByRole('button', { name: t('conflict.mine') })).toBeVisible();

  // Keep both: this tab's answers become a new record; the other tab's record is untouched.
  await conflict.getByRole('button', { name: t('conflict.copy') }).click();
  await expect(conflict).toBeHidden();
  // The copy opens on its own address, where the question it was on shows again.
  await expect(page).not.toHaveURL(address);
  await expect(questionOn(page)).toBeVisible();

  await other.goto('/#/library');
  const list = other.getByRole('list', { name: t('records:library.listLabel') });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('link', { name: '二つのタブで開いた記録', exact: true })).toBeVisible();
  await expect(list.getByRole('link', { name: t('conflict.copyTitle', { title: '二つのタブで開いた記録' }), exact: true })).toBeVisible();
});

test('choosing the other tab’s version loads it and drops only this tab’s unsaved answer', async ({ context, page }) => {
  await saveLeak(page, '別のタブの版を残す記録', 4);
  const address = page.url();

  const other = await context.newPage();
  await other.goto(address);
  await expect(questionOn(other)).toHaveAttribute('data-question', 'dataKind');
  await answerCurrent(other, SENSITIVE_CASE);
  await expect(questionOn(other)).not.toHaveAttribute('data-question', 'dataKind');
  await answerCurrent(other, SENSITIVE_CASE);
  await saved(other);
  const theirs = await other.locator('[data-question]').getAttribute('data-question');

  await expect(page.getByTestId('changed-elsewhere')).toBeVisible();
  await answerCurrent(page, SENSITIVE_CASE);
  const conflict = page.getByTestId('conflict');
  await conflict.getByRole('button', { name: t('conflict.theirs') }).click();
  await expect(conflict).toBeHidden();
  // Where the other tab stood: its two answers are the record now.
  await expect(questionOn(page)).toHaveAttribute('data-question', theirs ?? '');
  await page.goto('/#/library');
  await expect(page.getByRole('list', { name: t('records:library.listLabel') }).getByRole('listitem')).toHaveCount(1);
});
