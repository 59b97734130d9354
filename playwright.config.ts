// Browser tests (`npm run test:browser`): test/browser/*.spec.ts in Debian's Chromium against a fresh production build served
// by `vite preview`. No browser is ever downloaded; the flags keep Chromium from calling Google hosts.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/browser/harness';

/** SHIRUBE_E2E_PORT lets two runs on one machine use different servers. */
const PORT = Number(process.env.SHIRUBE_E2E_PORT || 4174);
const BASE_URL = `http://127.0.0.1:${PORT}`;
/** The tests' own build, outside dist/: `npm start`, the bench or another build cannot swap chunks under a running test. */
const OUT_DIR = join(tmpdir(), `shirube-e2e-${PORT}`);

export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.spec.ts',
  // Per port, so two runs on one machine do not clear each other's traces and screenshots.
  outputDir: process.env.SHIRUBE_E2E_PORT ? `test-results/port-${PORT}` : 'test-results',
  // Each test starts from an empty browser profile; two workers share the machine's two cores with the preview server.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  // CI keeps only stdout: `list` prints every test and, for a failure, the error, its file:line and what the page showed.
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: process.env.SHIRUBE_E2E_PORT ? `playwright-report/port-${PORT}` : 'playwright-report' }],
  ],
  use: {
    baseURL: BASE_URL,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    serviceWorkers: 'allow',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: { mode: 'only-on-failure', fullPage: true },
  },
  projects: [
    {
      name: 'chromium',
      use: { browserName: 'chromium', launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } },
    },
  ],
  webServer: {
    command: `npx vite build --logLevel warn --emptyOutDir --outDir "${OUT_DIR}" && npx vite preview --outDir "${OUT_DIR}" --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `${BASE_URL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
