import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/** Runs only the zoom-crossing measurement, with the e2e browser settings. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'zoom-crossing.pw.ts',
  reporter: 'list',
  use: { ...base.use, screenshot: 'off' },
});
