import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { AppInfo, FlowbenchApi } from '../../src-shared/api/contract';

const root = join(__dirname, '../..');
const mainEntry = join(root, 'out/main/main.js');

/** The Electron-ABI better-sqlite3 that `npm start` (scripts/start-desktop.mjs) builds; same naming. */
function electronSqliteBinding(): string | undefined {
  if (process.env.FLOWBENCH_SQLITE_BINDING) return process.env.FLOWBENCH_SQLITE_BINDING;
  const version = (pkg: string): string =>
    (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
      .version;
  const tag = `electron-${version('electron')}-better-sqlite3-${version('better-sqlite3')}-${process.platform}-${process.arch}`;
  const path = join(root, 'node_modules/.flowbench-electron', tag, 'better_sqlite3.node');
  return existsSync(path) ? path : undefined;
}

interface WindowProbe {
  api: string;
  methods: string[];
  require: string;
  process: string;
}

const binding = electronSqliteBinding();
test.skip(!existsSync(mainEntry), 'build first: npx electron-vite build');
test.skip(!binding, 'no Electron-ABI better-sqlite3: run `npm start` once');

let app: ElectronApplication | undefined;
let page: Page;
let dataDir: string | undefined;
let problems: string[] = [];

function electronApp(): ElectronApplication {
  if (!app) throw new Error('Electron did not start');
  return app;
}

test.beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'flowbench-electron-e2e-'));
  problems = [];
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.ELECTRON_RUN_AS_NODE;
  app = await electron.launch({
    args: [mainEntry],
    env: { ...env, FLOWBENCH_DATA_DIR: dataDir, FLOWBENCH_SQLITE_BINDING: binding ?? '' },
  });
  page = await app.firstWindow();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  await page.locator('[data-app-state="ready"]').waitFor();
});

test.afterEach(async () => {
  await app?.close();
  app = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  expect(problems).toEqual([]);
});

test('opens a hardened window titled Flowbench with the API bridged', async () => {
  await expect(page).toHaveTitle(/Flowbench/);

  const probe = await page.evaluate((): WindowProbe => {
    const g = globalThis as unknown as Record<string, unknown>;
    const api = g.flowbench as Record<string, unknown> | undefined;
    return {
      api: typeof api,
      methods: api ? Object.keys(api).sort() : [],
      require: typeof g.require,
      process: typeof g.process,
    };
  });
  expect(probe.api).toBe('object');
  expect(probe.methods).toContain('run.start');
  expect(probe.methods).toContain('on');
  expect(probe.methods).not.toContain('invoke'); // ipcRenderer itself is never exposed
  expect(probe.require).toBe('undefined'); // node integration is off
  expect(probe.process).toBe('undefined');

  const info = await page.evaluate((): Promise<AppInfo> =>
    (globalThis as unknown as { flowbench: FlowbenchApi }).flowbench['app.info']({}),
  );
  expect(info).toMatchObject({ mode: 'desktop', nativeDialogs: true, dataDir });

  // A request relayed to the engine in its utilityProcess.
  const sample = await page.evaluate((): Promise<{ text: string }> =>
    (globalThis as unknown as { flowbench: FlowbenchApi }).flowbench['flow.sample']({}),
  );
  expect(sample.text.length).toBeGreaterThan(0);
});

test('blocks navigation to an external URL', async () => {
  const before = page.url();
  // Listen in the main process first: our guard runs before this listener and prevents it.
  await electronApp().evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents;
    (globalThis as unknown as Record<string, unknown>).flowbenchNavigation = new Promise<boolean>(
      (resolve) => {
        contents?.once('will-navigate', (event) => setImmediate(() => resolve(event.defaultPrevented)));
      },
    );
  });
  await page.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
  });
  const prevented = await electronApp().evaluate(
    () => (globalThis as unknown as { flowbenchNavigation: Promise<boolean> }).flowbenchNavigation,
  );
  expect(prevented).toBe(true);
  expect(page.url()).toBe(before);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
});
