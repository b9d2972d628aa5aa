import { BrowserWindow } from 'electron';
import type { RendererLocation } from './renderer-location';

/**
 * Creates the one application window with Electron's hardened defaults made explicit:
 * isolated, sandboxed renderer without Node, web security on, no <webview>. The renderer
 * sets document.title, which Electron mirrors into the window title.
 */
export function createMainWindow(location: RendererLocation, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Flowbench',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(location.url);
  return window;
}
