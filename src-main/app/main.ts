import { app, Menu, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { EventName, EventPayloads, RecentFile } from '@shared/api/contract';
import { buildContentSecurityPolicy } from '../host/content-security-policy';
import { flowsDirOf, resolveDataDir } from '../host/data-dir';
import { ensureFlowsDir } from '../host/workspace-files';
import { registerApiIpc, sendEventToWindow } from './api-ipc';
import { buildAppMenu } from './app-menu';
import { createSecretFile } from '../host/secret-file';
import { messageExportDialog } from './message-export-dialog';
import { createDesktopHostHandlers } from './desktop-host-handlers';
import { startEngineHost, type EngineClient } from './engine-client';
import { createKeychainEncryptor } from './keychain';
import { createMainWindow } from './main-window';
import { rendererLocation } from './renderer-location';
import { guardWebContents, hardenSession } from './session-hardening';

/*
 * The desktop shell: one hardened window, the menu, native dialogs, and a relay between
 * the renderer (IPC) and the engine (a utilityProcess). Nothing else lives here.
 */

app.enableSandbox();

// FLOWBENCH_DATA_DIR isolates a whole instance (tests, second workspaces): Chromium's own
// profile (localStorage, caches) moves with it, and the single-instance lock is per folder.
const explicitDataDir = process.env.FLOWBENCH_DATA_DIR;
if (explicitDataDir) app.setPath('userData', join(explicitDataDir, 'electron-profile'));
const dataDir = resolveDataDir({ appDefault: app.getPath('userData') }).dir;
const location = rendererLocation(__dirname, process.env.ELECTRON_RENDERER_URL, app.isPackaged);

let mainWindow: BrowserWindow | null = null;
let engine: EngineClient | null = null;
let engineClosed = false;

function emitToWindow<E extends EventName>(event: E, payload: EventPayloads[E]): void {
  sendEventToWindow(mainWindow, location, event, payload);
}

function openWindow(): void {
  mainWindow = createMainWindow(location, join(__dirname, '../preload/preload.cjs'));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** (Re)builds the menu; the host calls it whenever the recent-files list changes. */
function setAppMenu(recentFiles: RecentFile[]): void {
  const recent = { files: recentFiles, open: (path: string) => emitToWindow('menu.openRecent', { path }) };
  Menu.setApplicationMenu(buildAppMenu((command) => emitToWindow('menu.command', { command }), recent));
}

async function start(): Promise<void> {
  await ensureFlowsDir(flowsDirOf(dataDir));
  const devServer = location.kind === 'dev';
  const connectSrc = devServer ? [location.origin.replace(/^http/, 'ws')] : [];
  hardenSession(session.defaultSession, buildContentSecurityPolicy(connectSrc, devServer));
  const secrets = createSecretFile(dataDir, createKeychainEncryptor());
  engine = startEngineHost({
    modulePath: join(__dirname, 'engine-host.js'),
    dataDir,
    sqliteBinding: process.env.FLOWBENCH_SQLITE_BINDING,
    onEvent: (event, payload) => emitToWindow(event, payload as EventPayloads[typeof event]),
    getSecret: (id) => secrets.get(id),
    chooseExportTarget: messageExportDialog(dataDir, () => mainWindow),
  });
  registerApiIpc({
    getWindow: () => mainWindow,
    location,
    host: createDesktopHostHandlers(dataDir, () => mainWindow, secrets, setAppMenu),
    engine,
  });
  setAppMenu([]);
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !mainWindow && engine) openWindow();
  });
  // The engine must flush its recorder and close SQLite before the process goes away.
  app.on('before-quit', (event) => {
    if (engineClosed || !engine) return;
    event.preventDefault();
    engineClosed = true;
    void engine.close().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      process.stderr.write(
        `flowbench: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
      app.exit(1);
    });
}
