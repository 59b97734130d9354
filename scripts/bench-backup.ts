// The backup figures of the bench: 10,000 records seeded into the app's IndexedDB (the library bench's seed), backed up to
// one file and restored into an empty database — plan and one-transaction commit timed in the page, with the app's own
// code compiled here from scripts/bench-backup-page.ts with Vite's build API (not part of any production bundle).

import type { Browser } from 'playwright-core';
import type { BackupFigures } from './bench-backup-page';
import { LIBRARY_RECORDS, pageIife, scenarios } from './bench-library';
import type { SeedScenario } from './bench-library-seed';

export const BACKUP_RECORDS = LIBRARY_RECORDS;

const pageScript = () => pageIife('scripts/bench-backup-page.ts', 'ShirubeBenchBackup');

export async function benchBackup(browser: Browser, url: string): Promise<BackupFigures> {
  const code = await pageScript();
  // The seed script is added by the bench, not the app: the app's Content-Security-Policy would refuse it.
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', bypassCSP: true });
  const page = await context.newPage();
  try {
    await page.goto(`${url}/#/`);
    await page.locator('.home-page h1').waitFor();
    await page.addScriptTag({ content: code });
    return (await page.evaluate(
      ([n, s]) =>
        (
          globalThis as unknown as { ShirubeBenchBackup: { run: (n: number, s: readonly SeedScenario[]) => Promise<BackupFigures> } }
        ).ShirubeBenchBackup.run(n, s),
      [BACKUP_RECORDS, scenarios()] as const,
    )) as BackupFigures;
  } finally {
    await context.close();
  }
}
