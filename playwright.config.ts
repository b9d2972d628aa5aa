import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the browser mode in Debian's Chromium (no browser download here).
 * Each test starts its own server on a free port with a fresh data folder (see
 * e2e/fixtures/app.ts); the build must exist first: `npx electron-vite build`.
 * The Electron tests live in e2e/electron with their own config.
 */
export default defineConfig({
  testDir: 'e2e',
  testIgnore: ['electron/**'],
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  fullyParallel: false,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    viewport: { width: 1440, height: 900 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
