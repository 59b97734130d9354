// The backup figures of the bench: 10,000 records seeded into the app's IndexedDB (the library bench's seed), backed up to
// one file and restored into an empty database — plan and one-transaction commit timed in the page, with the app's own
// code compiled here from scripts/bench-backup-page.ts with Vite's build API (not part of any production bundle).

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { ROOT } from '../test/browser/harness';
import type { BackupFigures } from './bench-backup-page';
import { LIBRARY_RECORDS, scenarios } from './bench-library';
import type { SeedScenario } from './bench-library-seed';

export const BACKUP_RECORDS = LIBRARY_RECORDS;

async function pageScript(): Promise<string> {
  const out = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry: join(ROOT, 'scripts/bench-backup-page.ts'), formats: ['iife'], name: 'ShirubeBenchBackup', fileName: 'backup' },
    },
  });
  for (const o of Array.isArray(out) ? out : [out])
    if ('output' in o) for (const chunk of o.output) if (chunk.type === 'chunk') return chunk.code;
  throw new Error('the backup bench script was not built');
}

export async function benchBackup(browser: Browser, url: string): Promise<BackupFigures> {
  const code = await pageScript();
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
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
