import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '@shared/api/contract';

/**
 * The application menu: File, Edit and View commands go to the renderer as `menu.command`
 * events (the renderer owns documents and runs the same command objects as its toolbar
 * and keyboard); Window uses Electron's standard role. File accelerators consume their
 * keys in the desktop app; Edit and View ones are left to the page.
 */
export function buildAppMenu(
  send: (command: MenuCommand) => void,
  recent: { files: RecentFile[]; open(path: string): void } = { files: [], open: () => undefined },
): Menu {
  const isMac = process.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New', accelerator: 'CmdOrCtrl+N', click: () => send('new') },
      { label: 'New from Template…', accelerator: 'CmdOrCtrl+Shift+P', click: () => send('newFromTemplate') },
      { label: 'Choose a Pattern…', click: () => send('choosePattern') },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => send('open') },
      {
        label: 'Open Recent',
        enabled: recent.files.length > 0,
        submenu: recent.files.map((f) => ({ label: f.path, click: () => recent.open(f.path) })),
      },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => send('save') },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => send('saveAs') },
      { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', click: () => send('export') },
      { label: 'Import…', click: () => send('import') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  // The page handles these keys itself (so text fields keep native Ctrl+C and friends),
  // hence no registered accelerator: the menu shows the key and sends the command on click.
  const item = (label: string, accelerator: string, command: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: () => send(command),
  });
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      item('Undo', 'CmdOrCtrl+Z', 'undo'),
      item('Redo', 'CmdOrCtrl+Shift+Z', 'redo'),
      { type: 'separator' },
      item('Cut', 'CmdOrCtrl+X', 'cut'),
      item('Copy', 'CmdOrCtrl+C', 'copy'),
      item('Paste', 'CmdOrCtrl+V', 'paste'),
      item('Duplicate', 'CmdOrCtrl+D', 'duplicate'),
      item('Delete', 'Delete', 'delete'),
      { type: 'separator' },
      item('Select All', 'CmdOrCtrl+A', 'selectAll'),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      item('Zoom to Fit', 'Shift+1', 'zoomToFit'),
      item('Auto-layout', 'CmdOrCtrl+Shift+L', 'autoLayout'),
      item('Find…', 'CmdOrCtrl+F', 'find'),
      item('Keyboard Shortcuts', 'Shift+/', 'shortcuts'),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      { role: 'toggleDevTools' },
    ],
  };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    edit,
    view,
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
