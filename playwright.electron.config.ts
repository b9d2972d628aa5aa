import { defineConfig } from '@playwright/test';

/**
 * The Electron app itself, driven through Playwright's `_electron`. Separate from the
 * default (browser-mode) run because it needs an Electron binary and an Electron-ABI
 * better-sqlite3; `npm start` once prepares both. Run: `npx playwright test -c playwright.electron.config.ts`.
 */
export default defineConfig({
  testDir: './e2e/electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/electron',
  // One Electron instance at a time: each has its own data folder, but two windows fight over focus.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
